import { dirname } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDetail } from '../../../shared/contract/documents';
import type { Dashboard, DashboardAlert } from '../../../shared/contract/history';
import type { OutboxState } from '../../../shared/contract/outbox';
import { formatFhDate } from '../../../shared/domain/fiscal-harmony/fh-date';
import type { ComposedApp } from '../../compose';
import type { DemoTemplate } from '../../sandbox/demo-accounts';
import { startFiscalHarmonySandbox, type RunningSandbox } from '../../sandbox/fiscal-harmony-sandbox';
import type { AccountSeed } from '../../sandbox/state/account-seed';
import type { FhTestClient } from '../../sandbox/test-support/fh-test-client';
import { composeTestApp, fastTraining, ipcOf } from '../../test-support/compose-test-app';
import { fillJournalDisk, freeJournalDisk } from '../../test-support/full-journal-disk';
import { typedInvoice } from '../../test-support/sample-drafts';
import { outboxBecomes } from '../../test-support/outbox-becomes';
import { useSandboxAccount, type SandboxAccountOptions } from '../../test-support/sandbox-connection';

// Every dashboard alert beyond needs-attention through the IPC router, against the sandbox over
// HTTP: the subscription and the device certificate as the fiscal device call reports them, the
// outbox paused by hand or because Fiscal Harmony cannot be reached, documents refused, and
// documents whose result is late. Each alert is shown to go away when its cause goes: the
// account is changed "in the portal" by starting the sandbox again on the same address with
// the changed account, and time passes through the app's injected clock.

const dayMs = 24 * 60 * 60 * 1000;
const hourMs = 60 * 60 * 1000;
const quiet = () => undefined;

let sandbox: RunningSandbox;
let app: ComposedApp;
/** How far the app's clock runs ahead of the real one (the sandbox keeps real time). */
let clockAheadMs = 0;
const { value } = ipcOf(() => app);

beforeAll(async () => {
  sandbox = await startFiscalHarmonySandbox({ processingDelayMs: 5, onError: quiet });
  app = await composeTestApp({ ...fastTraining, clock: () => new Date(Date.now() + clockAheadMs) });
});
afterEach(() => {
  clockAheadMs = 0;
  sandbox.resetFaults();
  // A test that failed half-way leaves no slow document behind to keep the next one's outbox busy.
  sandbox.processNow({ includeSlow: true });
});
afterAll(async () => {
  await app.dispose();
  await sandbox.close();
});

const useAccount = (template: DemoTemplate, options?: SandboxAccountOptions) => useSandboxAccount(app, sandbox, template, options);

function outbox() {
  if (!app.documents.ok) throw app.documents.error;
  return app.documents.module.outbox;
}

const dashboard = () => value<Dashboard>('history:dashboard');
const alertCodes = (board: Dashboard) => board.alerts.map((alert) => `${alert.severity}:${alert.code}`);
const alertOf = (board: Dashboard, code: DashboardAlert['code']) => board.alerts.find((alert) => alert.code === code);

/** Fiscal Harmony stops answering: nothing listens on its address any more. */
async function stopSandbox(): Promise<number> {
  const { port } = sandbox;
  // A request on a kept-open connection the server just closed is asked again by the client
  // (fh-stale-connection.test.ts): nothing to wait for here.
  await sandbox.close();
  return port;
}

/** Fiscal Harmony answers again on the same address, with these accounts as they are now. */
async function startSandboxAgain(port: number, accounts: AccountSeed[]): Promise<void> {
  sandbox = await startFiscalHarmonySandbox({ port, accounts, processingDelayMs: 5, onError: quiet });
}

/** The account as changed in the Fiscal Harmony portal meanwhile. */
async function changeInPortal(accounts: AccountSeed[]): Promise<void> {
  await startSandboxAgain(await stopSandbox(), accounts);
}

const withSubscription = (seed: AccountSeed, status: string): AccountSeed => (seed.subscription ? { ...seed, subscription: { ...seed.subscription, Status: status } } : seed);

