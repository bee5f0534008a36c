import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDemoAccounts } from '../demo-accounts';
import type { DemoAccountSet } from '../demo-accounts';
import { startFiscalHarmonySandbox } from '../fiscal-harmony-sandbox';
import type { RunningSandbox, SandboxOptions } from '../fiscal-harmony-sandbox';
import { demoInvoice } from '../test-support/demo-documents';
import { FhTestClient } from '../test-support/fh-test-client';
import { testClock } from '../test-support/sandbox-fixture';

let dir: string;
let file: string;
let accounts: DemoAccountSet;
const clock = testClock();

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fh-sandbox-state-'));
  file = join(dir, 'training', 'sandbox-state.json');
  accounts = createDemoAccounts({ unique: true });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const start = (options: SandboxOptions = {}): Promise<RunningSandbox> =>
  startFiscalHarmonySandbox({ accounts: Object.values(accounts), processingDelayMs: 1, clock: clock.now, persistPath: file, ...options });

describe('persistence', () => {
  it('keeps documents, mappings, counters and PDFs across a restart', async () => {
    const first = await start();
    const c1 = new FhTestClient(first.baseUrl, accounts.shop);
    const id = await c1.submit('invoice', demoInvoice({ id: 'kept' }));
    first.processNow();
    await c1.request('POST', '/currencymapping', { SourceCurrency: 'ZiG', DestinationCurrency: 'ZWG' });
    const before = await c1.status([id]);
    await first.close();
    expect((await readdir(join(dir, 'training'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ format: 'fiscal-desk-fh-sandbox', version: 1 });

    const second = await start();
    try {
      const c2 = new FhTestClient(second.baseUrl, accounts.shop);
      expect(await c2.status([id])).toEqual(before);
      expect((await c2.request('GET', `/download/${encodeURIComponent(before[0]?.FiscalInvoicePdf ?? '')}`)).status).toBe(200);
      expect((await c2.json<Array<{ SourceCurrency: string }>>('GET', '/currencymapping')).body.map((m) => m.SourceCurrency)).toEqual(['USD', 'ZWG', 'ZiG']);
      const next = await c2.submit('invoice', demoInvoice());
      const duplicate = await c2.submit('invoice', demoInvoice({ id: 'kept' }));
      second.processNow();
      const [n, d] = await c2.status([next, duplicate]);
      expect(n?.QrData?.InvoiceNumber).toBe(2);
      expect(d?.Error).toBe('Already fiscalised');
    } finally {
      await second.close();
    }
  });

  it('processes after a restart what was still pending at shutdown', async () => {
    const first = await start({ processingDelayMs: 60_000 });
    const id = await new FhTestClient(first.baseUrl, accounts.shop).submit('invoice', demoInvoice());
    await first.close();
    const second = await start();
    try {
      second.processNow();
      expect((await new FhTestClient(second.baseUrl, accounts.shop).status([id]))[0]?.Success).toBe(true);
    } finally {
      await second.close();
    }
  });

  it('writes while running, not only at close', async () => {
    const sandbox = await start();
    try {
      await new FhTestClient(sandbox.baseUrl, accounts.shop).submit('invoice', demoInvoice());
      await new Promise((resolve) => setTimeout(resolve, 400));
      const saved = JSON.parse(await readFile(file, 'utf8')) as { accounts: Array<{ documents: unknown[] }> };
      expect(saved.accounts.some((a) => a.documents.length === 1)).toBe(true);
    } finally {
      await sandbox.close();
    }
  });

  it('moves an unreadable state file aside and starts afresh', async () => {
    const first = await start();
    await first.close();
    await writeFile(file, '{"format": "something else"');
    const errors: unknown[] = [];
    const sandbox = await start({ onError: (error) => errors.push(error) });
    try {
      expect(errors).toHaveLength(1);
      expect((await readdir(join(dir, 'training'))).some((f) => f.includes('.unreadable-'))).toBe(true);
      expect((await new FhTestClient(sandbox.baseUrl, accounts.shop).request('GET', '/profile')).status).toBe(200);
    } finally {
      await sandbox.close();
    }
  });
});
