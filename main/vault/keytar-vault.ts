import { createRequire } from 'node:module';
import { AppError } from '../../shared/errors';
import type { SecretVault } from './secret-vault';

interface Keytar {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

const unavailableMessage =
  "Fiscal Desk cannot reach this computer's keychain, where it keeps API keys and secrets. Unlock the keychain (on Linux: the Secret Service, e.g. GNOME Keyring or KWallet) and try again. Fiscal Desk never stores secrets anywhere else.";

function keychainError(cause: unknown): AppError {
  return new AppError('KEYCHAIN_UNAVAILABLE', unavailableMessage, { retryable: true, cause });
}

let keytar: Keytar | undefined;
function loadKeytar(): Keytar {
  if (keytar === undefined) {
    try {
      // keytar is a native CommonJS module; loading it lazily lets the app start (training mode)
      // and explain the problem when the module or the keychain is missing.
      keytar = createRequire(import.meta.url)('keytar') as Keytar;
    } catch (cause) {
      throw keychainError(cause);
    }
  }
  return keytar;
}

/** The OS keychain: macOS Keychain, Windows Credential Vault, Secret Service on Linux. */
export class KeytarVault implements SecretVault {
  constructor(private readonly service: string) {}

  async get(account: string): Promise<string | null> {
    try {
      return await loadKeytar().getPassword(this.service, account);
    } catch (cause) {
      throw cause instanceof AppError ? cause : keychainError(cause);
    }
  }

  async set(account: string, value: string): Promise<void> {
    try {
      await loadKeytar().setPassword(this.service, account, value);
    } catch (cause) {
      throw cause instanceof AppError ? cause : keychainError(cause);
    }
  }

  async delete(account: string): Promise<boolean> {
    try {
      return await loadKeytar().deletePassword(this.service, account);
    } catch (cause) {
      throw cause instanceof AppError ? cause : keychainError(cause);
    }
  }
}
