import { z } from 'zod';
import { channel } from './define';

/*
 * Readiness: one verdict, computed in main, saying whether documents sent on the active
 * connection will be fiscalised, and if not, why and where to fix it. The shell's indicator, the
 * home screen, the screens' status labels and invoice entry's pre-submission check all read this
 * one verdict, so no screen can say "Ready" while another knows something blocks.
 */

/** The screens a reason can send the manager to (renderer routes). */
export const readinessScreens = ['/home', '/account', '/device', '/mappings', '/connections', '/settings'] as const;
export type ReadinessScreen = (typeof readinessScreens)[number];

/** Every reason the verdict can give. New codes may be added; existing ones keep their meaning. */
export const readinessReasonCodes = [
  /** No connection is chosen at all. */
  'no-connection',
  /** The keychain cannot be read, so the key and secret cannot be used. */
  'keychain-unavailable',
  /** The API key or secret of the connection is not in the keychain. */
  'credentials-missing',
  /** Fiscal Harmony refused the key or secret. */
  'wrong-credentials',
  /** Fiscal Harmony could not be reached to check (documents wait in the outbox meanwhile). */
  'not-checked',
  /** The account has no fiscal device. */
  'no-device',
  /** The fiscal device is not Active (Blocked, Deactivated, ...). */
  'device-not-active',
  /** The device's configuration could not be read: its taxes and certificate are unknown. */
  'device-config-unreadable',
  'certificate-expired',
  'certificate-expiring',
  'certificate-unknown',
  /** Billing Overdue: a warning, Fiscal Harmony may interrupt fiscalisation. */
  'billing-overdue',
  'billing-suspended',
  'billing-cancelled',
  'billing-unknown',
  /** No subscription at all. */
  'no-subscription',
  'no-tax-mappings',
  /** A tax mapping points at a tax the device no longer lists. */
  'stale-tax-mapping',
  /** A tax mapping points at a device tax whose validity has ended. */
  'expired-tax-mapping',
  'no-currency-mappings',
  /** A currency mapping points at a currency Fiscal Harmony no longer supports. */
  'unsupported-currency-mapping',
  /** The journal was lost or damaged and the last number used is not known: nothing is queued until the next one is confirmed. */
  'numbering-unknown',
  /** Another connection of this computer on the same Fiscal Harmony account uses the same number prefix. */
  'numbering-shared-prefix',
] as const;
export type ReadinessReasonCode = (typeof readinessReasonCodes)[number];

export const readinessReasonSchema = z.object({
  code: z.enum(readinessReasonCodes),
  /** A blocker stops fiscalisation; a warning does not (yet). */
  severity: z.enum(['warning', 'blocker']),
  /** What is wrong, in plain words. */
  message: z.string(),
  /** What to do about it, in plain words. */
  fix: z.string(),
  /** The screen where it is fixed (or best explained). */
  screen: z.enum(readinessScreens),
});
export type ReadinessReason = z.infer<typeof readinessReasonSchema>;

export const readinessLevels = ['ready', 'warning', 'blocked', 'not-applicable'] as const;
export type ReadinessLevel = (typeof readinessLevels)[number];

export const readinessVerdictSchema = z.object({
  /**
   * ready: nothing known stops fiscalisation. warning: documents are fiscalised, but something
   * needs attention. blocked: documents will not be fiscalised until a blocker is fixed.
   * not-applicable: the active connection is a fiskaly one (its sign-in state is its own story).
   */
  level: z.enum(readinessLevels),
  /** The connection the verdict is about; null when none is chosen. */
  connection: z
    .object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(['fiscal-harmony', 'fiskaly']),
      training: z.boolean(),
    })
    .nullable(),
  /** Blockers first, then warnings; empty when ready or not applicable. */
  reasons: z.array(readinessReasonSchema),
  /** ISO time of the check. */
  checkedAt: z.string(),
  /**
   * When this check could not reach the service ("not-checked"): the reasons of the last check
   * of this connection that did, so what was set up stays known through a passing failure.
   */
  lastChecked: z.object({ reasons: z.array(readinessReasonSchema), checkedAt: z.string() }).nullable().optional(),
});
export type ReadinessVerdict = z.infer<typeof readinessVerdictSchema>;

export const readinessGetInputSchema = z
  .object({
    /** Ask the service again instead of using a verdict up to a minute old. */
    fresh: z.boolean().optional(),
  })
  .optional();

export const readinessChannels = {
  get: channel({
    input: readinessGetInputSchema,
    output: readinessVerdictSchema,
    description: 'Whether documents sent on the active connection will be fiscalised: ready, warning, blocked (with reasons and fixes) or not applicable.',
  }),
};
