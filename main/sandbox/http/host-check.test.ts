import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFiskalySimulator } from '../fiskaly/fiskaly-simulator';
import { fakeClock, SIM_KEY, SIM_SECRET } from '../fiskaly/test-support';
import { startTestSandbox } from '../test-support/sandbox-fixture';
import type { TestSandbox } from '../test-support/sandbox-fixture';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());

/** A request with a chosen Host header (fetch would not let us set Host). */
function rawRequest(address: string, init: { method: string; headers: Record<string, string>; body?: string }): Promise<{ status: number; text: string }> {
  const url = new URL(address);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: init.method, headers: init.headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

function apiCall(path: string, hostHeader: string): Promise<{ status: number; text: string }> {
  const headers = { Host: hostHeader, 'X-Api-Key': t.accounts.shop.apiKey, 'X-Application': 'FiscalDeskTests', 'X-App-Version': '0.1.0', 'X-App-Station': 'till-1' };
  return rawRequest(`${t.sandbox.baseUrl}${path}`, { method: 'GET', headers });
}

describe('the sandbox API and the Host header (DNS rebinding)', () => {
  it('answers a call addressed to this computer', async () => {
    expect((await apiCall('/profile', `127.0.0.1:${t.sandbox.port}`)).status).toBe(200);
    expect((await apiCall('/profile', `localhost:${t.sandbox.port}`)).status).toBe(200);
  });

  it('refuses the same call with a foreign Host, before any account data is read', async () => {
    for (const host of ['attacker.example', `attacker.example:${t.sandbox.port}`, '192.168.1.10']) {
      const answer = await apiCall('/profile', host);
      expect(answer.status).toBe(403);
      expect(answer.text).toContain('only answers requests addressed to this computer');
      expect(answer.text).not.toContain(t.accounts.shop.apiKey);
    }
  });

  it('refuses an unknown path with a foreign Host too', async () => {
    expect((await apiCall('/../nothing', 'attacker.example')).status).toBe(403);
  });
});

describe('the fiskaly simulator and the Host header (DNS rebinding)', () => {
  it('signs in a request addressed to this computer and refuses the same one with a foreign Host', async () => {
    const sim = await startFiskalySimulator({ clock: fakeClock(), credentials: [{ apiKey: SIM_KEY, apiSecret: SIM_SECRET }] });
    try {
      const body = JSON.stringify({ api_key: SIM_KEY, api_secret: SIM_SECRET });
      const signIn = (host: string) => rawRequest(`${sim.baseUrl}/api/v2/auth`, { method: 'POST', headers: { Host: host, 'Content-Type': 'application/json' }, body });
      expect((await signIn(`127.0.0.1:${sim.port}`)).status).toBe(200);
      const refused = await signIn(`attacker.example:${sim.port}`);
      expect(refused.status).toBe(403);
      expect(refused.text).not.toContain('access_token');
    } finally {
      await sim.close();
    }
  });
});
