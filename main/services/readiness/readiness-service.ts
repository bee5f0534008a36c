import type { ReadinessReason, ReadinessVerdict } from '../../../shared/contract/readiness';
import { parseDeviceConfig } from '../../../shared/domain/fiscal-harmony/schemas';
import { isAppError } from '../../../shared/errors';
import type { EventBus } from '../../events/event-bus';
import type { Logger } from '../../logging/logger';
import type { FiscalHarmonyClient } from '../../providers/fiscal-harmony/fh-client';
import type { ConnectionsService } from '../connections/connections-service';
import type { MappingsService } from '../mappings/mappings-service';
import { levelOf, noConnection, reasonForError, reasonsFrom, sortReasons, type ReadinessFacts } from './readiness-rules';

type ReadinessClient = Pick<FiscalHarmonyClient, 'checkStatus' | 'getFiscalDevice' | 'getSubscription'>;
type ConnectionOfVerdict = NonNullable<ReadinessVerdict['connection']>;

/** What the service needs to know about the active connection (a fake one in unit tests). */
export type ActiveForReadiness =
  | { kind: 'none' }
  | { kind: 'fiskaly'; connection: ConnectionOfVerdict }
  | { kind: 'fiscal-harmony'; connection: ConnectionOfVerdict; client: () => Promise<ReadinessClient> };

export interface ReadinessServiceDeps {
  active(): ActiveForReadiness;
  /** The active connection's mapped codes (MappingsService does this, cached). */
  mappings: Pick<MappingsService, 'mappedTaxCodes' | 'mappedCurrencies'>;
  events: EventBus;
  logger: Logger;
  clock?: () => Date;
  /** How long a verdict is reused before the service is asked again. */
  ttlMs?: number;
  /** Reasons that come from this computer, not from Fiscal Harmony (the journal's numbering). */
  localReasons?: (connectionId: string) => Promise<ReadinessReason[]>;
}

const defaultTtlMs = 60_000;

/**
 * The one readiness verdict of the active connection (see shared/contract/readiness.ts). Cached
 * for a minute per connection, dropped whenever connections or mappings change; every drop, and
 * every fresh verdict that differs from the last, is announced as `readiness:changed`.
 */
