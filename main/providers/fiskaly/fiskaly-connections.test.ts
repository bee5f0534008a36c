import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fiskalyTokenStateSchema } from '../../../shared/contract/fiskaly-token-state';
import type { TokenState } from '../../../shared/contract/fiskaly-token-state';
import { createFileLogger } from '../../logging/file-logger';
import { silentLogger } from '../../logging/logger';
import { Redactor } from '../../logging/redact';
import { startFiskalySimulator } from '../../sandbox/fiskaly/fiskaly-simulator';
import type { RunningFiskalySimulator } from '../../sandbox/fiskaly/fiskaly-simulator';
import { fakeClock, SIM_KEY, SIM_SECRET } from '../../sandbox/fiskaly/test-support';
import type { FakeClock } from '../../sandbox/fiskaly/test-support';
import { MemoryVault } from '../../vault/memory-vault';
import { vaultAccount } from '../../vault/secret-vault';
import { FiskalyConnections } from './fiskaly-connections';
import type { FiskalyProfileSettings } from './fiskaly-connections';

let sim: RunningFiskalySimulator;
let clock: FakeClock;
let vault: MemoryVault;

beforeEach(async () => {
  clock = fakeClock();
  sim = await startFiskalySimulator({ clock, credentials: [{ apiKey: SIM_KEY, apiSecret: SIM_SECRET }], accessTokenTtlSeconds: 60, refreshTokenTtlSeconds: 300 });
  vault = new MemoryVault();
  await vault.set(vaultAccount('fk1', 'apiKey'), SIM_KEY);
  await vault.set(vaultAccount('fk1', 'apiSecret'), SIM_SECRET);
});

afterEach(async () => {
  await sim.close();
});

const profile = (overrides: Partial<FiskalyProfileSettings> = {}): FiskalyProfileSettings => ({
  id: 'fk1',
  name: 'Kiosk Graz',
  product: 'sign-at',
  environment: 'test',
  customBaseUrl: sim.baseUrl,
  organizationUnitId: null,
  ...overrides,
});

describe('FiskalyConnections', () => {
  it('builds a profile from its settings and keychain entries, tests it and shows the token state', async () => {
    const connections = new FiskalyConnections({ vault, redactor: new Redactor(), logger: silentLogger, clock });
    const states: Array<[string, TokenState]> = [];
    connections.onStateChange((id, state) => states.push([id, state]));
    expect(connections.tokenState('fk1').status).toBe('signed-out');

    expect(await connections.testConnection(profile())).toMatchObject({ ok: true });
    expect(connections.tokenState('fk1')).toMatchObject({ status: 'signed-in', hasRefreshToken: true, authCount: 1 });
    expect(states.map(([id, s]) => `${id}:${s.status}`)).toEqual(['fk1:refreshing', 'fk1:signed-in']);
    expect(connections.client(profile())).toBe(connections.client(profile()));
  });

  it('a changed secret in the keychain drops the cached tokens', async () => {
    const connections = new FiskalyConnections({ vault, redactor: new Redactor(), logger: silentLogger, clock });
    await connections.testConnection(profile());
    await vault.set(vaultAccount('fk1', 'apiSecret'), 'new-secret-789');
    sim.setCredentials([{ apiKey: SIM_KEY, apiSecret: 'new-secret-789' }]);
    connections.credentialsChanged('fk1');
    expect(connections.tokenState('fk1')).toMatchObject({ status: 'signed-out', hasRefreshToken: false });
    expect(await connections.testConnection(profile())).toMatchObject({ ok: true });
    expect(sim.requests().filter((r) => r.path === '/api/v2/auth').at(-1)?.body).toEqual({ api_key: SIM_KEY, api_secret: 'new-secret-789' });
  });

  it('changed settings rebuild the connection; removal forgets it', async () => {
    const connections = new FiskalyConnections({ vault, redactor: new Redactor(), logger: silentLogger, clock });
    const first = connections.client(profile());
    await first.testConnection();
    const second = connections.client(profile({ product: 'sign-it', organizationUnitId: 'unit-1' }));
    expect(second).not.toBe(first);
    expect(first.tokens.state().status).toBe('signed-out');
    expect(second.extraHeaders()).toEqual({ 'X-Api-Version': '2026-02-03', 'X-Scope-Identifier': 'unit-1' });
    connections.remove('fk1');
    expect(connections.tokenState('fk1').status).toBe('signed-out');
  });

  it('reports a missing secret and an unusable base URL in words', async () => {
    const connections = new FiskalyConnections({ vault, redactor: new Redactor(), logger: silentLogger, clock });
    await vault.delete(vaultAccount('fk1', 'apiSecret'));
    expect(await connections.testConnection(profile())).toMatchObject({ ok: false, code: 'CREDENTIALS_MISSING' });
    expect(sim.counters.requests).toBe(0);
    expect(() => connections.client(profile({ environment: 'live' }))).toThrow(/simulator/);
    expect(() => connections.client(profile({ customBaseUrl: null }))).toThrow(/Enter the base URL/);
  });
});

function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('tokens never reach disk or the UI', () => {
  it('neither the log file nor anything else in the data folder holds a token or the secret', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fd-fiskaly-'));
    try {
      const redactor = new Redactor();
      redactor.registerSecret(SIM_SECRET);
      const logger = createFileLogger({ directory: join(dataDir, 'logs'), redactor, level: 'debug', logId: `fiskaly-leak-${Date.now()}` });
      const connections = new FiskalyConnections({ vault, redactor, logger, clock });
      const states: TokenState[] = [];
      connections.onStateChange((_id, state) => states.push(state));

      // Every path: sign-in, proactive refresh, 401 refresh, refused refresh + sign-in, refused sign-in.
      const client = connections.client(profile());
      await client.testConnection();
      const token = await client.tokens.getAccessToken();
      // A careless caller logging a token or an auth header still leaks nothing.
      logger.info(`about to call with ${token}`, { headers: { Authorization: `Bearer ${token}` }, token });
      clock.advance(55_000);
      await client.request('/echo', { method: 'GET' });
      sim.revokeAccessTokens();
      await client.request('/echo', { method: 'GET' });
      sim.revokeAll();
      await client.request('/echo', { method: 'GET' });
      sim.revokeAll();
      sim.setCredentials([]);
      const failure = await client.request('/echo', { method: 'GET' }).catch((error: unknown) => error);
      logger.error('fiskaly call failed', { error: failure });
      await new Promise((resolve) => setTimeout(resolve, 150));

      const issued = sim.issuedTokens();
      expect(issued.length).toBeGreaterThanOrEqual(6);
      const files = filesUnder(dataDir);
      expect(files.some((f) => f.endsWith('main.log'))).toBe(true);
      const logText = files.map((f) => readFileSync(f, 'utf8')).join('\n');
      expect(logText).toContain('fiskaly: signed in');
      expect(logText).toContain('fiskaly: sign-in refused');
      for (const value of issued) expect(logText).not.toContain(value);
      expect(logText).not.toContain(SIM_SECRET);

      // What would cross IPC: the token state, strictly validated, without any token.
      states.push(connections.tokenState('fk1'));
      const ipcText = JSON.stringify(states.map((s) => fiskalyTokenStateSchema.parse(s)));
      for (const value of issued) expect(ipcText).not.toContain(value);
      expect(ipcText).not.toContain(SIM_SECRET);
      expect(states.at(-1)?.status).toBe('failed');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