function withCertificateValidTill(seed: AccountSeed, validTill: Date): AccountSeed {
  if (!seed.device) return seed;
  return { ...seed, device: { ...seed.device, config: { ...seed.device.config, certificateValidTill: formatFhDate(validTill) } } };
}

/** Saves and queues invoices as invoice entry does; answers their ids. */
async function queueInvoices(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const draft = await value<DocumentDetail>('documents:saveDraft', { draft: typedInvoice() });
    await value('documents:queue', { id: draft.id });
    ids.push(draft.id);
  }
  return ids;
}

/**
 * A document Fiscal Harmony refuses and the manager can fix: the "ZR" tax mapping is deleted in
 * the portal after the app read the mappings, so the app sends a document the service refuses.
 */
async function refusedDocument(client: FhTestClient): Promise<string> {
  await value('mappings:overview');
  const zr = (await client.json<{ Id: number; TaxCode: string }[]>('GET', '/taxmapping')).body.find((mapping) => mapping.TaxCode === 'ZR');
  expect((await client.request('DELETE', `/taxmapping/${zr?.Id}`)).status).toBe(200);
  const [id] = await queueInvoices(1);
  await outbox().settled();
  expect((await value<DocumentDetail>('documents:get', { id })).state).toBe('needs-fix');
  return id!;
}

describe('the subscription, from the fiscal device\'s billing status', () => {
  it('overdue: a warning that says to pay, on the Account screen; gone once paid', async () => {
    const { seed } = await useAccount('overdue');
    const [alert, ...others] = (await dashboard()).alerts;
    expect(others).toEqual([]);
    expect(alert).toMatchObject({ code: 'subscription', severity: 'warning', message: 'Subscription overdue.', link: '/account', count: null });
    expect(alert?.nextStep).toContain('pay the open invoice in the Fiscal Harmony portal now');

    await changeInPortal([withSubscription(seed, 'Active')]);
    expect((await dashboard()).alerts).toEqual([]);
  });

  it('suspended: a blocker that says to contact support', async () => {
    await useAccount('overdue', { seed: (seed) => withSubscription(seed, 'Suspended') });
    const board = await dashboard();
    expect(alertCodes(board)).toEqual(['blocker:subscription']);
    expect(board.alerts[0]).toMatchObject({ message: 'Subscription suspended.', link: '/account', count: null });
    expect(board.alerts[0]?.nextStep).toContain('contact Fiscal Harmony support');
  });

  it('cancelled: a blocker that says to subscribe again', async () => {
    await useAccount('cancelled');
    const board = await dashboard();
    expect(alertCodes(board)).toEqual(['blocker:subscription']);
    expect(board.alerts[0]).toMatchObject({ message: 'Subscription cancelled.', link: '/account', count: null });
    expect(board.alerts[0]?.nextStep).toContain('subscribe again in the Fiscal Harmony portal');
  });
});

