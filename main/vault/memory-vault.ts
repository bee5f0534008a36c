import type { SecretVault } from './secret-vault';

/**
 * A vault held in memory, for unit tests of code that uses a vault. The app never uses it;
 * the keychain itself is tested against a real Secret Service (keytar-vault.keychain.test.ts).
 */
export class MemoryVault implements SecretVault {
  readonly entries = new Map<string, string>();

  async get(account: string): Promise<string | null> {
    return this.entries.get(account) ?? null;
  }

  async set(account: string, value: string): Promise<void> {
    this.entries.set(account, value);
  }

  async delete(account: string): Promise<boolean> {
    return this.entries.delete(account);
  }
}
