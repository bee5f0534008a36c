import { z } from 'zod';
import { errorCodes } from '../errors';

/**
 * What the renderer may know about a fiskaly profile's sign-in (main/auth/token-manager.ts).
 * Never a token value: only status, expiry times and counters. The schema is strict so that a
 * field added by mistake in main (a token, say) fails validation instead of crossing IPC.
 *
 * - `signed-out`: no usable token (never signed in, reset, or everything expired);
 * - `signed-in`: an access token that has not expired, or a refresh token to get a new one;
 * - `refreshing`: a sign-in or refresh is in flight right now;
 * - `failed`: fiskaly refused the key and secret; nothing is retried until the key or secret
 *   changes, the profile is reset, or the operator tests the connection again.
 */
export const fiskalyTokenStatuses = ['signed-out', 'signed-in', 'refreshing', 'failed'] as const;
export type FiskalyTokenStatus = (typeof fiskalyTokenStatuses)[number];

export const fiskalyTokenStateSchema = z.strictObject({
  status: z.enum(fiskalyTokenStatuses),
  /** ISO 8601; null when not signed in or when fiskaly did not state an expiry. */
  accessTokenExpiresAt: z.string().nullable(),
  refreshTokenExpiresAt: z.string().nullable(),
  hasRefreshToken: z.boolean(),
  /** The last error, already written for a shop manager (no secret, no token in it). */
  lastError: z.strictObject({ code: z.enum(errorCodes), message: z.string() }).nullable(),
  /** When the key and secret were last exchanged for tokens (ISO 8601). */
  authenticatedAt: z.string().nullable(),
  /** Successful refreshes with the refresh token since the app started. */
  refreshCount: z.number().int().nonnegative(),
  /** Successful sign-ins with key and secret since the app started. */
  authCount: z.number().int().nonnegative(),
});

export type TokenState = z.infer<typeof fiskalyTokenStateSchema>;
