// The checks the smoke test and the Electron e2e spec run on the app window (e2e/app-checks.ts),
// run against pages in real Chromium that are right, and wrong in each way they look for: a check
// that cannot fail proves nothing.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy } from '../../main/app/csp';
import { appWindowProblems, contractBridgeShape, requiredWebPreferences, webPreferenceProblems } from '../../e2e/app-checks';

const executablePath = process.env.FISCAL_DESK_CHROMIUM ?? '/usr/bin/chromium';
const runnable = existsSync(executablePath);
const origin = 'http://app.test';

interface Served {
  bridge: Record<string, Record<string, string>> | undefined;
  nodeGlobals?: string[];
  contentSecurityPolicy?: string | undefined;
  path?: string;
}

describe.skipIf(!runnable)(`the app window checks, on pages in real Chromium${runnable ? '' : ` — skipped: no Chromium at ${executablePath}`}`, { timeout: 60_000 }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** Serves a page on `origin` with the given CSP, and installs a `window.fiscal` of the given shape (member name -> type). */
  async function open(served: Served): Promise<Page> {
    const page = await browser.newPage();
    const csp = 'contentSecurityPolicy' in served ? served.contentSecurityPolicy : buildContentSecurityPolicy();
    await page.route(`${origin}/**`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>App</title>', headers: csp === undefined ? {} : { 'Content-Security-Policy': csp } }),
    );
    await page.addInitScript(({ bridge, nodeGlobals }) => {
      const scope = globalThis as unknown as Record<string, unknown>;
      if (bridge !== undefined) {
        const fiscal: Record<string, Record<string, unknown>> = {};
        for (const [domain, members] of Object.entries(bridge)) {
          fiscal[domain] = {};
          for (const [name, kind] of Object.entries(members)) fiscal[domain][name] = kind === 'function' ? () => undefined : kind;
        }
        scope.fiscal = fiscal;
      }
      for (const name of nodeGlobals) scope[name] = {};
    }, { bridge: served.bridge, nodeGlobals: served.nodeGlobals ?? [] });
    await page.goto(`${origin}${served.path ?? '/index.html'}`);
    return page;
  }

  const contractBridge = () => {
    const bridge: Record<string, Record<string, string>> = {};
    for (const [domain, verbs] of Object.entries(contractBridgeShape())) bridge[domain] = Object.fromEntries(verbs.map((verb) => [verb, 'function']));
    return bridge;
  };

  it('pass the app: its origin, the production CSP, no Node, exactly the contract', async () => {
    const page = await open({ bridge: contractBridge() });
    expect(await appWindowProblems(page, origin)).toEqual([]);
  });

  it('name every way the bridge differs from the contract', async () => {
    const bridge = contractBridge();
    bridge.app!.runShell = 'function';
    delete bridge.settings!.get;
    bridge.events!.on = 'string';
    bridge.ipcRenderer = { invoke: 'function' };
    const page = await open({ bridge });
    expect(await appWindowProblems(page, origin)).toEqual([
      'window.fiscal exposes app.runShell, which is not in the contract',
      'window.fiscal.events.on is a string, not a function',
      'window.fiscal exposes ipcRenderer.invoke, which is not in the contract',
      'window.fiscal lacks settings.get',
    ]);
  });

  it('catch a page without the preload, with Node, or with another policy', async () => {
    expect(await appWindowProblems(await open({ bridge: undefined }), origin)).toEqual(['window.fiscal is undefined: the preload did not run or did not expose the contract']);
    expect(await appWindowProblems(await open({ bridge: contractBridge(), nodeGlobals: ['require', 'process'] }), origin)).toEqual([
      'the page can reach Node: require, process defined',
    ]);
    expect(await appWindowProblems(await open({ bridge: contractBridge(), contentSecurityPolicy: undefined }), origin)).toEqual([
      "the page's Content-Security-Policy is null, not the production policy",
    ]);
    expect(await appWindowProblems(await open({ bridge: contractBridge(), contentSecurityPolicy: "default-src 'self' 'unsafe-eval'" }), origin)).toEqual([
      `the page's Content-Security-Policy is "default-src 'self' 'unsafe-eval'", not the production policy`,
    ]);
  });

  it('catch a window that shows something other than the app', async () => {
    const page = await open({ bridge: contractBridge() });
    expect(await appWindowProblems(page, 'app://fiscal-desk')).toEqual([`the window shows ${origin}/index.html, not the app on app://fiscal-desk`]);
  });
});

describe('the web preference check (Electron-mode e2e)', () => {
  it('passes the isolating preferences and names each one that is off', () => {
    expect(webPreferenceProblems({ ...requiredWebPreferences, preload: '/app/out/preload/index.cjs' })).toEqual([]);
    expect(webPreferenceProblems({ ...requiredWebPreferences, sandbox: false, nodeIntegration: true })).toEqual([
      'webPreferences.sandbox is false, must be true',
      'webPreferences.nodeIntegration is true, must be false',
    ]);
    expect(webPreferenceProblems({})).toHaveLength(Object.keys(requiredWebPreferences).length);
    expect(webPreferenceProblems(null)).toEqual(['the window has no web preferences (it is not an app window)']);
  });
});
