// GET /profile, /fiscaldevice, /subscription.
import { json, message } from '../http/api-types';
import type { ApiResponse } from '../http/api-types';
import type { AccountState } from '../state/account-state';

export function getProfile(account: AccountState): ApiResponse {
  const p = account.profile;
  return json(200, {
    Id: account.id,
    FullName: p.FullName,
    TradeName: p.TradeName ?? null,
    Tin: p.Tin ?? null,
    VatNumber: p.VatNumber ?? null,
    Email: p.Email ?? null,
    Phone: p.Phone ?? null,
  });
}

const NO_DEVICE = 'No fiscal device is attached to this account';

export function getFiscalDevice(account: AccountState): ApiResponse {
  const d = account.device;
  if (!d) return message(404, NO_DEVICE);
  return json(200, {
    DeviceId: d.deviceId,
    SerialNumber: d.serialNumber,
    Status: d.status,
    ActivatedOn: d.activatedOn,
    BillingStatus: account.subscription?.Status ?? null,
    CurrentConfig: JSON.stringify(d.config),
  });
}

export function getSubscription(account: AccountState): ApiResponse {
  if (!account.device) return message(404, NO_DEVICE);
  if (!account.subscription) return message(404, 'This account has no subscription');
  return json(200, account.subscription);
}
