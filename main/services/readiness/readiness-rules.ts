import type { ReadinessLevel, ReadinessReason } from '../../../shared/contract/readiness';
import { parseFhDate } from '../../../shared/domain/fiscal-harmony/fh-date';
import { inDays } from '../../../shared/domain/time-left';
import type { ErrorCode } from '../../../shared/errors';
import { describeBillingStatus } from '../fiscal-harmony/billing-status';
import { certificateState } from '../fiscal-harmony/certificate';
import type { MappedCurrency, MappedTaxCode } from '../mappings/mappings-service';

/** What was read from Fiscal Harmony for one connection; each part may be missing. */
export interface ReadinessFacts {
  device:
    | { kind: 'none' }
    | {
        kind: 'device';
        deviceId: number | null;
        status: string | null;
        billingStatus: string | null;
        /** Null when the device configuration could not be read. */
        certificateValidTill: string | null;
        configReadable: boolean;
      };
  /** The subscription's status; null when the account has none. */
  subscriptionStatus: string | null;
  /** Null when the mappings could not be read. */
  mappings: { taxes: readonly MappedTaxCode[]; currencies: readonly MappedCurrency[] } | null;
}

const blocker = (code: ReadinessReason['code'], message: string, fix: string, screen: ReadinessReason['screen']): ReadinessReason => ({
  code,
  severity: 'blocker',
  message,
  fix,
  screen,
});
const warning = (code: ReadinessReason['code'], message: string, fix: string, screen: ReadinessReason['screen']): ReadinessReason => ({
  code,
  severity: 'warning',
  message,
  fix,
  screen,
});

/** The reason a failed check gives, from the error that stopped it. */
export function reasonForError(code: ErrorCode, message: string, where: { training: boolean } = { training: false }): ReadinessReason {
  switch (code) {
    case 'KEYCHAIN_UNAVAILABLE':
      return blocker(
        'keychain-unavailable',
        'The API key and secret cannot be read because the computer\u2019s keychain is not available.',
        'Unlock the keychain (on Linux: the Secret Service, e.g. GNOME Keyring, must be running and unlocked), then check again.',
        '/connections',
      );
    case 'CREDENTIALS_MISSING':
      return blocker('credentials-missing', message, 'Enter the API key and secret of this connection in Connections.', '/connections');
    case 'WRONG_CREDENTIALS':
      return blocker(
        'wrong-credentials',
        'Fiscal Harmony did not accept the API key or secret of this connection.',
        'Copy the key and secret again from the Fiscal Harmony portal and enter them in Connections.',
        '/connections',
      );
    case 'NO_DEVICE':
      return noDevice();
    case 'NO_CONNECTION':
      return noConnection();
    default:
      // Nothing is known about fiscalisation while the service does not answer; training runs on this computer, so no internet is involved.
      return where.training
        ? warning(
            'not-checked',
            'The training service on this computer isn\u2019t answering, so this connection could not be checked just now.',
            'Use Try now; if it lasts, restart Fiscal Desk. Documents you send meanwhile wait safely in the outbox.',
            '/connections',
          )
        : warning(
            'not-checked',
            'Fiscal Harmony isn\u2019t answering, so this connection could not be checked just now.',
            'Check this computer\u2019s internet connection, then use Try now. Documents you send meanwhile wait safely in the outbox and are sent when it answers.',
            '/connections',
          );
  }
}

export function noConnection(): ReadinessReason {
  return blocker('no-connection', 'No connection is chosen, so nothing can be fiscalised.', 'Add your Fiscal Harmony account in Connections, or choose one there.', '/connections');
}

function noDevice(): ReadinessReason {
  return blocker(
    'no-device',
    'This Fiscal Harmony account has no fiscal device, so documents cannot be fiscalised.',
    'Register a fiscal device for this account in the Fiscal Harmony portal (or ask Fiscal Harmony support), then check again.',
    '/device',
  );
}

function billingReasons(status: string | null, hasDevice: boolean): ReadinessReason[] {
  if (status === null) {
    return hasDevice
      ? [blocker('no-subscription', 'This account has no Fiscal Harmony subscription.', 'Subscribe to a plan in the Fiscal Harmony portal.', '/account')]
      : [];
  }
  const billing = describeBillingStatus(status);
  switch (status.trim().toLowerCase()) {
    case 'active':
      return [];
    case 'overdue':
      return [warning('billing-overdue', 'Payment of the Fiscal Harmony subscription is overdue. Fiscal Harmony may interrupt fiscalisation.', 'Pay the open invoice in the Fiscal Harmony portal now.', '/account')];
    case 'suspended':
      return [blocker('billing-suspended', 'The Fiscal Harmony subscription is suspended: no document is fiscalised.', 'Contact Fiscal Harmony support to reactivate the subscription.', '/account')];
    case 'cancelled':
    case 'canceled':
      return [blocker('billing-cancelled', 'The Fiscal Harmony subscription is cancelled: no document is fiscalised on this account.', 'Subscribe again in the Fiscal Harmony portal, or use another account.', '/account')];
    default:
      return [warning('billing-unknown', `The subscription status "${billing?.value ?? status}" is not one Fiscal Desk knows.`, 'Check the subscription in the Fiscal Harmony portal.', '/account')];
  }
}

