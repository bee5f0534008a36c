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
