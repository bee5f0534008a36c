import type { DeviceView } from '../../../shared/contract/device';
import { parseFhDate } from '../../../shared/domain/fiscal-harmony/fh-date';

const warningDays = 30;
const dayMs = 24 * 60 * 60 * 1000;

/** The device certificate's validity, with a warning inside 30 days of expiry. */
export function certificateState(validTill: string | null, now: Date): DeviceView['certificate'] {
  if (validTill === null) return { validTill: null, daysLeft: null, state: 'unknown' };
  const expiry = parseFhDate(validTill);
  if (expiry === undefined) return { validTill, daysLeft: null, state: 'unknown' };
  const daysLeft = Math.floor((expiry.getTime() - now.getTime()) / dayMs);
  const state = expiry.getTime() <= now.getTime() ? 'expired' : daysLeft < warningDays ? 'expiring' : 'valid';
  return { validTill, daysLeft, state };
}
