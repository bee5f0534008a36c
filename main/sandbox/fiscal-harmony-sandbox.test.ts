import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, createDemoAccounts } from './demo-accounts';
import { startFiscalHarmonySandbox } from './fiscal-harmony-sandbox';
import { demoInvoice } from './test-support/demo-documents';
import { FhTestClient } from './test-support/fh-test-client';
import { startTestSandbox } from './test-support/sandbox-fixture';

describe('startFiscalHarmonySandbox', () => {
  it('listens on loopback and gives a base URL ending in /api', async () => {
    const sandbox = await startFiscalHarmonySandbox({ processingDelayMs: 5 });
    try {
      expect(sandbox.baseUrl).toBe(`http://127.0.0.1:${sandbox.port}/api`);
      expect(sandbox.adminUrl).toBe(`http://127.0.0.1:${sandbox.port}/__admin`);
      // Default accounts are the demo accounts with their fixed credentials.
      const client = new FhTestClient(sandbox.baseUrl, DEMO_CREDENTIALS.shop);
      expect((await client.request('GET', '/profile')).status).toBe(200);
    } finally {
      await sandbox.close();
    }
  });

  it.each(['0.0.0.0', '192.168.1.10', '::', 'example.com'])('refuses to listen on %s', async (host) => {
    await expect(startFiscalHarmonySandbox({ host })).rejects.toThrow(/loopback/);
  });

  it('keeps connections alive', async () => {
    const t = await startTestSandbox();
    try {
      const url = new URL(`${t.sandbox.baseUrl}/profile`);
      const headers = { 'X-Api-Key': t.accounts.shop.apiKey, 'X-App-Station': 's' };
      const connection = await new Promise<string | undefined>((resolve, reject) => {
        const req = request({ host: url.hostname, port: url.port, path: url.pathname, headers }, (res) => {
          res.resume();
          resolve(res.headers.connection);
        });
        req.on('error', reject);
        req.end();
      });
      expect(connection).toBe('keep-alive');
    } finally {
      await t.close();
    }
  });

  it('runs several sandboxes and accounts side by side, each with its own data', async () => {
    const accounts = createDemoAccounts({ unique: true });
    const [a, b] = await Promise.all([
      startFiscalHarmonySandbox({ accounts: [accounts.shop], processingDelayMs: 1 }),
      startFiscalHarmonySandbox({ accounts: [accounts.shop, accounts.overdue], processingDelayMs: 1 }),
    ]);
    try {
      const doc = demoInvoice({ id: 'same-id-everywhere' });
      const clients = [new FhTestClient(a.baseUrl, accounts.shop), new FhTestClient(b.baseUrl, accounts.shop), new FhTestClient(b.baseUrl, accounts.overdue)];
      const ids = await Promise.all(clients.map((c) => c.submit('invoice', doc)));
      a.processNow();
      b.processNow();
      const results = await Promise.all(clients.map((c, i) => c.status([ids[i] ?? ''])));
      expect(results.map((r) => r[0]?.Success)).toEqual([true, true, true]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('closes promptly with requests in flight and documents pending', async () => {
    const t = await startTestSandbox({ processingDelayMs: 60_000 });
    t.sandbox.setFaults({ hangRate: 1, paths: ['/profile'] });
    await t.client('shop').submit('invoice', demoInvoice());
    const hanging = t.client('shop').request('GET', '/profile').catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const started = performance.now();
    await t.close();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await hanging).toBeInstanceOf(Error);
  });
});
