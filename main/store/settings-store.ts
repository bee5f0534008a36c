import type { Schema } from 'conf';
import { z } from 'zod';
import {
  settingsRecoveryNoticeSchema,
  themeSchema,
  updateChannelSchema,
  userSettingsSchema,
  type SettingsRecoveryNotice,
  type UserSettings,
} from '../../shared/contract/settings';
import { shopDbDefaults, shopDbSettingsSchema } from '../../shared/contract/shop-db';
import { salvageSetting } from './settings-salvage';
import { storedConnectionsSchema, storedStationSchema } from './stored-connections';

export const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400),
  height: z.number().int().min(300),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export const settingsSchema = z.object({
  theme: themeSchema.default('system'),
  updateChannel: updateChannelSchema.default('latest'),
  windowState: windowStateSchema.default({ width: 1200, height: 800, maximized: false }),
  connections: storedConnectionsSchema.default({ profiles: [], activeProfileId: null, trainingCreated: false }),
  /** Generated on first use; `null` until then. */
  station: storedStationSchema.nullable().default(null),
  /** Per connection (profile id): the tax code new invoice lines start with, the shop's standard rate. */
  standardTaxCodes: z.record(z.string(), z.string()).default({}),
  /** The shop database this till copies to (its password is in the keychain, never here). */
  shopDb: shopDbSettingsSchema.default(shopDbDefaults),
  /** Repairs of an unreadable settings file the manager has not dismissed yet. */
  recoveryNotices: z.array(settingsRecoveryNoticeSchema).default([]),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsDefaults: Settings = settingsSchema.parse({});

/**
 * The JSON schema handed to electron-store / conf, derived from the zod schema so there is one
 * source. Both stores validate every write with it.
 */
export function settingsJsonSchema(): Schema<Record<string, unknown>> {
  const json = z.toJSONSchema(settingsSchema, { io: 'input' }) as unknown as { properties: Schema<Record<string, unknown>> };
  return json.properties;
}

/** The subset of electron-store's (and conf's) API the settings store uses. */
export interface KeyValueBackend {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** Typed settings over electron-store (Electron) or conf (browser mode); same class underneath. */
export class SettingsStore {
  constructor(private readonly backend: KeyValueBackend) {}

  /** A bad value yields what can be kept of it (one bad profile drops that profile only), never a blanket default. */
  get<K extends keyof Settings>(key: K): Settings[K] {
    return salvageSetting(key, settingsSchema.shape[key], this.backend.get(key)).value as Settings[K];
  }

  set<K extends keyof Settings>(key: K, value: Settings[K]): void {
    this.backend.set(key, settingsSchema.shape[key].parse(value));
  }

  userSettings(): UserSettings {
    return userSettingsSchema.parse({ theme: this.get('theme'), updateChannel: this.get('updateChannel') });
  }

  recoveryNotices(): SettingsRecoveryNotice[] {
    return this.get('recoveryNotices');
  }

  dismissRecoveryNotices(): SettingsRecoveryNotice[] {
    this.set('recoveryNotices', []);
    return [];
  }

  updateUserSettings(patch: Partial<UserSettings>): UserSettings {
    if (patch.theme !== undefined) this.set('theme', patch.theme);
    if (patch.updateChannel !== undefined) this.set('updateChannel', patch.updateChannel);
    return this.userSettings();
  }
}
