import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeApp, type ComposedApp, type HostDeps } from '../compose';
import { silentLogger } from '../logging/logger';
import { Redactor } from '../logging/redact';
import { openConfSettings } from '../store/conf-backend';
import { MemoryVault } from '../vault/memory-vault';

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
