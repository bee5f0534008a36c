import type { ConnectionTestResult } from '../../../shared/contract/connections';
import type { TokenState } from '../../../shared/contract/fiskaly-token-state';
import type { FiskalyConnections, FiskalyProfileSettings } from '../../providers/fiskaly/fiskaly-connections';
import { resolveBaseUrl } from '../../providers/fiskaly/products';
import type { StoredFiskalyProfile } from '../../store/stored-connections';

/** What the connections service needs of the fiskaly side. */
export interface FiskalyConnector {
  /** Throws INVALID_INPUT (with a `customBaseUrl` field) when the profile has no usable address. */
  validate(profile: StoredFiskalyProfile): void;
  baseUrl(profile: StoredFiskalyProfile): string;
  test(profile: StoredFiskalyProfile): Promise<ConnectionTestResult>;
  tokenState(profileId: string): TokenState;
  /** The profile's key, secret or settings changed, or it was deleted: drop its tokens. */
  forget(profileId: string): void;
}

function settingsOf(profile: StoredFiskalyProfile): FiskalyProfileSettings {
  return {
    id: profile.id,
    name: profile.name,
    product: profile.product,
    environment: profile.environment,
    customBaseUrl: profile.customBaseUrl,
    organizationUnitId: profile.organizationUnitId,
  };
}

export function fiskalyConnector(connections: FiskalyConnections): FiskalyConnector {
  return {
    validate: (profile) => {
      resolveBaseUrl(profile.product, profile.environment, profile.customBaseUrl);
    },
    baseUrl: (profile) => {
      try {
        return resolveBaseUrl(profile.product, profile.environment, profile.customBaseUrl).baseUrl;
      } catch {
        return profile.customBaseUrl ?? '';
      }
    },
    test: async (profile) => {
      const { ok, message, checkedAt } = await connections.testConnection(settingsOf(profile));
      return { ok, message, checkedAt };
    },
    tokenState: (profileId) => connections.tokenState(profileId),
    forget: (profileId) => connections.remove(profileId),
  };
}