function isExpired(validTill: string | null, now: Date): boolean {
  if (validTill === null) return false;
  const end = parseFhDate(validTill);
  return end !== undefined && end.getTime() <= now.getTime();
}

function list(values: readonly string[]): string {
  const quoted = values.map((v) => `"${v}"`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1) ?? ''}`;
}

function mappingReasons(mappings: ReadinessFacts['mappings'], now: Date): ReadinessReason[] {
  if (mappings === null) return [];
  const reasons: ReadinessReason[] = [];
  if (mappings.taxes.length === 0) {
    reasons.push(blocker('no-tax-mappings', 'No tax code is mapped to a tax of the fiscal device, so no document line can be fiscalised.', 'Map your tax codes in Mappings (Set up from the device does it in one go).', '/mappings'));
  } else {
    const stale = mappings.taxes.filter((t) => !t.usable).map((t) => t.taxCode);
    if (stale.length > 0) {
      reasons.push(warning('stale-tax-mapping', `The fiscal device no longer has the tax that ${list(stale)} ${stale.length === 1 ? 'is' : 'are'} mapped to: documents using ${stale.length === 1 ? 'it' : 'them'} would be refused.`, 'Map these codes to one of the device\u2019s taxes in Mappings.', '/mappings'));
    }
    const expired = mappings.taxes.filter((t) => t.usable && t.deviceTax !== null && isExpired(t.deviceTax.validTill, now)).map((t) => t.taxCode);
    if (expired.length > 0) {
      reasons.push(warning('expired-tax-mapping', `${list(expired)} ${expired.length === 1 ? 'is' : 'are'} mapped to a device tax that is no longer valid.`, 'Map these codes to a current tax in Mappings.', '/mappings'));
    }
  }
  if (mappings.currencies.length === 0) {
    reasons.push(blocker('no-currency-mappings', 'No currency is mapped, so no document can be fiscalised.', 'Map the currencies you sell in (for example USD and ZWG) in Mappings.', '/mappings'));
  } else {
    const unsupported = mappings.currencies.filter((c) => !c.usable).map((c) => c.sourceCurrency);
    if (unsupported.length > 0) {
      reasons.push(warning('unsupported-currency-mapping', `${list(unsupported)} ${unsupported.length === 1 ? 'is' : 'are'} mapped to a currency Fiscal Harmony no longer supports.`, 'Map these currencies again in Mappings.', '/mappings'));
    }
  }
  return reasons;
}

/** Every reason the facts give, blockers first. */
export function reasonsFrom(facts: ReadinessFacts, now: Date): ReadinessReason[] {
  const reasons: ReadinessReason[] = [];
  const { device } = facts;
  if (device.kind === 'none') {
    reasons.push(noDevice());
  } else {
    const status = device.status?.trim() ?? '';
    if (status === '') {
      reasons.push(warning('device-not-active', 'Fiscal Harmony did not say whether the fiscal device is active.', 'Check the device in the Fiscal Harmony portal.', '/device'));
    } else if (status.toLowerCase() !== 'active') {
      reasons.push(blocker('device-not-active', `The fiscal device is ${status}, not Active: no document is fiscalised on it.`, 'Ask Fiscal Harmony support why the device is ' + status.toLowerCase() + ' and have it reactivated.', '/device'));
    }
    if (!device.configReadable) {
      reasons.push(warning('device-config-unreadable', 'The fiscal device\u2019s configuration could not be read, so its taxes and certificate are unknown.', 'Check again later; contact Fiscal Harmony support if this stays so.', '/device'));
    } else {
      const certificate = certificateState(device.certificateValidTill, now);
      if (certificate.state === 'expired') {
        reasons.push(blocker('certificate-expired', 'The fiscal device\u2019s certificate has expired: no document is fiscalised until it is renewed.', 'Renew the device certificate in the Fiscal Harmony portal.', '/device'));
      } else if (certificate.state === 'expiring') {
        reasons.push(warning('certificate-expiring', `The fiscal device\u2019s certificate expires ${inDays(certificate.daysLeft)}.`, 'Renew the device certificate in the Fiscal Harmony portal before it expires.', '/device'));
      } else if (certificate.state === 'unknown') {
        reasons.push(warning('certificate-unknown', 'The fiscal device\u2019s certificate date is not known.', 'Check the certificate in the Fiscal Harmony portal.', '/device'));
      }
    }
  }
  reasons.push(...billingReasons(facts.subscriptionStatus ?? (device.kind === 'device' ? device.billingStatus : null), device.kind === 'device'));
  reasons.push(...mappingReasons(facts.mappings, now));
  return sortReasons(reasons);
}

export function sortReasons(reasons: readonly ReadinessReason[]): ReadinessReason[] {
  return [...reasons.filter((r) => r.severity === 'blocker'), ...reasons.filter((r) => r.severity === 'warning')];
}

export function levelOf(reasons: readonly ReadinessReason[]): ReadinessLevel {
  if (reasons.some((r) => r.severity === 'blocker')) return 'blocked';
  return reasons.length > 0 ? 'warning' : 'ready';
}
