import { cpSync, existsSync, mkdirSync, readFileSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { FiscalApi } from '../../shared/contract';
import { appEnvironment, appWindowProblems, freshDataDirectory, removeDataDirectory, shutDownWithin, waitUntilAppLoaded } from '../../e2e/app-checks';
import type { SmokeOptions } from './arguments';
import { fuseProblems } from './fuses';
import { launchPackagedApp, type LaunchedApp } from './launch';
import { smokeProfile, type SmokeProfile } from './profile';

const repoRoot = resolve(import.meta.dirname, '..', '..');

export interface SmokeReport {
  passed: string[];
  problems: string[];
}

/**
 * Launches the packaged app once and checks, in order: the production fuses are burnt in; it starts
 * and shows its window; the window reaches the "app loaded" marker; it is the app on app:// with
 * the production CSP, no Node in the page, and a preload exposing exactly the contract; a call over
 * IPC is answered (sender check, router, services) by Electron, as this version, on the expected
 * profile (a fresh one on Linux, see profile.ts); and it quits by itself, with exit code 0.
 */
export async function runSmokeTest(executable: string, options: SmokeOptions, log: (line: string) => void): Promise<SmokeReport> {
  const report: SmokeReport = { passed: [], problems: [] };
  const check = (name: string, problems: string[]) => {
    if (problems.length === 0) {
      report.passed.push(name);
      log(`ok    ${name}`);
    } else {
      report.problems.push(...problems.map((problem) => `${name}: ${problem}`));
      for (const problem of problems) log(`FAIL  ${name}: ${problem}`);
    }
  };

  check('the production Electron fuses are burnt in', await fuseProblems(executable));

  if (process.platform === 'linux' && process.env.DISPLAY === undefined && process.env.WAYLAND_DISPLAY === undefined) {
    check('a display to open the window on', ['there is no DISPLAY: run the smoke test under a display server, e.g. `xvfb-run -a npm run smoke -- <app>`']);
    return report;
  }

  const output = options.output === undefined ? undefined : resolve(options.output);
  if (output !== undefined) mkdirSync(output, { recursive: true });
  const root = output === undefined ? freshDataDirectory('fiscal-desk-smoke-') : join(output, 'profile');
  mkdirSync(root, { recursive: true });
  const profile = smokeProfile(root, appEnvironment());
  let dataDirectory = profile.expectedDataDirectory;

  let app: LaunchedApp | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  try {
    app = await launchPackagedApp(executable, profile.environment, options.timeoutMs);
    check('the app starts', []);
    browser = await chromium.connectOverCDP(app.endpoint, { timeout: options.timeoutMs });
    const context = browser.contexts()[0];
    if (context === undefined) throw new Error('the app exposes no browser context');
    page = context.pages()[0] ?? (await context.waitForEvent('page', { timeout: options.timeoutMs }));
    await waitUntilAppLoaded(page, options.timeoutMs).then(
      () => check('the window reaches the "app loaded" marker', []),
      () => check('the window reaches the "app loaded" marker', [`not within ${options.timeoutMs / 1000} s; the window shows ${page?.url()}`]),
    );
    check('the window is the app on app://, without Node, and the preload exposes exactly the contract', await appWindowProblems(page));
    const ipc = await ipcProblems(page, profile);
    dataDirectory = ipc.dataDirectory ?? dataDirectory;
    check('IPC answers from Electron, as this version, on the expected profile', ipc.problems);
    if (dataDirectory !== undefined) log(`      the app's profile folder: ${dataDirectory}`);
  } catch (error) {
    check('the smoke run', [error instanceof Error ? error.message : String(error)]);
  }

  if (report.problems.length > 0 && page !== undefined && output !== undefined) {
    await page.screenshot({ path: join(output, 'smoke-failure.png') }).catch(() => undefined);
  }
  if (app !== undefined) check('the app quits by itself, with exit code 0', await quitProblems(app, page, options.timeoutMs));
  await browser?.close().catch(() => undefined);

  const logs = dataDirectory === undefined ? undefined : profile.logsDirectory(dataDirectory);
  if (report.problems.length > 0 && logs !== undefined) {
    if (output !== undefined && existsSync(logs)) cpSync(logs, join(output, 'app-logs'), { recursive: true });
    log(`      the app's log: ${join(logs, 'main.log')}`);
  }
  if (output === undefined && report.problems.length === 0) removeDataDirectory(root);
  return report;
}

async function ipcProblems(page: Page, profile: SmokeProfile): Promise<{ problems: string[]; dataDirectory?: string }> {
  const answer = await page.evaluate(() => (globalThis as unknown as { fiscal: FiscalApi }).fiscal.app.info());
  if (!answer.ok) return { problems: [`app:info was refused: ${answer.error.code} ${answer.error.message}`] };
  const problems: string[] = [];
  const { runtime, version, dataDirectory } = answer.value;
  const expectedVersion = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
  if (runtime !== 'electron') problems.push(`the app says it runs in ${runtime}, not electron`);
  if (version !== expectedVersion) problems.push(`the app is version ${version}, package.json says ${expectedVersion}`);
  const expected = profile.expectedDataDirectory;
  const samePath = (a: string, b: string) => existsSync(a) && existsSync(b) && realpathSync(a) === realpathSync(b);
  if (expected !== undefined && !samePath(dataDirectory, expected)) {
    problems.push(`the app uses the profile folder ${dataDirectory}, not this run's fresh one (${expected})`);
  }
  return { problems, dataDirectory };
}

/** Closes the window and waits for the app to quit by itself with exit code 0 (exported for its test). */
export async function quitProblems(app: LaunchedApp, page: Page | undefined, timeoutMs: number): Promise<string[]> {
  try {
    await shutDownWithin(
      timeoutMs,
      'The packaged app',
      async () => {
        // Closing the only window quits the app on Windows and Linux; a macOS app stays open
        // without windows, and Electron quits it gracefully (will-quit and all) on SIGTERM.
        await page?.close().catch(() => undefined);
        if (process.platform === 'darwin' || page === undefined) app.child.kill('SIGTERM');
        const { code, signal } = await app.exited;
        if (code !== 0) throw new Error(`it exited with ${code === null ? `signal ${signal}` : `code ${code}`}. It printed:\n${app.output()}`);
      },
      () => app.child.kill('SIGKILL'),
    );
    return [];
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}
