import { realpathSync } from 'node:fs';
import type { ElectronApplication } from '@playwright/test';
import type { FiscalApi } from '../shared/contract';
import { appWindowProblems, webPreferenceProblems } from './app-checks';
import { expect, test, type RunningApp } from './fixtures';

// The Electron layer itself: the window, the app:// protocol, the preload and the IPC sender check.
test.skip(({ mode }) => mode !== 'electron', 'Only the Electron app has app://, a preload and IPC (browser mode reaches main over its loopback bridge).');

function electronOf(app: RunningApp): ElectronApplication {
  if (app.electron === undefined) throw new Error('not running in Electron mode');
  return app.electron;
}

test('the window shows the app from app:// with the isolating web preferences, and the preload exposes exactly the contract', async ({ app }) => {
  const preferences = await electronOf(app).evaluate(({ BrowserWindow }) => {
    const [window] = BrowserWindow.getAllWindows();
    // Electron still has this method (its own code uses it) but no longer declares it in its types.
    const contents = window?.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> | null } | undefined;
    if (contents?.getLastWebPreferences === undefined) return 'Electron did not report the web preferences (webContents.getLastWebPreferences is gone)';
    return contents.getLastWebPreferences();
  });
  expect(typeof preferences === 'string' ? [preferences] : webPreferenceProblems(preferences)).toEqual([]);
  expect(await appWindowProblems(app.page)).toEqual([]);
  // The bridge works end to end: preload -> ipcMain -> sender check -> router -> service.
  const info = await app.page.evaluate(() => (globalThis as unknown as { fiscal: FiscalApi }).fiscal.app.info());
  expect(info).toEqual({ ok: true, value: expect.objectContaining({ runtime: 'electron' }) });
  // The run's own profile folder (compared resolved: Windows may hand out a short 8.3 temp path).
  if (info.ok) expect(realpathSync.native(info.value.dataDirectory)).toBe(realpathSync.native(app.dataDirectory));
});

test('a page that is not the app gets nothing over IPC, even with the preload', async ({ app }) => {
  const electron = electronOf(app);
  const strangerOpened = electron.waitForEvent('window');
  await electron.evaluate(({ BrowserWindow }) => {
    const [appWindow] = BrowserWindow.getAllWindows();
    const contents = appWindow?.webContents as unknown as { getLastWebPreferences(): { preload?: string } };
    const stranger = new BrowserWindow({ show: false, webPreferences: { preload: contents.getLastWebPreferences().preload, contextIsolation: true, sandbox: true } });
    void stranger.loadURL('data:text/html,<title>Not the app</title>');
  });
  const stranger = await strangerOpened;
  await stranger.waitForURL(/^data:/);
  const answer = await stranger.evaluate(() => (globalThis as unknown as { fiscal: FiscalApi }).fiscal.app.info());
  expect(answer).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN_SENDER' }) });
  await stranger.close();
});
