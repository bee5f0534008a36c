import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoAccount } from '../demo-accounts';
import { NO_FAULTS } from '../faults/fault-config';
import { isLoopbackAddress, isLoopbackHostHeader } from '../http/loopback';
import { demoInvoice } from '../test-support/demo-documents';
import { FhTestClient } from '../test-support/fh-test-client';
import { startTestSandbox } from '../test-support/sandbox-fixture';
import type { TestSandbox } from '../test-support/sandbox-fixture';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());

async function admin(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const r = await fetch(`${t.sandbox.adminUrl}${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
  });
  return { status: r.status, body: (await r.json()) as unknown };
}

/** A raw request with chosen Host/Origin headers (fetch would not let us set Host). */
function rawAdmin(headers: Record<string, string>): Promise<number> {
  const url = new URL(`${t.sandbox.adminUrl}/faults`);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'GET', headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('admin faults', () => {
  it('reads, changes and clears the faults', async () => {
    expect(await admin('GET', '/faults')).toEqual({ status: 200, body: NO_FAULTS });
    const changed = await admin('PUT', '/faults', { serverErrorRate: 0.25, latencyMs: 5, seed: 7 });
    expect(changed).toMatchObject({ status: 200, body: { serverErrorRate: 0.25, latencyMs: 5 } });
    expect(t.sandbox.getFaults().serverErrorRate).toBe(0.25);
    expect(await admin('DELETE', '/faults')).toEqual({ status: 200, body: NO_FAULTS });
  });

  it('refuses invalid fault settings with 400', async () => {
    const r = await admin('PUT', '/faults', { dropRate: -1 });
    expect(r.status).toBe(400);
    expect(r.body).toHaveProperty('Message');
  });

  it('is not subject to the faults it sets', async () => {
    t.sandbox.setFaults({ serverErrorRate: 1, dropRate: 1 });
    expect((await admin('GET', '/faults')).status).toBe(200);
    t.sandbox.resetFaults();
  });
});

describe('admin accounts', () => {
  it('creates an account from a template, with working credentials', async () => {
    const r = await admin('POST', '/accounts', { template: 'shop' });
    expect(r.status).toBe(201);
    const credentials = r.body as { apiKey: string; apiSecret: string; accountId: number };
    const client = new FhTestClient(t.sandbox.baseUrl, credentials);
    expect((await client.json('GET', '/profile')).body).toMatchObject({ Id: credentials.accountId, TradeName: 'Msasa Hardware' });
  });

  it('creates an account from a full seed and refuses a taken key', async () => {
    const seed = createDemoAccount('no-device', { apiKey: 'fh-admin-seeded', apiSecret: 'fh-admin-seeded-secret' });
    expect((await admin('POST', '/accounts', seed)).status).toBe(201);
    expect((await admin('POST', '/accounts', seed)).status).toBe(409);
    expect((await admin('POST', '/accounts', { apiKey: 'x' })).status).toBe(400);
    const listed = (await admin('GET', '/accounts')).body as Array<{ apiKey: string; hasDevice: boolean }>;
    expect(listed.find((a) => a.apiKey === 'fh-admin-seeded')).toMatchObject({ hasDevice: false });
    expect(JSON.stringify(listed)).not.toContain('fh-admin-seeded-secret');
  });

  it('processes pending documents on demand', async () => {
    const slow = await startTestSandbox({ processingDelayMs: 60_000 });
    try {
      const c = slow.client('shop');
      const id = await c.submit('invoice', demoInvoice());
      const r = await fetch(`${slow.sandbox.adminUrl}/process`, { method: 'POST' });
      expect(await r.json()).toEqual({ processed: 1 });
      expect((await c.status([id]))[0]?.Success).toBe(true);
    } finally {
      await slow.close();
    }
  });

  it('resets to the seed accounts', async () => {
    const c = t.client('shop');
    await c.request('DELETE', '/taxmapping/1');
    const id = await c.submit('invoice', demoInvoice());
    const added = t.sandbox.createAccount('shop');
    expect(await admin('POST', '/reset')).toEqual({ status: 200, body: { reset: true } });
    expect(await c.status([id])).toEqual([]);
    expect((await c.json<unknown[]>('GET', '/taxmapping')).body).toHaveLength(4);
    expect((await new FhTestClient(t.sandbox.baseUrl, added).request('GET', '/profile')).status).toBe(401);
  });
});

describe('admin is loopback-only', () => {
  it('refuses a foreign Host header (DNS rebinding) and any Origin (web pages)', async () => {
    const host = new URL(t.sandbox.adminUrl).host;
    expect(await rawAdmin({ Host: host })).toBe(200);
    expect(await rawAdmin({ Host: `localhost:${t.sandbox.port}` })).toBe(200);
    expect(await rawAdmin({ Host: 'attacker.example' })).toBe(403);
    expect(await rawAdmin({ Host: host, Origin: 'https://attacker.example' })).toBe(403);
  });

  it('recognises loopback addresses only', () => {
    for (const a of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(a)).toBe(true);
    for (const a of ['10.0.0.1', '192.168.1.4', '::ffff:10.1.2.3', 'fe80::1', '', undefined]) expect(isLoopbackAddress(a)).toBe(false);
    expect(isLoopbackHostHeader('[::1]:8787')).toBe(true);
    expect(isLoopbackHostHeader('127.0.0.1')).toBe(true);
    expect(isLoopbackHostHeader('127.0.0.1.attacker.example')).toBe(false);
    expect(isLoopbackHostHeader(undefined)).toBe(false);
  });

  it('answers 404 to unknown admin paths', async () => {
    expect((await admin('GET', '/nothing')).status).toBe(404);
  });
});
