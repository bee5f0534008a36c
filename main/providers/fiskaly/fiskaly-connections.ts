// The fiskaly connections of the app: one TokenManager + FiskalyClient per profile, built from
// the profile's settings and its keychain entries, kept while the settings stay the same. This
// is what the IPC handlers use: they pass the profile (non-secret settings) and get a client,
// the token state for the UI, or a connection test; they report keychain changes.
import type { FiskalyProduct } from '../../../shared/contract/connections';
import type { TokenState } from '../../../shared/contract/fiskaly-token-state';
import { AppError } from '../../../shared/errors';
import type { ApiCredentials } from '../../auth/auth-styles';
import { TokenManager } from '../../auth/token-manager';
import type { Logger } from '../../logging/logger';
import type { Redactor } from '../../logging/redact';
import { vaultAccount } from '../../vault/secret-vault';
import type { SecretVault } from '../../vault/secret-vault';
import { FiskalyClient } from './fiskaly-client';
import type { FiskalyConnectionTestResult } from './fiskaly-client';
import { connectionProbePath, productFamily, resolveBaseUrl } from './products';
import type { FiskalyEnvironment } from './products';

/** The non-secret settings of a fiskaly profile (what settings store keeps). */
export interface FiskalyProfileSettings {
  id: string;
  name: string;
  product: FiskalyProduct;
  environment: FiskalyEnvironment;
  customBaseUrl?: string | null;
  organizationUnitId?: string | null;
}

export interface FiskalyConnectionsOptions {
  vault: SecretVault;
  redactor: Redactor;
  logger: Logger;
  fetch?: typeof fetch;
  clock?: () => number;
  refreshAheadMs?: number;
  authTimeoutMs?: number;
  requestTimeoutMs?: number;
}

export interface FiskalyConnection {
  tokens: TokenManager;
  client: FiskalyClient;
  baseUrl: string;
}

/** The state of a profile that has not been used yet. */
export function signedOutState(): TokenState {
  return {
    status: 'signed-out',
    accessTokenExpiresAt: null,
    refreshTokenExpiresAt: null,
    hasRefreshToken: false,
    lastError: null,
    authenticatedAt: null,
    refreshCount: 0,
    authCount: 0,
  };
}

/** Key and secret of a profile from the keychain (`<profileId>/apiKey`, `<profileId>/apiSecret`). */
export function vaultCredentials(vault: SecretVault, profileId: string, profileName: string): () => Promise<ApiCredentials> {
  return async () => {
    const [apiKey, apiSecret] = await Promise.all([vault.get(vaultAccount(profileId, 'apiKey')), vault.get(vaultAccount(profileId, 'apiSecret'))]);
    if (!apiKey || !apiSecret) {
      throw new AppError('CREDENTIALS_MISSING', `"${profileName}" has no API key or secret in the keychain yet. Enter both in the connection settings.`);
    }
    return { apiKey, apiSecret };
  };
}

/** Builds the token manager and client of one profile. Throws INVALID_INPUT for an unusable base URL. */
export function createFiskalyConnection(profile: FiskalyProfileSettings, options: FiskalyConnectionsOptions): FiskalyConnection {
  const family = productFamily(profile.product);
  const { baseUrl } = resolveBaseUrl(profile.product, profile.environment, profile.customBaseUrl);
  const tokens = new TokenManager({
    profileId: profile.id,
    profileName: profile.name,
    style: family.style,
    baseUrl,
    ...(family.apiVersion === null ? {} : { apiVersion: family.apiVersion }),
    environment: profile.environment,
    credentials: vaultCredentials(options.vault, profile.id, profile.name),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.refreshAheadMs === undefined ? {} : { refreshAheadMs: options.refreshAheadMs }),
    ...(options.authTimeoutMs === undefined ? {} : { timeoutMs: options.authTimeoutMs }),
    redactor: options.redactor,
    logger: options.logger,
  });
  const client = new FiskalyClient({
    tokens,
    apiVersion: family.apiVersion,
    scopeHeader: family.scopeHeader,
    organizationUnitId: profile.organizationUnitId ?? null,
    probePath: connectionProbePath(profile.product, baseUrl),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.requestTimeoutMs === undefined ? {} : { timeoutMs: options.requestTimeoutMs }),
    logger: options.logger,
  });
  return { tokens, client, baseUrl };
}

function fingerprint(profile: FiskalyProfileSettings): string {
  return JSON.stringify([profile.name, profile.product, profile.environment, profile.customBaseUrl ?? null, profile.organizationUnitId ?? null]);
}

type StateListener = (profileId: string, state: TokenState) => void;

export class FiskalyConnections {
  private readonly options: FiskalyConnectionsOptions;
  private readonly entries = new Map<string, { fingerprint: string; connection: FiskalyConnection; unsubscribe: () => void }>();
  private readonly listeners = new Set<StateListener>();

  constructor(options: FiskalyConnectionsOptions) {
    this.options = options;
  }

  /** The connection of `profile`, built on first use and rebuilt (tokens dropped) when its settings change. */
  connection(profile: FiskalyProfileSettings): FiskalyConnection {
    const print = fingerprint(profile);
    const existing = this.entries.get(profile.id);
    if (existing && existing.fingerprint === print) return existing.connection;
    if (existing) this.remove(profile.id);
    const connection = createFiskalyConnection(profile, this.options);
    const unsubscribe = connection.tokens.onStateChange((state) => {
      for (const listener of this.listeners) listener(profile.id, state);
    });
    this.entries.set(profile.id, { fingerprint: print, connection, unsubscribe });
    return connection;
  }

  client(profile: FiskalyProfileSettings): FiskalyClient {
    return this.connection(profile).client;
  }

  /** Signs in if needed and calls the probe; never throws for a service error (see the result). */
  async testConnection(profile: FiskalyProfileSettings): Promise<FiskalyConnectionTestResult> {
    return this.connection(profile).client.testConnection();
  }

  /** Token state for the UI (signed-out for a profile not used yet). Never a token. */
  tokenState(profileId: string): TokenState {
    return this.entries.get(profileId)?.connection.tokens.state() ?? signedOutState();
  }

  /** The key or secret of `profileId` changed in the keychain: its cached tokens are dropped. */
  credentialsChanged(profileId: string): void {
    this.entries.get(profileId)?.connection.tokens.credentialsChanged();
  }

  /** The profile was deleted (or its settings replaced): its tokens are dropped and forgotten. */
  remove(profileId: string): void {
    const entry = this.entries.get(profileId);
    if (!entry) return;
    entry.connection.tokens.reset();
    entry.unsubscribe();
    this.entries.delete(profileId);
  }

  /** Drops every profile's tokens (app shutdown, lock). */
  clear(): void {
    for (const id of [...this.entries.keys()]) this.remove(id);
  }

  /** Called with (profileId, state) whenever a profile's token state changes. */
  onStateChange(listener: StateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