export class ReadinessService {
  private readonly clock: () => Date;
  private cached: { key: string; at: number; verdict: Promise<ReadinessVerdict> } | undefined;
  private lastSignature: string | undefined;
  /** Per connection, the reasons of its last check that reached the service (this run). */
  private readonly lastReached = new Map<string, { reasons: ReadinessReason[]; checkedAt: string }>();
  private generation = 0;
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: ReadinessServiceDeps) {
    this.clock = deps.clock ?? (() => new Date());
    this.unsubscribe = deps.events.subscribe((name) => {
      // A mapping changed: what the last check found about the mappings is no longer known.
      if (name === 'mappings:changed') this.lastReached.clear();
      if (name === 'connections:changed' || name === 'mappings:changed') this.invalidate();
    });
  }

  dispose(): void {
    this.unsubscribe();
  }

  /** Forget the last verdict (the next call asks the service) and tell the screens. */
  invalidate(): void {
    this.cached = undefined;
    this.generation += 1;
    this.deps.events.emit('readiness:changed', { at: this.clock().toISOString() });
  }

  /**
   * Whether documents sent now on the active connection will be fiscalised. Invoice entry calls
   * this before queuing a document; `fresh` skips the cached verdict.
   */
  async verdict(options: { fresh?: boolean } = {}): Promise<ReadinessVerdict> {
    const active = this.deps.active();
    const key = active.kind === 'none' ? 'none' : active.connection.id;
    const now = this.clock().getTime();
    const ttl = this.deps.ttlMs ?? defaultTtlMs;
    if (!options.fresh && this.cached !== undefined && this.cached.key === key && now - this.cached.at < ttl) return this.cached.verdict;
    const generation = this.generation;
    const verdict = this.compute(active);
    this.cached = { key, at: now, verdict };
    verdict.catch(() => {
      if (this.cached?.verdict === verdict) this.cached = undefined;
    });
    const result = await verdict;
    this.announceIfChanged(result, generation);
    return result;
  }

  private announceIfChanged(verdict: ReadinessVerdict, generation: number): void {
    const signature = JSON.stringify([verdict.connection?.id ?? null, verdict.level, verdict.reasons.map((r) => r.code)]);
    const changed = this.lastSignature !== undefined && this.lastSignature !== signature;
    this.lastSignature = signature;
    // An invalidation since this check started has announced already.
    if (changed && generation === this.generation) this.deps.events.emit('readiness:changed', { at: this.clock().toISOString() });
  }

  private async compute(active: ActiveForReadiness): Promise<ReadinessVerdict> {
    const checkedAt = this.clock().toISOString();
    if (active.kind === 'none') return { level: 'blocked', connection: null, reasons: [noConnection()], checkedAt };
    if (active.kind === 'fiskaly') return { level: 'not-applicable', connection: active.connection, reasons: [], checkedAt };
    const local = await (this.deps.localReasons?.(active.connection.id) ?? Promise.resolve([])).catch((error: unknown) => {
      this.deps.logger.warn('Readiness: the local checks could not be read', { error });
      return [];
    });
    try {
      const facts = await this.facts(await active.client());
      const reasons = sortReasons([...local, ...reasonsFrom(facts, this.clock())]);
      this.lastReached.set(active.connection.id, { reasons, checkedAt });
      return { level: levelOf(reasons), connection: active.connection, reasons, checkedAt };
    } catch (error) {
      if (!isAppError(error)) {
        this.deps.logger.error('Readiness check failed unexpectedly', { error });
        throw error;
      }
      const reason = reasonForError(error.code, error.message, { training: active.connection.training });
      const reasons = sortReasons([...local, reason]);
      const lastChecked = reason.code === 'not-checked' ? (this.lastReached.get(active.connection.id) ?? null) : null;
      return { level: levelOf(reasons), connection: active.connection, reasons, checkedAt, lastChecked };
    }
  }

  private async facts(client: ReadinessClient): Promise<ReadinessFacts> {
    // GETs are not signed, so they prove the key only; an empty status check is signed and
    // changes nothing, so it proves the secret too (as the connection test does).
    await client.checkStatus([]);
    const device = await client.getFiscalDevice().then(
      (value) => value,
      (error: unknown) => {
        if (isAppError(error) && error.code === 'NO_DEVICE') return null;
        throw error;
      },
    );
    if (device === null) return { device: { kind: 'none' }, subscriptionStatus: null, mappings: null };
    const [subscriptionStatus, mappings] = await Promise.all([
      client.getSubscription().then(
        (subscription) => subscription.Status ?? null,
        (error: unknown) => {
          if (isAppError(error) && error.code === 'NO_DEVICE') return null;
          throw error;
        },
      ),
      Promise.all([this.deps.mappings.mappedTaxCodes(), this.deps.mappings.mappedCurrencies()]).then(
        ([taxes, currencies]) => ({ taxes, currencies }),
        (error: unknown) => {
          // The device answered, so this is a passing hiccup: judge without the mappings.
          this.deps.logger.warn('Readiness: mappings could not be read', { code: isAppError(error) ? error.code : 'INTERNAL' });
          return null;
        },
      ),
    ]);
    const parsed = parseDeviceConfig(device.CurrentConfig);
    return {
      device: {
        kind: 'device',
        deviceId: device.DeviceId ?? null,
        status: device.Status ?? null,
        billingStatus: device.BillingStatus ?? null,
        certificateValidTill: parsed.ok ? (parsed.config.certificateValidTill ?? null) : null,
        configReadable: parsed.ok,
      },
      subscriptionStatus,
      mappings,
    };
  }
}

/** The active connection as the readiness service sees it, from the connections service. */
export function activeForReadiness(connections: ConnectionsService): () => ActiveForReadiness {
  return () => {
    const profile = connections.activeProfile();
    if (profile === null) return { kind: 'none' };
    const connection = { id: profile.id, name: profile.name, kind: profile.kind, training: connections.isTrainingProfile(profile) };
    if (profile.kind === 'fiskaly') return { kind: 'fiskaly', connection };
    return { kind: 'fiscal-harmony', connection, client: () => connections.fiscalHarmonyClient(profile) };
  };
}