describe('the fiscal device certificate', () => {
  it('expiring within 30 days: a warning with the days left, on the Fiscal device screen; gone once renewed', async () => {
    const { seed } = await useAccount('shop', { seed: (s) => withCertificateValidTill(s, new Date(Date.now() + 12 * dayMs + hourMs)) });
    expect((await dashboard()).alerts).toEqual([
      {
        code: 'certificate',
        severity: 'warning',
        message: 'The fiscal device certificate expires in 12 days.',
        nextStep: 'Renew the device certificate through Fiscal Harmony before it runs out.',
        link: '/device',
        count: null,
        action: null,
      },
    ]);

    await changeInPortal([withCertificateValidTill(seed, new Date(Date.now() + 365 * dayMs))]);
    expect((await dashboard()).alerts).toEqual([]);
  });

  it('says one day, and less than a day, in plain words', async () => {
    await useAccount('shop', { seed: (s) => withCertificateValidTill(s, new Date(Date.now() + dayMs + hourMs)) });
    expect(alertOf(await dashboard(), 'certificate')?.message).toBe('The fiscal device certificate expires in 1 day.');
    await useAccount('shop', { seed: (s) => withCertificateValidTill(s, new Date(Date.now() + 5 * hourMs)) });
    expect(alertOf(await dashboard(), 'certificate')?.message).toBe('The fiscal device certificate expires in less than a day.');
  });

  it('more than 30 days left: no alert', async () => {
    await useAccount('shop', { seed: (s) => withCertificateValidTill(s, new Date(Date.now() + 30 * dayMs + hourMs)) });
    expect((await dashboard()).alerts).toEqual([]);
  });

  it('expired: a blocker that says documents cannot be fiscalised and to renew now', async () => {
    await useAccount('shop', { seed: (s) => withCertificateValidTill(s, new Date(Date.now() - dayMs)) });
    expect((await dashboard()).alerts).toEqual([
      {
        code: 'certificate',
        severity: 'blocker',
        message: 'The fiscal device certificate has expired: documents cannot be fiscalised.',
        nextStep: 'Renew the device certificate through Fiscal Harmony now.',
        link: '/device',
        count: null,
        action: null,
      },
    ]);
  });
});

describe('the outbox', () => {
  it('paused by hand: an info alert with the documents waiting; gone on resume', async () => {
    await useAccount('shop');
    expect((await value<OutboxState>('outbox:pause')).paused).toBe('manual');
    const paused = {
      code: 'outbox-paused',
      severity: 'info',
      message: 'Sending is paused.',
      nextStep: 'Resume sending when you are ready; documents wait in the outbox meanwhile.',
      link: null,
      action: 'resume-sending',
    };
    expect((await dashboard()).alerts).toEqual([{ ...paused, count: 0 }]);
    await queueInvoices(2);
    expect((await dashboard()).alerts).toEqual([{ ...paused, count: 2 }]);

    await value('outbox:resume');
    await outbox().settled();
    const board = await dashboard();
    expect(board.alerts).toEqual([]);
    expect(board.countsByState.fiscalised).toBe(2);
  });

  it('Fiscal Harmony unreachable: a warning with the documents waiting; gone when it answers again, without the manager', async () => {
    const { seed } = await useAccount('shop');
    await value('outbox:pause');
    await queueInvoices(2);
    const port = await stopSandbox();
    const offline = outboxBecomes(app, (state) => state.paused === 'offline');
    await value('outbox:resume');
    await offline;

    const board = await dashboard();
    expect(alertCodes(board)).toEqual(['warning:outbox-offline', 'info:account-unchecked']);
    expect(alertOf(board, 'outbox-offline')).toEqual({
      code: 'outbox-offline',
      severity: 'warning',
      message: 'Sending is paused because Fiscal Harmony cannot be reached. 2 documents wait in the outbox.',
      nextStep: 'Check the internet connection; the outbox sends on its own once it is back.',
      link: null,
      count: 2,
      action: 'retry-now',
    });
    // The device cannot be asked either: the dashboard says so instead of failing.
    expect(alertOf(board, 'account-unchecked')).toMatchObject({ severity: 'info', link: '/device', count: null });
    expect(alertOf(board, 'account-unchecked')?.message).toMatch(/^The subscription and device certificate could not be checked: ./);

    await startSandboxAgain(port, [seed]);
    await outbox().settled();
    const back = await dashboard();
    expect(back.alerts).toEqual([]);
    expect(back.countsByState.fiscalised).toBe(2);
    expect((await value<OutboxState>('outbox:state')).paused).toBeNull();
  });
});

