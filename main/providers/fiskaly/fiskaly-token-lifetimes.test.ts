import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FiskalyProduct } from '../../../shared/contract/connections';
import { TokenManager } from '../../auth/token-manager';
import { silentLogger } from '../../logging/logger';
import { Redactor } from '../../logging/redact';
import { startFiskalySimulator, type RunningFiskalySimulator } from '../../sandbox/fiskaly/fiskaly-simulator';
import { fakeClock, SIM_KEY, SIM_SECRET, type FakeClock } from '../../sandbox/fiskaly/test-support';
import { FiskalyClient } from './fiskaly-client';
import { connectionProbePath, productFamily } from './products';

// The simulator states absurd lifetimes: `access_token_expires_in` (SIGN DE) or a JWT `exp`
// (SIGN ES, which states nothing else) far beyond what a date can hold, or already past.
let sim: RunningFiskalySimulator;
let clock: FakeClock;

beforeEach(async () => {
  clock = fakeClock();
  sim = await startFiskalySimulator({ clock, credentials: [{ apiKey: SIM_KEY, apiSecret: SIM_SECRET }] });
});
afterEach(() => sim.close());

function client(product: FiskalyProduct): FiskalyClient {
  const family = productFamily(product);
  const tokens = new TokenManager({
    profileId: 'p1',
    profileName: 'Café Roma',
    style: family.style,
    baseUrl: sim.baseUrl,
    environment: 'test',
    credentials: async () => ({ apiKey: SIM_KEY, apiSecret: SIM_SECRET }),
    clock,
    redactor: new Redactor(),
    logger: silentLogger,
  });
  return new FiskalyClient({ tokens, apiVersion: family.apiVersion, scopeHeader: family.scopeHeader, probePath: connectionProbePath(product, sim.baseUrl), clock, logger: silentLogger });
}

/** Three calls in a row all answered, the state readable, and no sticky failure. */
async function keepsWorking(api: FiskalyClient): Promise<void> {
  for (let call = 0; call < 3; call += 1) {
    await expect(api.request('/echo', { method: 'GET' })).resolves.toMatchObject({ ok: true });
    const state = api.tokens.state();
    expect(state.status).not.toBe('failed');
    expect(state.lastError).toBeNull();
    clock.advance(1_000);
  }
  expect((await api.testConnection()).ok).toBe(true);
}

describe('fiskaly: absurd token lifetimes', () => {
  it('access_token_expires_in of 1e300 seconds: believed for at most a week', async () => {
    sim.setTokenLifetimes({ accessTokenTtlSeconds: 1e300, refreshTokenTtlSeconds: 1e300 });
    const api = client('sign-de');
    await keepsWorking(api);
    const state = api.tokens.state();
    expect(Date.parse(state.accessTokenExpiresAt!) - clock()).toBeLessThanOrEqual(7 * 24 * 3600 * 1000);
  });

  it('a JWT exp of 1e20 (SIGN ES states no lifetime): treated as expiring now, every call still answered', async () => {
    sim.setTokenLifetimes({ accessTokenTtlSeconds: 1e20 - clock() / 1000 });
    const api = client('sign-es');
    sim.resetCounters();
    await keepsWorking(api);
    // Nothing to believe: each call signed in afresh (3 calls + the connection test).
    expect(sim.counters.auth).toBe(4);
  });

  it('a negative lifetime: the token serves the call that asked for it, the next call signs in again', async () => {
    sim.setTokenLifetimes({ accessTokenTtlSeconds: -60 });
    const api = client('sign-de');
    await expect(api.tokens.getAccessToken()).resolves.toMatch(/^ey/);
    expect(api.tokens.state()).toMatchObject({ accessTokenExpiresAt: new Date(clock()).toISOString(), lastError: null });
    sim.resetCounters();
    await api.tokens.getAccessToken();
    expect(sim.counters.auth + sim.counters.refresh).toBe(1);
  });
});
