import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComposedApp } from '../compose';
import { startFiskalySimulator } from '../sandbox/fiskaly/fiskaly-simulator';
import { appSender, composeTestApp } from '../test-support/compose-test-app';

type Simulator = Awaited<ReturnType<typeof startFiskalySimulator>>;
const sender = appSender;
let simulator: Simulator;
let app: ComposedApp;

beforeAll(async () => {
  simulator = await startFiskalySimulator({ credentials: [{ apiKey: 'ipc_key', apiSecret: 'ipc_secret_value' }] });
  app = await composeTestApp();
});
afterAll(async () => {
  await app.dispose();
  await simulator.close();
});

describe('fiskaly through the IPC router', () => {
  it('signs in, reports the token state and emits it, and no token ever crosses IPC', async () => {
    const pushed: unknown[] = [];
    app.events.subscribe((name, payload) => {
      if (name === 'connections:token-state') pushed.push(payload);
    });
    const created = await app.router.dispatch(
      'connections:create',
      { kind: 'fiskaly', name: 'Berlin', environment: 'test', product: 'sign-de', customBaseUrl: simulator.baseUrl, apiKey: 'ipc_key', apiSecret: 'ipc_secret_value' },
      sender,
    );
    expect(created.ok).toBe(true);
    const id = (created as { value: { id: string } }).value.id;
    const answers = [
      created,
      await app.router.dispatch('connections:test', { id }, sender),
      await app.router.dispatch('connections:tokenState', { id }, sender),
      await app.router.dispatch('connections:list', undefined, sender),
    ];
    expect(answers[1]).toMatchObject({ ok: true, value: { ok: true } });
    expect(answers[2]).toMatchObject({ ok: true, value: { status: 'signed-in', hasRefreshToken: true } });
    expect(pushed.length).toBeGreaterThan(0);

    const tokens = simulator.issuedTokens();
    expect(tokens.length).toBeGreaterThan(0);
    const everything = JSON.stringify([answers, pushed]);
    for (const token of tokens) expect(everything).not.toContain(token);
    expect(everything).not.toContain('ipc_secret_value');
  });

  it('refuses a live fiskaly profile pointed at a test host, naming the field', async () => {
    const result = await app.router.dispatch(
      'connections:create',
      { kind: 'fiskaly', name: 'Mixed up', environment: 'live', product: 'sign-it', customBaseUrl: 'https://test.api.fiskaly.com', apiKey: 'k-123', apiSecret: 's-123' },
      sender,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { customBaseUrl: expect.any(String) } } });
  });
});
