// All accounts of one sandbox, by API key. Each account's data is separate, so that tests can
// run side by side against one sandbox with their own accounts.
import { AccountSeedSchema } from './account-seed';
import type { AccountSeed, SandboxCredentials } from './account-seed';
import { accountFromSeed } from './account-state';
import type { AccountState } from './account-state';

export class SandboxState {
  private readonly accounts = new Map<string, AccountState>();
  private nextAccountId = 1001;

  get(apiKey: string): AccountState | undefined {
    return this.accounts.get(apiKey);
  }

  all(): AccountState[] {
    return [...this.accounts.values()];
  }

  /** Validates and adds an account; throws when the seed is invalid or the key is taken. */
  addAccount(seed: AccountSeed): SandboxCredentials {
    const parsed = AccountSeedSchema.parse(seed);
    if (this.accounts.has(parsed.apiKey)) throw new Error(`API key "${parsed.apiKey}" is already in use`);
    const account = accountFromSeed(parsed, this.nextAccountId++);
    this.accounts.set(account.apiKey, account);
    return { accountId: account.id, apiKey: account.apiKey, apiSecret: account.apiSecret, label: account.label };
  }

  /** Puts a restored account back (persistence); keeps ids unique afterwards. */
  restore(account: AccountState): void {
    this.accounts.set(account.apiKey, account);
    this.nextAccountId = Math.max(this.nextAccountId, account.id + 1);
  }

  clear(): void {
    this.accounts.clear();
    this.nextAccountId = 1001;
  }
}
