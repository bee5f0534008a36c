import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeApp, type ComposedApp, type HostDeps } from '../compose';
import { silentLogger } from '../logging/logger';
import { Redactor } from '../logging/redact';
import { openConfSettings } from '../store/conf-backend';
import { MemoryVault } from '../vault/memory-vault';
import type { Result } from '../../shared/result';

/** The sender every test call comes from: the app's own page, top frame. */
export const appSender = { url: 'app://fiscal-desk/index.html', isMainFrame: true };

/**
 * The whole app as both hosts build it, for tests that drive it through the IPC router: a fresh
 * data folder, settings on conf, an in-memory vault (the real keychain has its own tests).
 */
export async function composeTestApp(overrides: Partial<HostDeps> = {}): Promise<ComposedApp> {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'fd-app-'));
  return composeApp({
    info: { name: 'Fiscal Desk', version: '0.1.0', runtime: 'browser', platform: 'linux', dataDirectory },
    settingsBackend: openConfSettings(dataDirectory),
    openExternal: async () => false,
    logger: silentLogger,
    redactor: new Redactor(),
    isTrustedSender: () => true,
    validateOutput: true,
    vault: new MemoryVault(),
    ...overrides,
  });
}

/** Training documents processed and polled within milliseconds, for tests that send documents. */
export const fastTraining: Partial<HostDeps> = {
  trainingProcessingDelayMs: 5,
  outbox: { polls: { stepsMs: [20, 50] }, retry: { baseMs: 20, capMs: 200 } },
};

/**
 * Calls channels as the app's own page does. `value` answers the channel's value and fails the
 * test with the error (code, message, fields) when the call fails. `app` is read at each call.
 */
export function ipcOf(app: () => ComposedApp) {
  const call = async <T>(channel: string, input?: unknown): Promise<Result<T>> => (await app().router.dispatch(channel, input, appSender)) as Result<T>;
  const value = async <T>(channel: string, input?: unknown): Promise<T> => {
    const result = await call<T>(channel, input);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.fields ?? {})}`);
    return result.value;
  };
  return { call, value };
}
