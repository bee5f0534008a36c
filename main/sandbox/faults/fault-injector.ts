// Decides, per API request and per submitted document, which fault (if any) applies.
// Deterministic: one PRNG stream for requests and one for documents, both from the seed, and a
// fixed number of draws per request so that the decisions do not shift when rates change.
import { FaultPatchSchema, NO_FAULTS } from './fault-config';
import type { FaultConfig, FaultPatch } from './fault-config';
import { seededRandom } from './seeded-random';
import type { Random } from './seeded-random';

export type RequestFault =
  | { kind: 'none' }
  | { kind: 'unauthorized' }
  | { kind: 'drop' }
  | { kind: 'hang' }
  | { kind: 'server-error'; status: 500 | 502 | 503 }
  | { kind: 'malformed-json' };

export interface RequestFaultDecision {
  fault: RequestFault;
  latencyMs: number;
}

const SERVER_ERRORS = [500, 502, 503] as const;

export class FaultInjector {
  private config: FaultConfig;
  private requestRandom: Random;
  private documentRandom: Random;

  /** Throws when `initial` holds invalid settings. */
  constructor(initial: Partial<FaultConfig> | undefined, seed: number) {
    this.config = { ...NO_FAULTS };
    this.requestRandom = seededRandom(seed);
    this.documentRandom = seededRandom(seed ^ 0x5bd1e995);
    if (initial) this.update(initial);
  }

  get current(): FaultConfig {
    return { ...this.config, paths: [...this.config.paths] };
  }

  /** Validates and applies a patch; a `seed` restarts both random streams. Throws on bad input. */
  update(patch: FaultPatch): FaultConfig {
    const { seed, ...rest } = FaultPatchSchema.parse(patch);
    const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    this.config = { ...this.config, ...defined };
    if (seed !== undefined) this.reseed(seed);
    return this.current;
  }

  reset(seed: number): void {
    this.config = { ...NO_FAULTS };
    this.reseed(seed);
  }

  private reseed(seed: number): void {
    this.requestRandom = seededRandom(seed);
    this.documentRandom = seededRandom(seed ^ 0x5bd1e995);
  }

  forRequest(apiPath: string): RequestFaultDecision {
    const c = this.config;
    if (c.paths.length > 0 && !c.paths.some((p) => apiPath.toLowerCase().startsWith(p.toLowerCase()))) {
      return { fault: { kind: 'none' }, latencyMs: 0 };
    }
    const [jitter, unavailable, which, hang, drop, malformed] = Array.from({ length: 6 }, () => this.requestRandom()) as [
      number, number, number, number, number, number,
    ];
    const latencyMs = c.latencyMs + Math.floor(jitter * (c.latencyJitterMs + 1));
    if (c.unauthorizedBurst > 0) {
      this.config = { ...c, unauthorizedBurst: c.unauthorizedBurst - 1 };
      return { fault: { kind: 'unauthorized' }, latencyMs };
    }
    if (c.dropNext > 0) {
      this.config = { ...c, dropNext: c.dropNext - 1 };
      return { fault: { kind: 'drop' }, latencyMs };
    }
    if (drop < c.dropRate) return { fault: { kind: 'drop' }, latencyMs };
    if (hang < c.hangRate) return { fault: { kind: 'hang' }, latencyMs };
    if (unavailable < c.serverErrorRate) {
      const status = SERVER_ERRORS[Math.floor(which * SERVER_ERRORS.length)] ?? 503;
      return { fault: { kind: 'server-error', status }, latencyMs };
    }
    if (malformed < c.malformedJsonRate) return { fault: { kind: 'malformed-json' }, latencyMs };
    return { fault: { kind: 'none' }, latencyMs };
  }

  /** Processing delay of one submitted document: the normal delay or the slow one. */
  processingDelay(normalDelayMs: number): { delayMs: number; slow: boolean } {
    const slow = this.documentRandom() < this.config.slowProcessingRate;
    return slow ? { delayMs: this.config.slowProcessingDelayMs, slow } : { delayMs: normalDelayMs, slow };
  }
}
