import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadinessVerdict } from '../../../shared/contract/readiness';
import type { ComposedApp } from '../../compose';
import { composeTestApp, ipcOf } from '../../test-support/compose-test-app';
import type { DemoTemplate } from '../../sandbox/demo-accounts';
import { startFiscalHarmonySandbox, type RunningSandbox } from '../../sandbox/fiscal-harmony-sandbox';
import { useSandboxAccount, type SandboxAccountOptions } from '../../test-support/sandbox-connection';

// The readiness verdict through the IPC router (contract validation included), against the
// sandbox's demo accounts over HTTP.

let sandbox: RunningSandbox;
let app: ComposedApp;
const { value } = ipcOf(() => app);
const announced: string[] = [];

beforeAll(async () => {
  sandbox = await startFiscalHarmonySandbox({ processingDelayMs: 5, onError: () => undefined });
  app = await composeTestApp();
  app.events.subscribe((name, payload) => {
    if (name === 'readiness:changed') announced.push(JSON.stringify(payload));
  });
});
afterAll(async () => {
  await app.dispose();
  await sandbox.close();
});

const useAccount = (template: DemoTemplate, options?: SandboxAccountOptions) => useSandboxAccount(app, sandbox, template, options);

const verdict = (fresh = false) => value<ReadinessVerdict>('readiness:get', fresh ? { fresh } : undefined);
const codes = (v: ReadinessVerdict) => v.reasons.map((r) => `${r.severity}:${r.code}`);

describe('readiness verdict of the demo accounts', () => {
  it('the training shop is ready', async () => {
    const v = await verdict();
    expect(v).toMatchObject({ level: 'ready', reasons: [], connection: { name: 'Training (not fiscal)', kind: 'fiscal-harmony', training: true } });
  });

  it('shop: ready', async () => {
    await useAccount('shop');
    expect((await verdict()).level).toBe('ready');
  });

  it('overdue: a warning that says to pay now, and documents are still fiscalised', async () => {
    await useAccount('overdue');
    const v = await verdict();
    expect(v.level).toBe('warning');
    expect(codes(v)).toEqual(['warning:billing-overdue']);
    expect(v.reasons[0]).toMatchObject({ screen: '/account', message: expect.stringContaining('may interrupt fiscalisation') as unknown, fix: expect.stringContaining('Pay') as unknown });
  });

  it('no device: blocked, fixed on the Fiscal device screen', async () => {
    await useAccount('no-device');
    const v = await verdict();
    expect(v.level).toBe('blocked');
    expect(codes(v)).toEqual(['blocker:no-device']);
    expect(v.reasons[0]?.screen).toBe('/device');
  });

  it('cancelled subscription: blocked, fixed on the Account screen', async () => {
    await useAccount('cancelled');
    const v = await verdict();
    expect(codes(v)).toEqual(['blocker:billing-cancelled']);
    expect(v).toMatchObject({ level: 'blocked', reasons: [{ screen: '/account' }] });
  });

  it('blocked device: blocked, in plain words', async () => {
    await useAccount('blocked-device');
    const v = await verdict();
    expect(codes(v)).toEqual(['blocker:device-not-active']);
    expect(v.reasons[0]?.message).toContain('The fiscal device is Blocked, not Active');
  });

  it('a new device without mappings: blocked until taxes and currencies are mapped; mapping them makes it ready', async () => {
    await useAccount('new-device');
    expect(codes(await verdict())).toEqual(['blocker:no-tax-mappings', 'blocker:no-currency-mappings']);
    announced.length = 0;
    await value('mappings:createTax', { taxCode: 'VAT15', destinationTaxId: 515 });
    expect(announced.length).toBeGreaterThan(0);
    expect(codes(await verdict())).toEqual(['blocker:no-currency-mappings']);
    await value('mappings:createCurrency', { sourceCurrency: 'USD', destinationCurrency: 'USD' });
    expect((await verdict()).level).toBe('ready');
  });

  it('a wrong secret: blocked, fixed in Connections', async () => {
    await useAccount('shop', { secret: 'not-the-right-secret-at-all' });
    const v = await verdict();
    expect(codes(v)).toEqual(['blocker:wrong-credentials']);
    expect(v.reasons[0]?.screen).toBe('/connections');
  });

  it('a verdict is reused for a minute unless a fresh one is asked for', async () => {
    const { client } = await useAccount('shop');
    const first = await verdict();
    expect(first.level).toBe('ready');
    // Changed behind the app's back (the portal): the cached verdict stands until asked fresh.
    const taxes = (await client.json<{ Id: number }[]>('GET', '/taxmapping')).body;
    for (const tax of taxes) await client.json('DELETE', `/taxmapping/${tax.Id}`);
    expect((await verdict()).checkedAt).toBe(first.checkedAt);
    announced.length = 0;
    // The mappings service caches too: a fresh verdict after the screen has read them again.
    await value('mappings:overview');
    const fresh = await verdict(true);
    expect(codes(fresh)).toEqual(['blocker:no-tax-mappings']);
    expect(announced.length).toBe(1);
  });

  it('no connection at all: blocked, fixed in Connections', async () => {
    const overview = await value<{ profiles: { id: string }[] }>('connections:list');
    for (const profile of overview.profiles) await value('connections:remove', { id: profile.id });
    const v = await verdict();
    expect(v).toMatchObject({ level: 'blocked', connection: null, reasons: [{ code: 'no-connection', screen: '/connections' }] });
  });
});

describe('while the training service does not answer', () => {
  it('says so in training words, and keeps what its last answer said for the set-up steps', async () => {
    const silent = await composeTestApp();
    const ipc = ipcOf(() => silent);
    try {
      const answered = await ipc.value<ReadinessVerdict>('readiness:get', { fresh: true });
      expect(answered).toMatchObject({ level: 'ready', reasons: [], connection: { training: true } });
      await ipc.value('training:setPractice', { failure: 'service-silent' });
      const unanswered = await ipc.value<ReadinessVerdict>('readiness:get', { fresh: true });
      expect(unanswered.reasons.map((r) => r.code)).toEqual(['not-checked']);
      expect(unanswered.reasons[0]?.message).toMatch(/^The training service on this computer isn.t answering/);
      expect(JSON.stringify(unanswered.reasons)).not.toMatch(/internet/);
      expect(unanswered.lastChecked).toEqual({ reasons: [], checkedAt: answered.checkedAt });
    } finally {
      await silent.dispose();
    }
  });
});
