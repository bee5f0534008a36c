import { describe, expect, it } from 'vitest';
import { journalUpdateWindowOptions, mainWindowOptions } from './window-options';

describe('main window options', () => {
  const options = mainWindowOptions({
    preloadPath: '/app/out/preload/index.cjs',
    state: { x: 10, y: 20, width: 1000, height: 700, maximized: false },
    title: 'Fiscal Desk',
  });

  it('isolates and sandboxes the renderer with no Node access', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
  });

  it('never sets options that weaken isolation', () => {
    const prefs = options.webPreferences as Record<string, unknown>;
    for (const risky of ['enableRemoteModule', 'enableBlinkFeatures', 'additionalArguments', 'partition']) {
      expect(prefs).not.toHaveProperty(risky);
    }
  });

  it('restores the remembered size and position and waits until ready to show', () => {
    expect(options).toMatchObject({ x: 10, y: 20, width: 1000, height: 700, show: false });
  });
});

describe('journal-update window options', () => {
  const options = journalUpdateWindowOptions('Fiscal Desk');

  it('shows a page with no preload and no JavaScript, isolated and sandboxed', () => {
    expect(options.webPreferences).not.toHaveProperty('preload');
    expect(options.webPreferences).toMatchObject({ javascript: false, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  });

  it('cannot be closed while the update runs (quitting then would throw the work away)', () => {
    expect(options).toMatchObject({ closable: false, show: true, resizable: false, useContentSize: true });
  });
});
