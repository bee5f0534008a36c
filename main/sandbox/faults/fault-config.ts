// What can go wrong on purpose. Rates are fractions of requests (0..1); all off by default.
import { z } from 'zod';

const rate = z.number().min(0).max(1);
const ms = z.number().int().min(0).max(3_600_000);

export const FaultConfigSchema = z.object({
  /** Added to every API answer. */
  latencyMs: ms,
  /** Extra random latency, 0..latencyJitterMs. */
  latencyJitterMs: ms,
  /** Fraction answered 500/502/503 with a JSON Message. */
  serverErrorRate: rate,
  /** Fraction never answered (the caller times out); released when the caller gives up. */
  hangRate: rate,
  /** Fraction whose connection is destroyed without an answer. */
  dropRate: rate,
  /** Fraction of JSON answers sent as 200 with a truncated, unparsable body. */
  malformedJsonRate: rate,
  /** The next N API requests are answered 401 (an expired session, a rotated key). */
  unauthorizedBurst: z.number().int().min(0).max(1_000_000),
  /** The next N API requests (on `paths`) have their connection destroyed: one lost answer, on purpose. */
  dropNext: z.number().int().min(0).max(1_000_000),
  /** Fraction of submitted documents whose processing takes `slowProcessingDelayMs` instead. */
  slowProcessingRate: rate,
  slowProcessingDelayMs: ms,
  /**
   * When true, a request hit by a 5xx, hang or drop fault is still carried out (a submitted
   * document is received and processed) before the fault: the caller cannot tell whether it
   * arrived, the ambiguous case a client must handle with IsRetry.
   */
  faultsAfterReceipt: z.boolean(),
  /**
   * When true, every fiscalised document's status answer carries a QR address that is not
   * ZIMRA's (a hostile service): the client must keep it, say so, and never crash on it.
   */
  hostileQrCode: z.boolean(),
  /** API paths the faults apply to (`/invoice`, `/status`...); empty = every API path. */
  paths: z.array(z.string()),
});
export type FaultConfig = z.output<typeof FaultConfigSchema>;

/** Body of `PUT /__admin/faults` and `setFaults`: any subset, plus an optional new seed. */
export const FaultPatchSchema = FaultConfigSchema.partial().extend({ seed: z.number().int().optional() }).strict();
export type FaultPatch = z.input<typeof FaultPatchSchema>;

export const NO_FAULTS: FaultConfig = {
  latencyMs: 0,
  latencyJitterMs: 0,
  serverErrorRate: 0,
  hangRate: 0,
  dropRate: 0,
  malformedJsonRate: 0,
  unauthorizedBurst: 0,
  dropNext: 0,
  slowProcessingRate: 0,
  slowProcessingDelayMs: 600_000,
  faultsAfterReceipt: false,
  hostileQrCode: false,
  paths: [],
};
