import { spawn, type ChildProcess } from 'node:child_process';

/** Chromium's line announcing its DevTools endpoint, printed on stderr when --remote-debugging-port is given. */
export function devToolsEndpoint(line: string): string | undefined {
  return /^DevTools listening on (ws:\/\/\S+)/.exec(line.trim())?.[1];
}

export interface LaunchedApp {
  child: ChildProcess;
  /** The browser-level DevTools WebSocket of the app. */
  endpoint: string;
  /** How the process ended, once it has. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The last lines the app printed, for failure messages. */
  output(): string;
}

/**
 * Starts the packaged app with a DevTools port and waits until it announces it. The packaged app's
 * fuses turn off --inspect (so Playwright's _electron.launch cannot attach to the main process);
 * Chromium's remote debugging of the window is what is left, and all this check needs.
 */
export function launchPackagedApp(executable: string, environment: Record<string, string>, timeoutMs: number, extraArguments: readonly string[] = []): Promise<LaunchedApp> {
  const child = spawn(executable, ['--remote-debugging-port=0', ...extraArguments], { env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const output = () => lines.slice(-40).join('\n');
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
    child.once('exit', (code, signal) => done({ code, signal }));
    child.once('error', () => done({ code: null, signal: null }));
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the app did not open its DevTools port within ${timeoutMs / 1000} s. It printed:\n${output()}`));
    }, timeoutMs);
    let announced = false;
    const read = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split(/\r?\n/)) {
        if (line.trim() === '') continue;
        lines.push(line);
        const endpoint = devToolsEndpoint(line);
        if (endpoint !== undefined && !announced) {
          announced = true;
          clearTimeout(timer);
          resolve({ child, endpoint, exited, output });
        }
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`the app could not be started: ${error.message}`));
    });
    void exited.then(({ code, signal }) => {
      if (announced) return;
      clearTimeout(timer);
      // An installed app allows one running copy: a second one hands over to the first and exits.
      const hint = code === 0 ? ' Is Fiscal Desk already running on this machine? Quit it first.' : '';
      reject(new Error(`the app exited (${code ?? signal}) before it was up.${hint} It printed:\n${output()}`));
    });
  });
}
