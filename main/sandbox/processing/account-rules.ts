// Whether the account can fiscalise at all: a device that is active and certified, and a
// subscription in good standing. Fixable by the manager, so failures are actionable.
import { parseFhDate } from '../../../shared/domain/fiscal-harmony/fh-date';
import type { AccountState, DeviceState } from '../state/account-state';

const BLOCKING_BILLING = new Set(['Suspended', 'Cancelled']);

export function accountReadiness(account: AccountState, now: Date): { device: DeviceState } | { error: string } {
  const device = account.device;
  if (!device) return { error: 'No fiscal device is attached to this account' };
  if (device.status !== 'Active') return { error: `The fiscal device ${device.serialNumber} is ${device.status}, not Active` };
  const validTill = parseFhDate(device.config.certificateValidTill);
  if (validTill && validTill.getTime() < now.getTime()) {
    return { error: `The fiscal device certificate expired on ${device.config.certificateValidTill.slice(0, 10)}: renew it in Fiscal Harmony` };
  }
  if (!account.subscription) return { error: 'This account has no Fiscal Harmony subscription' };
  if (BLOCKING_BILLING.has(account.subscription.Status)) {
    return { error: `The Fiscal Harmony subscription is ${account.subscription.Status}: settle the account, then re-send` };
  }
  return { device };
}