describe('documents', () => {
  it('refused and fixable: a warning with the count, linked to those documents; gone once fixed and sent again', async () => {
    const { client } = await useAccount('shop');
    const id = await refusedDocument(client);
    const board = await dashboard();
    expect(board.alerts).toEqual([
      {
        code: 'needs-fix',
        severity: 'warning',
        message: '1 document was refused and can be fixed and sent again.',
        nextStep: 'Open each one, read the reason, then fix and re-send it.',
        link: '/documents?state=needs-fix',
        count: 1,
        action: null,
      },
    ]);
    expect(board.refusalReasons[0]?.reason).toContain('ZR');

    // The mapping is put back in the portal; the manager sends the document again.
    expect((await client.request('POST', '/taxmapping', { TaxCode: 'ZR', DestinationTaxId: 516 })).status).toBe(200);
    await value('documents:resend', { id });
    await outbox().settled();
    const fixed = await dashboard();
    expect(fixed.alerts).toEqual([]);
    expect(fixed.countsByState).toMatchObject({ 'needs-fix': 0, fiscalised: 1 });
  });

  it('waiting more than 5 days for a result: a warning two days before Fiscal Harmony forgets them; gone once their status is checked', async () => {
    await useAccount('shop');
    // Fiscal Harmony takes its time: the documents are received, their result does not come.
    sandbox.setFaults({ slowProcessingRate: 1 });
    const submitted = outboxBecomes(app, (state) => state.submitted === 2 && state.queued === 0 && state.sending === 0);
    await queueInvoices(2);
    await submitted;
    expect(alertOf(await dashboard(), 'status-window')).toBeUndefined();

    clockAheadMs = 5 * dayMs - 60_000;
    expect(alertOf(await dashboard(), 'status-window')).toBeUndefined();
    clockAheadMs = 5 * dayMs + 60_000;
    expect((await dashboard()).alerts).toEqual([
      {
        code: 'status-window',
        severity: 'warning',
        message: '2 documents have waited more than 5 days for their result. Fiscal Harmony only answers about documents of the last 7 days.',
        nextStep: 'Check their status now while Fiscal Harmony still knows them.',
        link: '/documents?state=submitted',
        count: 2,
        action: 'retry-now',
      },
    ]);

    // Fiscal Harmony has the results now; the manager presses the alert's button (its action).
    sandbox.processNow({ includeSlow: true });
    await value('outbox:retryNow');
    await outbox().settled();
    const done = await dashboard();
    expect(done.alerts).toEqual([]);
    expect(done.countsByState.fiscalised).toBe(2);
  });
});

describe('a full disk', () => {
  it('a blocker while the last save failed for lack of space; gone once a save goes through', async () => {
    await useAccount('shop');
    if (!app.documents.ok) throw app.documents.error;
    const { journal } = app.documents.module;
    const dataDirectory = dirname(journal.path);
    fillJournalDisk(journal);
    try {
      let saved = await ipcOf(() => app).call('documents:saveDraft', { draft: typedInvoice() });
      // The first drafts may still fit in pages the journal has room in.
      for (let i = 0; saved.ok && i < 200; i += 1) saved = await ipcOf(() => app).call('documents:saveDraft', { draft: typedInvoice() });
      expect(saved).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
      expect((await dashboard()).alerts).toEqual([
        {
          code: 'disk-full',
          severity: 'blocker',
          message: `The disk holding ${dataDirectory} is full: the last change could not be saved. Nothing saved before was lost.`,
          nextStep: 'Free some space on that disk (empty the recycle bin, move large files away), then save again.',
          link: null,
          count: null,
          action: null,
        },
      ]);
    } finally {
      freeJournalDisk(journal);
    }
    await value('documents:saveDraft', { draft: typedInvoice() });
    expect((await dashboard()).alerts).toEqual([]);
  });
});

describe('order', () => {
  it('the most urgent first: a cancelled subscription (blocker) before documents to fix (warning)', async () => {
    const { seed, client } = await useAccount('shop');
    await refusedDocument(client);
    await changeInPortal([withSubscription(seed, 'Cancelled')]);
    expect(alertCodes(await dashboard())).toEqual(['blocker:subscription', 'warning:needs-fix']);
  });
});
