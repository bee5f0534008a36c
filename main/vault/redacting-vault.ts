import type { Redactor } from '../logging/redact';
import type { SecretVault } from './secret-vault';

/**
 * Wraps the vault so that every secret read from or written to it is known to the log
 * redactor, whoever uses it (Fiscal Harmony credentials, fiskaly token manager...).
 */
export class RedactingVault implements SecretVault {
  constructor(
    private readonly inner: SecretVault,
    private readonly redactor: Redactor,
  ) {}

  async get(account: string): Promise<string | null> {
    const value = await this.inner.get(account);
    if (value !== null) this.redactor.registerSecret(value);
    return value;
  }

  async set(account: string, value: string): Promise<void> {
    this.redactor.registerSecret(value);
    await this.inner.set(account, value);
  }

  delete(account: string): Promise<boolean> {
    return this.inner.delete(account);
  }
}
