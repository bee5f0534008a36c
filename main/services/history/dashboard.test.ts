import { describe, expect, it } from 'vitest';
import type { DocumentState } from '../../../shared/contract/documents';
import type { DeviceView } from '../../../shared/contract/device';
import type { OutboxState } from '../../../shared/contract/outbox';
import { DOCUMENT_STATES } from '../../../shared/contract/documents';
import { describeBillingStatus } from '../fiscal-harmony/billing-status';
import { dashboardAlerts, type AlertSources, type DashboardFacts } from './dashboard';

// The order of the alerts when everything goes wrong at once; each alert's words and its
// clearing are tested through the app in dashboard-alerts.test.ts.

function facts(counts: Partial<Record<DocumentState, number>>, nearStatusWindow: number): DashboardFacts {
  const countsByState = Object.fromEntries(DOCUMENT_STATES.map((state) => [state, counts[state] ?? 0])) as Record<DocumentState, number>;
  return { today: '2026-11-30', month: '2026-11', todayTotals: [], monthTotals: [], countsByState, refusalReasons: [], nearStatusWindow };
}

function outbox(paused: OutboxState['paused']): OutboxState {
  return { paused, message: null, queued: 4, sending: 0, submitted: 3, needsFix: 2, needsAttention: 1, nextAttemptAt: null, journalNotice: null };
}

function device(billing: string, certificate: DeviceView['certificate']['state']): AlertSources['device'] {
  return {
    ok: true,
    value: {
      connection: { id: 'shop', name: 'Shop', environment: 'custom', training: false },
      deviceId: 23401,
      serialNumber: 'SBX-023401',
      status: 'Active',
      activatedOn: null,
      billingStatus: describeBillingStatus(billing),
      configProblem: null,
      config: null,
      certificate: { validTill: null, daysLeft: certificate === 'expired' ? -1 : 10, state: certificate },
    },
  };
}

const order = (sources: AlertSources) => dashboardAlerts(sources).map((alert) => `${alert.severity}:${alert.code}`);
const everythingWrong = facts({ 'needs-attention': 1, 'needs-fix': 2 }, 3);

describe('dashboard alerts, most urgent first', () => {
  it.each([
    {
      when: 'blockers from the account come before warnings about documents',
      sources: { facts: everythingWrong, outbox: outbox('offline'), device: device('Cancelled', 'expired') },
      expected: ['blocker:needs-attention', 'blocker:subscription', 'blocker:certificate', 'warning:needs-fix', 'warning:status-window', 'warning:outbox-offline'],
    },
    {
      when: 'warnings from the account come after those about documents, information last',
      sources: { facts: everythingWrong, outbox: outbox('manual'), device: device('Overdue', 'expiring') },
      expected: ['blocker:needs-attention', 'warning:needs-fix', 'warning:status-window', 'warning:subscription', 'warning:certificate', 'info:outbox-paused'],
    },
    {
      when: 'an account that could not be checked is information',
      sources: { facts: facts({ 'needs-fix': 1 }, 0), outbox: outbox('manual'), device: { ok: false as const, reason: 'Fiscal Harmony did not answer in time.' } },
      expected: ['warning:needs-fix', 'info:outbox-paused', 'info:account-unchecked'],
    },
    {
      when: 'nothing wrong',
      sources: { facts: facts({ fiscalised: 9 }, 0), outbox: outbox(null), device: device('Active', 'valid') },
      expected: [],
    },
  ])('$when', ({ sources, expected }) => {
    expect(order(sources)).toEqual(expected);
  });
});
