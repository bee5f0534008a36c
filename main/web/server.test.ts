import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryVault } from '../vault/memory-vault';
import { startBrowserMode, type BrowserMode } from './start-browser-mode';

let mode: BrowserMode;

function call(path: string, init: { method?: string; headers?: Record<string, string>; body?: string; host?: string }) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = httpRequest(
      {
        host: init.host ?? '127.0.0.1',
        port: mode.server.port,
        path,
        method: init.method ?? 'GET',
        headers: init.headers,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

const goodHeaders = () => ({
  Host: `127.0.0.1:${mode.server.port}`,
  Origin: mode.server.origin,
  'Content-Type': 'application/json',
  'X-Fiscal-Token': mode.server.token,
});

beforeAll(async () => {
  const staticDirectory = mkdtempSync(join(tmpdir(), 'fd-static-'));
  mkdirSync(join(staticDirectory, 'assets'));
  writeFileSync(join(staticDirectory, 'index.html'), '<!doctype html><title>Fiscal Desk</title>');
  mode = await startBrowserMode({ dataDirectory: mkdtempSync(join(tmpdir(), 'fd-web-')), staticDirectory, vault: new MemoryVault(), startCommand: 'npm run web' });
});
afterAll(() => mode.stop());

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(mode.server.origin).toBe(`http://127.0.0.1:${mode.server.port}`);
    // A socket bound to every interface would also answer on 127.0.0.2; ours must not.
    await expect(call('/', { host: '127.0.0.2' })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('answers a call with the token, our Origin and our Host', async () => {
    const response = await call('/rpc/settings:get', { method: 'POST', headers: goodHeaders(), body: '{}' });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ ok: true, value: { theme: 'system', updateChannel: 'latest' } });
  });

  it('refuses a call without the token', async () => {
    const { 'X-Fiscal-Token': _dropped, ...headers } = goodHeaders();
    const response = await call('/rpc/settings:get', { method: 'POST', headers, body: '{}' });
    expect(response.status).toBe(401);
    // The tab is told which command started this run, and nothing else.
    expect(JSON.parse(response.body)).toEqual({ error: 'missing or wrong token', startCommand: 'npm run web' });
  });

  it('refuses a call with a wrong token of the same length', async () => {
    const wrong = mode.server.token.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
    const response = await call('/rpc/settings:get', { method: 'POST', headers: { ...goodHeaders(), 'X-Fiscal-Token': wrong }, body: '{}' });
    expect(response.status).toBe(401);
  });

  it('refuses a call from a foreign Origin even with the token', async () => {
    const response = await call('/rpc/settings:set', {
      method: 'POST',
      headers: { ...goodHeaders(), Origin: 'https://evil.example' },
      body: JSON.stringify({ input: { theme: 'dark' } }),
    });
    expect(response.status).toBe(403);
    expect(mode.app.settings.get('theme')).toBe('system');
  });

  it('refuses a call without an Origin', async () => {
    const { Origin: _dropped, ...headers } = goodHeaders();
    expect((await call('/rpc/settings:get', { method: 'POST', headers, body: '{}' })).status).toBe(403);
  });

  it('refuses any request addressed to a foreign Host (DNS rebinding)', async () => {
    const rpc = await call('/rpc/settings:get', { method: 'POST', headers: { ...goodHeaders(), Host: `evil.example:${mode.server.port}` }, body: '{}' });
    expect(rpc.status).toBe(403);
    const page = await call('/', { headers: { Host: 'evil.example' } });
    expect(page.status).toBe(403);
  });

  it('passes unknown channels to the router, which refuses them', async () => {
    const response = await call('/rpc/vault:dump', { method: 'POST', headers: goodHeaders(), body: '{}' });
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('serves the renderer with the CSP and refuses paths outside it', async () => {
    const page = await call('/', { headers: { Host: `127.0.0.1:${mode.server.port}` } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const escape = await call('/..%2f..%2fetc%2fpasswd', { headers: { Host: `127.0.0.1:${mode.server.port}` } });
    expect(escape.status).toBe(404);
  });

  it('answers a malformed channel escape with 400 and keeps serving', async () => {
    const bad = await call('/rpc/settings%E0%A4%A', { method: 'POST', headers: goodHeaders(), body: '{}' });
    expect(bad.status).toBe(400);
    const after = await call('/rpc/settings:get', { method: 'POST', headers: goodHeaders(), body: '{}' });
    expect(after.status).toBe(200);
  });

  it('refuses bridge calls made with GET', async () => {
    expect((await call('/rpc/settings:get', { headers: goodHeaders() })).status).toBe(405);
  });
});
