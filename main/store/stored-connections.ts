import { z } from 'zod';
import { fhEnvironments, fiskalyEnvironments, fiskalyProducts } from '../../shared/contract/connections';

/** A profile as saved in the settings file: nothing secret (key and secret are in the keychain). */
export const storedFiscalHarmonyProfileSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.literal('fiscal-harmony'),
  environment: z.enum(fhEnvironments),
  customBaseUrl: z.string().nullable(),
  applicationName: z.string(),
});

export const storedFiskalyProfileSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.literal('fiskaly'),
  environment: z.enum(fiskalyEnvironments),
  product: z.enum(fiskalyProducts),
  customBaseUrl: z.string().nullable(),
  organizationUnitId: z.string().nullable(),
});

export const storedProfileSchema = z.discriminatedUnion('kind', [storedFiscalHarmonyProfileSchema, storedFiskalyProfileSchema]);
export type StoredProfile = z.infer<typeof storedProfileSchema>;
export type StoredFiscalHarmonyProfile = z.infer<typeof storedFiscalHarmonyProfileSchema>;
export type StoredFiskalyProfile = z.infer<typeof storedFiskalyProfileSchema>;

export const storedConnectionsSchema = z.object({
  profiles: z.array(storedProfileSchema),
  activeProfileId: z.string().nullable(),
  /** Set once the training profile has been created, so deleting it is respected. */
  trainingCreated: z.boolean(),
});
export type StoredConnections = z.infer<typeof storedConnectionsSchema>;

export const storedStationSchema = z.object({ id: z.string(), label: z.string() });
export type StoredStation = z.infer<typeof storedStationSchema>;
