import { AppError } from '../../../shared/errors';
import type { SecretField } from '../../../shared/contract/connections';
import type { Redactor } from '../../logging/redact';
import { vaultAccount, type SecretVault } from '../../vault/secret-vault';

export interface Credentials {
  apiKey: string;
  apiSecret: string;
}

const fieldLabel: Record<SecretField, string> = { apiKey: 'API key', apiSecret: 'API secret' };

/**
 * Reads a profile's key and secret from the keychain when first needed and keeps them in memory
 * (main process only) so that each request does not hit the keychain. Every value read is
 * registered with the log redactor. Changing or removing a secret drops the cached pair.
 */
export class CredentialCache {
  private readonly cache = new Map<string, Credentials>();

  constructor(
    private readonly vault: SecretVault,
    private readonly redactor: Redactor,
  ) {}

  async get(profileId: string, profileName: string): Promise<Credentials> {
    const cached = this.cache.get(profileId);
    if (cached !== undefined) return cached;
    const [apiKey, apiSecret] = await Promise.all([
      this.vault.get(vaultAccount(profileId, 'apiKey')),
      this.vault.get(vaultAccount(profileId, 'apiSecret')),
    ]);
    const missing = apiKey === null ? 'apiKey' : apiSecret === null ? 'apiSecret' : null;
    if (missing !== null || apiKey === null || apiSecret === null) {
      throw new AppError(
        'CREDENTIALS_MISSING',
        `The ${fieldLabel[missing ?? 'apiSecret']} of "${profileName}" is not set. Add it in Connections.`,
      );
    }
    this.redactor.registerSecret(apiKey);
    this.redactor.registerSecret(apiSecret);
    const credentials = { apiKey, apiSecret };
    this.cache.set(profileId, credentials);
    return credentials;
  }

  async store(profileId: string, field: SecretField, value: string): Promise<void> {
    this.redactor.registerSecret(value);
    await this.vault.set(vaultAccount(profileId, field), value);
    this.cache.delete(profileId);
  }

  async remove(profileId: string, field: SecretField): Promise<void> {
    await this.vault.delete(vaultAccount(profileId, field));
    this.cache.delete(profileId);
  }

  async presence(profileId: string): Promise<Record<SecretField, boolean>> {
    const [apiKey, apiSecret] = await Promise.all([
      this.vault.get(vaultAccount(profileId, 'apiKey')),
      this.vault.get(vaultAccount(profileId, 'apiSecret')),
    ]);
    return { apiKey: apiKey !== null, apiSecret: apiSecret !== null };
  }

  forget(profileId: string): void {
    this.cache.delete(profileId);
  }
}
