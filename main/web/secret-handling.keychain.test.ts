import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appId } from '../../shared/app-identity';
import { createDemoAccount, uniqueCredentials } from '../sandbox/demo-accounts';
import { startFiscalHarmonySandbox, type RunningSandbox } from '../sandbox/fiscal-harmony-sandbox';
import { KeytarVault } from '../vault/keytar-vault';
import { startBrowserMode, type BrowserMode } from './start-browser-mode';

// The whole app as the renderer sees it (browser mode over HTTP), with the real OS keychain.
// After a realistic session, the secret must be in the keychain and nowhere else we can look.
const credentials = uniqueCredentials('leak-check');
let sandbox: RunningSandbox;
let mode: BrowserMode;
let dataDirectory: string;
const responses: string[] = [];

async function rpc(channel: string, input?: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  const response = await fetch(`${mode.server.origin}/rpc/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: mode.server.origin, 'X-Fiscal-Token': mode.server.token },
    body: JSON.stringify({ input }),
  });
  const text = await response.text();
  responses.push(text);
  return JSON.parse(text) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

beforeAll(async () => {
  sandbox = await startFiscalHarmonySandbox({ accounts: [createDemoAccount('shop', credentials)], processingDelayMs: 5, onError: () => undefined });
  dataDirectory = mkdtempSync(join(tmpdir(), 'fd-leak-'));
  const staticDirectory = mkdtempSync(join(tmpdir(), 'fd-leak-static-'));
  mode = await startBrowserMode({ dataDirectory, staticDirectory, trainingProcessingDelayMs: 5 });
});

afterAll(async () => {
  await mode.stop();
  await sandbox.close();
});

describe('secrets over a whole session, with the real keychain', () => {
  it('keeps the key and secret in the keychain only: not in any answer, the settings file or the log', async () => {
    const created = await rpc('connections:create', {
      kind: 'fiscal-harmony',
      name: 'Leak check',
      environment: 'custom',
      customBaseUrl: sandbox.baseUrl,
      applicationName: 'FiscalDesk',
      ...credentials,
    });
    expect(created.ok).toBe(true);
    const id = (created.value as { id: string }).id;
    expect(await new KeytarVault(appId).get(`${id}/apiSecret`)).toBe(credentials.apiSecret);

    expect(await rpc('connections:test', { id })).toMatchObject({ ok: true, value: { ok: true } });
    expect(await rpc('connections:activate', { id })).toMatchObject({ ok: true });
    expect(await rpc('account:get')).toMatchObject({ ok: true });
    expect(await rpc('device:get')).toMatchObject({ ok: true });
    expect(await rpc('connections:list')).toMatchObject({ ok: true });
    // A failing call too: failures are where secrets most often slip into messages and logs.
    await rpc('connections:setSecret', { id, field: 'apiSecret', value: `${credentials.apiSecret}-wrong` });
    // GETs are not signed; the test's signed call is what catches a wrong secret.
    expect(await rpc('connections:test', { id })).toMatchObject({ ok: true, value: { ok: false, message: expect.stringContaining('did not accept') } });
    await rpc('connections:setSecret', { id, field: 'apiSecret', value: credentials.apiSecret });
    expect(await rpc('account:get')).toMatchObject({ ok: true });

    for (const body of responses) {
      expect(body).not.toContain(credentials.apiSecret);
      expect(body).not.toContain(credentials.apiKey);
    }

    await new Promise((resolve) => setTimeout(resolve, 100));
    const files = filesUnder(dataDirectory);
    const logFile = files.find((file) => file.endsWith('main.log'));
    expect(logFile, 'the session wrote a log').toBeDefined();
    expect(readFileSync(logFile!, 'utf8')).toContain('Fiscal Harmony refused the API key or signature twice');
    expect(files.some((file) => file.endsWith('settings.json'))).toBe(true);
    for (const file of files) {
      const content = readFileSync(file, 'latin1');
      expect(content, file).not.toContain(credentials.apiSecret);
      expect(content, file).not.toContain(credentials.apiKey);
    }

    expect(await rpc('connections:remove', { id })).toMatchObject({ ok: true });
    expect(await new KeytarVault(appId).get(`${id}/apiSecret`)).toBeNull();
    expect(await new KeytarVault(appId).get(`${id}/apiKey`)).toBeNull();
  });
});
