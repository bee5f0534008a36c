import type { FiscalApi } from '../../shared/contract';
import { createWebBridge, takeToken } from './web-bridge';

declare global {
  interface Window {
    fiscal?: FiscalApi;
  }
}

let api: FiscalApi | undefined;

/**
 * The one way the renderer reaches main. Inside Electron the preload has put `window.fiscal`
 * there; in a browser, the loopback bridge implements the same object.
 */
export function fiscal(): FiscalApi {
  api ??= window.fiscal ?? createWebBridge(takeToken(window.location, window.history, window.sessionStorage), window.location.origin);
  return api;
}

export function runtimeHint(): 'electron' | 'browser' {
  return window.fiscal === undefined ? 'browser' : 'electron';
}
