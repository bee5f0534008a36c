import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import type { WindowState } from '../store/settings-store';

/**
 * The renderer's web preferences: isolated, sandboxed, no Node, no remote content. Kept as a
 * pure function so the test can assert every flag.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
    safeDialogs: true,
    disableBlinkFeatures: 'Auxclick',
  };
}

export function mainWindowOptions(input: { preloadPath: string; state: WindowState; title: string }): BrowserWindowConstructorOptions {
  return {
    title: input.title,
    width: input.state.width,
    height: input.state.height,
    ...(input.state.x === undefined || input.state.y === undefined ? {} : { x: input.state.x, y: input.state.y }),
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: '#1d2127',
    autoHideMenuBar: false,
    webPreferences: secureWebPreferences(input.preloadPath),
  };
}

/**
 * The small window a journal update at start shows its progress in: a page of text the app
 * writes (journal-update-page.ts), with no preload and no JavaScript at all.
 */
export function journalUpdateWindowOptions(title: string): BrowserWindowConstructorOptions {
  const { preload: _none, ...isolated } = secureWebPreferences('');
  return {
    title,
    width: 460,
    height: 200,
    useContentSize: true,
    resizable: false,
    // Closing it would quit the app mid-update and throw the work away (it commits at its end).
    closable: false,
    minimizable: true,
    maximizable: false,
    fullscreenable: false,
    show: true,
    backgroundColor: '#1d2127',
    autoHideMenuBar: true,
    webPreferences: { ...isolated, javascript: false, spellcheck: false },
  };
}
