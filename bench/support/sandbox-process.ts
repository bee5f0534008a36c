import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * Starts the sandbox in a child process (its own core), so that the process measuring the
 * client does not share an event loop with the server it measures.
 */
export function startSandboxProcess(options: { processingDelayMs?: number } = {}): Promise<{ baseUrl: string; stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'sandbox-child.ts'), String(options.processingDelayMs ?? 50)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`sandbox exited early (${code})`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('READY ')) resolve({ baseUrl: line.slice(6), stop: () => child.stdin.end() });
    });
  });
}
