import { describe, expect, it } from 'vitest';
import type { DeviceTax } from '../../../shared/contract/device';
import { levelOf, reasonsFrom, type ReadinessFacts } from './readiness-rules';

const now = new Date('2026-11-21T08:00:00Z');
const tax = (id: number, validTill: string | null = null): DeviceTax => ({ id, name: `Tax ${id}`, percent: '15.5', validFrom: '2026-01-01T00:00:00', validTill });

function facts(change: Partial<ReadinessFacts> = {}, device: Partial<Extract<ReadinessFacts['device'], { kind: 'device' }>> = {}): ReadinessFacts {
  return {
    device: { kind: 'device', deviceId: 1, status: 'Active', billingStatus: 'Active', certificateValidTill: '2028-01-05T08:00:00', configReadable: true, ...device },
    subscriptionStatus: 'Active',
    mappings: {
      taxes: [{ taxCode: 'VAT15', taxName: null, destinationTaxId: 517, deviceTax: tax(517), usable: true }],
      currencies: [{ sourceCurrency: 'USD', destinationCurrency: 'USD', usable: true }],
    },
    ...change,
  };
}
const codes = (f: ReadinessFacts) => reasonsFrom(f, now).map((r) => `${r.severity}:${r.code}`);

describe('readiness rules', () => {
  it('all in order: ready, no reasons', () => {
    expect(reasonsFrom(facts(), now)).toEqual([]);
    expect(levelOf([])).toBe('ready');
  });

  it('certificate: expiring inside 30 days warns, expired blocks', () => {
    expect(codes(facts({}, { certificateValidTill: '2026-12-01T00:00:00' }))).toEqual(['warning:certificate-expiring']);
    expect(codes(facts({}, { certificateValidTill: '2026-11-01T00:00:00' }))).toEqual(['blocker:certificate-expired']);
  });

  it('billing: overdue warns; suspended and cancelled block; the subscription wins over the device field', () => {
    expect(codes(facts({ subscriptionStatus: 'Overdue' }))).toEqual(['warning:billing-overdue']);
    expect(codes(facts({ subscriptionStatus: 'Suspended' }))).toEqual(['blocker:billing-suspended']);
    expect(codes(facts({ subscriptionStatus: 'Cancelled' }, { billingStatus: 'Active' }))).toEqual(['blocker:billing-cancelled']);
    expect(codes(facts({ subscriptionStatus: null }, { billingStatus: 'Overdue' }))).toEqual(['warning:billing-overdue']);
    expect(codes(facts({ subscriptionStatus: null }, { billingStatus: null }))).toEqual(['blocker:no-subscription']);
  });

  it('mappings: stale and expired taxes and unsupported currencies warn; none at all blocks', () => {
    const mappings = {
      taxes: [
        { taxCode: 'OLD', taxName: null, destinationTaxId: 9, deviceTax: null, usable: false },
        { taxCode: 'VAT14', taxName: null, destinationTaxId: 3, deviceTax: tax(3, '2026-06-30T23:59:59'), usable: true },
      ],
      currencies: [{ sourceCurrency: 'ZWL', destinationCurrency: 'ZWL', usable: false }],
    };
    expect(codes(facts({ mappings }))).toEqual(['warning:stale-tax-mapping', 'warning:expired-tax-mapping', 'warning:unsupported-currency-mapping']);
    expect(codes(facts({ mappings: { taxes: [], currencies: [] } }))).toEqual(['blocker:no-tax-mappings', 'blocker:no-currency-mappings']);
    // Mappings that could not be read say nothing either way.
    expect(codes(facts({ mappings: null }))).toEqual([]);
  });

  it('blockers come before warnings, and any blocker blocks', () => {
    const reasons = reasonsFrom(facts({ subscriptionStatus: 'Overdue' }, { status: 'Blocked' }), now);
    expect(reasons.map((r) => r.code)).toEqual(['device-not-active', 'billing-overdue']);
    expect(levelOf(reasons)).toBe('blocked');
  });
});
