import type { AccountService } from '../../services/fiscal-harmony/account-service';
import type { Handlers } from '../router';

export function accountHandlers(accounts: AccountService): Handlers['account'] {
  return { get: () => accounts.account() };
}

export function deviceHandlers(accounts: AccountService): Handlers['device'] {
  return { get: () => accounts.device() };
}
