/**
 * What the e2e fixtures (both modes) and the packaged-app smoke test (scripts/smoke) share:
 * a fresh profile for every run, the "app loaded" marker, a bounded shutdown, and the checks that
 * the window is the app (app:// origin, its CSP, no Node) and that the preload exposes exactly the
 * contract. Nothing here needs the Playwright test runner, so the smoke script can use it too.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { buildContentSecurityPolicy } from '../main/app/csp';
import { listChannels } from '../shared/contract';

/** The origin main/app/app-protocol.ts serves the renderer from (that file imports Electron, so it is not imported here). */
export const appOrigin = 'app://fiscal-desk';

/** Set by the renderer once its first data has arrived (renderer/app/app.tsx). */
export const appLoadedSelector = 'html[data-app-ready="true"]';

export async function waitUntilAppLoaded(page: Page, timeout = 20_000): Promise<void> {
  await page.locator(appLoadedSelector).waitFor({ state: 'attached', timeout });
}

/** A new, empty profile folder: every run starts as a first start and touches no one's real data. */
export function freshDataDirectory(prefix = 'fiscal-desk-e2e-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDataDirectory(directory: string): void {
  rmSync(directory, { recursive: true, force: true });
}

/**
 * The environment of an Electron test run. FISCAL_DESK_USER_DATA points the app at its own profile
 * folder, and main/app/index.ts then also turns off the single-instance lock (so a run never hands
 * over to, or waits for, another copy) and the updater.
 */
export function testRunEnvironment(dataDirectory: string): Record<string, string> {
  return { ...appEnvironment(), FISCAL_DESK_USER_DATA: dataDirectory };
}

/** This process's environment for the app, less what is meant for this Node process (the app's would break on it or refuse it). */
export function appEnvironment(): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined) environment[name] = value;
  delete environment.NODE_OPTIONS;
  delete environment.ELECTRON_RUN_AS_NODE;
  return environment;
}

/** Copies the app's log folder next to a failed test's trace and screenshot, for the CI artefacts. */
export function keepLogs(logsDirectory: string, outputDirectory: string): void {
  if (existsSync(logsDirectory)) cpSync(logsDirectory, join(outputDirectory, 'app-logs'), { recursive: true });
}

/**
 * Runs `shutdown` and waits at most `ms` for it. A shutdown that hangs is a bug in the app (its
 * services did not stop): `onTimeout` ends it the hard way, then the caller is told it failed.
 */
export async function shutDownWithin(ms: number, what: string, shutdown: () => Promise<unknown>, onTimeout: () => void): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'expired'>((done) => {
    timer = setTimeout(() => done('expired'), ms);
  });
  try {
    const outcome = await Promise.race([shutdown().then(() => 'done' as const), expired]);
    if (outcome === 'expired') {
      onTimeout();
      throw new Error(`${what} did not shut down within ${ms / 1000} s and was killed`);
    }
  } finally {
    clearTimeout(timer);
  }
}

/** `window.fiscal` as the contract defines it: every domain with its verbs, and `events.on`. */
export function contractBridgeShape(): Record<string, string[]> {
  const shape: Record<string, string[]> = {};
  for (const { domain, verb } of listChannels()) (shape[domain] ??= []).push(verb);
  shape.events = ['on'];
  for (const verbs of Object.values(shape)) verbs.sort();
  return shape;
}

interface PageFacts {
  bridge: Record<string, Record<string, string>> | string;
  nodeGlobals: string[];
  contentSecurityPolicy: string | null;
}

/**
 * Problems with the page the app window shows, in plain words; empty when all is well:
 * - it is the app's own page on app://, with the production Content-Security-Policy;
 * - the page has no Node (no require, process, module, Buffer: nodeIntegration off);
 * - `window.fiscal` is exactly the contract, every member a function (the preload exposes nothing
 *   else; contextBridge also refuses to run at all without context isolation).
 */
export async function appWindowProblems(page: Page, origin = appOrigin): Promise<string[]> {
  const problems: string[] = [];
  const url = page.url();
  if (!url.startsWith(`${origin}/`)) problems.push(`the window shows ${url}, not the app on ${origin}`);
  const facts = await page.evaluate(async (pageUrl): Promise<PageFacts> => {
    const scope = globalThis as unknown as Record<string, unknown>;
    const fiscal = scope.fiscal;
    let bridge: PageFacts['bridge'] = typeof fiscal;
    if (typeof fiscal === 'object' && fiscal !== null) {
      bridge = {};
      for (const [domain, members] of Object.entries(fiscal)) {
        bridge[domain] = {};
        for (const [name, member] of Object.entries(members as object)) bridge[domain][name] = typeof member;
      }
    }
    const nodeGlobals = ['require', 'process', 'module', 'Buffer', 'global'].filter((name) => scope[name] !== undefined);
    const contentSecurityPolicy = await fetch(pageUrl).then(
      (response) => response.headers.get('content-security-policy'),
      () => null,
    );
    return { bridge, nodeGlobals, contentSecurityPolicy };
  }, url);

  if (facts.nodeGlobals.length > 0) problems.push(`the page can reach Node: ${facts.nodeGlobals.join(', ')} defined`);
  if (facts.contentSecurityPolicy !== buildContentSecurityPolicy()) {
    problems.push(`the page's Content-Security-Policy is ${JSON.stringify(facts.contentSecurityPolicy)}, not the production policy`);
  }
  if (typeof facts.bridge === 'string') {
    problems.push(`window.fiscal is ${facts.bridge}: the preload did not run or did not expose the contract`);
    return problems;
  }
  const expected = contractBridgeShape();
  for (const [domain, members] of Object.entries(facts.bridge)) {
    const wanted = expected[domain];
    for (const [name, kind] of Object.entries(members)) {
      if (wanted === undefined || !wanted.includes(name)) problems.push(`window.fiscal exposes ${domain}.${name}, which is not in the contract`);
      else if (kind !== 'function') problems.push(`window.fiscal.${domain}.${name} is a ${kind}, not a function`);
    }
  }
  for (const [domain, verbs] of Object.entries(expected)) {
    for (const verb of verbs) if (facts.bridge[domain]?.[verb] === undefined) problems.push(`window.fiscal lacks ${domain}.${verb}`);
  }
  return problems;
}

/** The renderer's web preferences that keep it isolated (main/app/window-options.ts), as Electron reports them. */
export const requiredWebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
} as const;

export function webPreferenceProblems(actual: Record<string, unknown> | null): string[] {
  if (actual === null) return ['the window has no web preferences (it is not an app window)'];
  return Object.entries(requiredWebPreferences)
    .filter(([name, value]) => actual[name] !== value)
    .map(([name, value]) => `webPreferences.${name} is ${String(actual[name])}, must be ${String(value)}`);
}
