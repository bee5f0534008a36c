import { z } from 'zod';
import { channel } from './define';

/**
 * The shop database: a PostgreSQL server several tills copy their documents and journal events
 * to, so a back office sees every till. Its password lives in the keychain only; the renderer
 * learns whether one is saved, never the password.
 */
export const shopDbTlsModes = ['off', 'require', 'verify'] as const;
export type ShopDbTlsMode = (typeof shopDbTlsModes)[number];

/** A host name, a full IPv4 address (never a shorthand like 10.1) or a bracketless IPv6 one; empty until typed. */
function isHostOrEmpty(host: string): boolean {
  if (host === '') return true;
  if (/^[0-9.]+$/.test(host)) return /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(host);
  if (host.includes(':')) return /^[0-9A-Fa-f:.]+$/.test(host);
  return /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(host);
}

export const shopDbSettingsSchema = z
  .object({
    /** Whether this till copies to the shop database at all (off: it works exactly as a lone till). */
    enabled: z.boolean(),
    host: z
      .string()
      .trim()
      .max(253)
      .refine(isHostOrEmpty, { message: 'Write the server’s name or its full address (like db.shop.local or 192.168.1.20).' }),
    port: z.number().int().min(1).max(65_535),
    database: z.string().trim().max(63),
    user: z.string().trim().max(63),
    /** off: plain; require: encrypted, the server's certificate not checked; verify: encrypted and the certificate checked against this computer's trusted authorities and the address. */
    tls: z.enum(shopDbTlsModes),
    /** The branch this till belongs to, as the back office groups tills. */
    branch: z.string().trim().max(80),
  })
  .strict();
export type ShopDbSettings = z.infer<typeof shopDbSettingsSchema>;

/** A till that was never told of a shop database: it works on its own. */
export const shopDbDefaults: ShopDbSettings = { enabled: false, host: '', port: 5432, database: '', user: '', tls: 'require', branch: '' };

export const shopDbViewSchema = z.object({
  settings: shopDbSettingsSchema,
  passwordSaved: z.boolean(),
  /** This till's station id, as the shop database knows it. */
  stationId: z.string(),
});
export type ShopDbView = z.infer<typeof shopDbViewSchema>;

/** The settings as typed, with a new password (null: keep the saved one). */
export const shopDbChangeSchema = z.object({ settings: shopDbSettingsSchema, password: z.string().max(1000).nullable() }).strict();
export type ShopDbChange = z.infer<typeof shopDbChangeSchema>;

export const shopDbProblems = [
  'unreachable',
  'tls',
  'wrong-password',
  'no-login',
  'no-database',
  'missing-right',
  'not-set-up',
  'schema-too-old',
  'schema-too-new',
  'other-till',
  'disk-full',
  'incomplete',
  'other',
] as const;
export type ShopDbProblem = (typeof shopDbProblems)[number];

export const shopDbTestResultSchema = z.object({
  ok: z.boolean(),
  problem: z.enum(shopDbProblems).nullable(),
  /** What was found, in plain words, with what to do when something is wrong. */
  message: z.string(),
});
export type ShopDbTestResult = z.infer<typeof shopDbTestResultSchema>;

export const shopReplicationStatusSchema = z.object({
  state: z.enum(['off', 'copying', 'up-to-date', 'paused']),
  /** "Copy to the shop database paused: <why>" while paused. */
  message: z.string(),
  problem: z.enum(shopDbProblems).nullable(),
  /** Journal events not yet in the shop database (as far as this till knows). */
  eventsWaiting: z.number().int().nonnegative(),
  lastCopiedAt: z.string().nullable(),
});
export type ShopReplicationStatus = z.infer<typeof shopReplicationStatusSchema>;

export const shopDbChannels = {
  get: channel({
    input: z.undefined(),
    output: shopDbViewSchema,
    description: 'The shop database settings of this till, and whether a password is saved (never the password).',
  }),
  save: channel({
    input: shopDbChangeSchema,
    output: shopDbViewSchema,
    description: 'Save the shop database settings (the password goes to the keychain); copying starts again with them.',
  }),
  test: channel({
    input: shopDbChangeSchema,
    output: shopDbTestResultSchema,
    description: 'Connect to the shop database with these settings and say in plain words what is wrong, if anything. Writes nothing.',
  }),
  status: channel({
    input: z.undefined(),
    output: shopReplicationStatusSchema,
    description: 'How the copy of this till’s documents to the shop database stands.',
  }),
};
