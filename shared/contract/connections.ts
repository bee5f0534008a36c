import { z } from 'zod';
import { channel } from './define';
import { fiskalyTokenStateSchema } from './fiskaly-token-state';

export const profileKinds = ['fiscal-harmony', 'fiskaly'] as const;
export const fhEnvironments = ['production', 'test', 'training', 'custom'] as const;
export const fiskalyEnvironments = ['test', 'live'] as const;
/** fiskaly product families; each has its own authentication style (see main/auth). */
export const fiskalyProducts = ['sign-de', 'sign-at', 'dsfinvk-de', 'receipt', 'sign-es', 'sign-it', 'sign-fr', 'e-invoice'] as const;
export const secretFields = ['apiKey', 'apiSecret'] as const;

export type FiskalyProduct = (typeof fiskalyProducts)[number];
export type SecretField = (typeof secretFields)[number];

const name = z.string().trim().min(1, 'Give the connection a name').max(80, 'Keep the name under 80 characters');
const applicationName = z.string().trim().min(1, 'The application name issued by Fiscal Harmony is required').max(100);
/** A key or secret as pasted: an empty one is asked for by name, a stub is "too short". */
const secretOf = (what: string) => z.string().trim().min(1, `Enter the ${what}`).min(4, 'This looks too short: paste the whole value').max(4096);
const secretValue = secretOf('value');

/**
 * A base URL the app may talk to: https, or plain http on loopback only (the training sandbox
 * and the simulators). No credentials in the URL.
 */
export const baseUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .refine((raw) => {
    try {
      const url = new URL(raw);
      if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') return false;
      if (url.protocol === 'https:') return true;
      return url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]');
    } catch {
      return false;
    }
  }, 'Enter an https:// address (plain http is allowed only for this computer, 127.0.0.1)');

/** What the renderer sees of a profile: never a secret, only whether each one is set. */
const profileViewBase = z.object({
  id: z.string(),
  name: z.string(),
  baseUrl: z.string(),
  isActive: z.boolean(),
  secrets: z.object({ apiKey: z.boolean(), apiSecret: z.boolean() }),
});

export const fiscalHarmonyProfileViewSchema = profileViewBase.extend({
  kind: z.literal('fiscal-harmony'),
  environment: z.enum(fhEnvironments),
  applicationName: z.string(),
});

export const fiskalyProfileViewSchema = profileViewBase.extend({
  kind: z.literal('fiskaly'),
  environment: z.enum(fiskalyEnvironments),
  product: z.enum(fiskalyProducts),
  organizationUnitId: z.string().nullable(),
});

export const profileViewSchema = z.discriminatedUnion('kind', [fiscalHarmonyProfileViewSchema, fiskalyProfileViewSchema]);
export type ProfileView = z.infer<typeof profileViewSchema>;

export const stationSchema = z.object({
  /** Sent as X-App-Station; generated once per installation and never changed. */
  id: z.string(),
  label: z.string(),
});

export const connectionsOverviewSchema = z.object({
  profiles: z.array(profileViewSchema),
  activeProfileId: z.string().nullable(),
  station: stationSchema,
  /** False when the OS keychain could not be reached: secrets' status is then unknown. */
  keychainAvailable: z.boolean(),
});
export type ConnectionsOverview = z.infer<typeof connectionsOverviewSchema>;

const fhCreateSchema = z.object({
  kind: z.literal('fiscal-harmony'),
  name,
  environment: z.enum(['production', 'test', 'custom']),
  customBaseUrl: baseUrlSchema.optional(),
  applicationName,
  apiKey: secretOf('API key'),
  apiSecret: secretOf('API secret'),
});

const fiskalyCreateSchema = z.object({
  kind: z.literal('fiskaly'),
  name,
  environment: z.enum(fiskalyEnvironments),
  product: z.enum(fiskalyProducts),
  customBaseUrl: baseUrlSchema.optional(),
  organizationUnitId: z.string().trim().max(200).optional(),
  apiKey: secretOf('API key'),
  apiSecret: secretOf('API secret'),
});

export const createProfileInputSchema = z.discriminatedUnion('kind', [fhCreateSchema, fiskalyCreateSchema]);
export type CreateProfileInput = z.infer<typeof createProfileInputSchema>;

export const connectionTestResultSchema = z.object({
  ok: z.boolean(),
  message: z.string(),
  /** The connection works, but this still stops fiscalisation (no fiscal device yet). */
  blocker: z.string().optional(),
  checkedAt: z.string(),
});
export type ConnectionTestResult = z.infer<typeof connectionTestResultSchema>;

const id = z.object({ id: z.string().min(1).max(100) });

export const connectionsChannels = {
  list: channel({ input: z.undefined(), output: connectionsOverviewSchema, description: 'All connection profiles, the active one and this station.' }),
  create: channel({ input: createProfileInputSchema, output: profileViewSchema, description: 'Add a profile; key and secret go to the keychain.' }),
  rename: channel({ input: id.extend({ name }), output: profileViewSchema, description: 'Rename a profile.' }),
  setSecret: channel({
    input: id.extend({ field: z.enum(secretFields), value: secretValue }),
    output: profileViewSchema,
    description: 'Replace the API key or secret of a profile in the keychain.',
  }),
  removeSecret: channel({ input: id.extend({ field: z.enum(secretFields) }), output: profileViewSchema, description: 'Remove the API key or secret from the keychain.' }),
  remove: channel({ input: id, output: connectionsOverviewSchema, description: 'Delete a profile and its keychain entries.' }),
  activate: channel({ input: id, output: connectionsOverviewSchema, description: 'Make a profile the active one.' }),
  test: channel({ input: id, output: connectionTestResultSchema, description: 'Check that the service accepts the profile.' }),
  tokenState: channel({
    input: id,
    output: fiskalyTokenStateSchema,
    description: 'Sign-in state of a fiskaly connection (status and expiry times, never a token).',
  }),
  setStationLabel: channel({
    input: z.object({ label: z.string().trim().min(1, 'Give this till or computer a name').max(60) }),
    output: stationSchema,
    description: 'Name this till or computer (the station id itself never changes).',
  }),
};
