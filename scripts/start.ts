// `npm start`: the desktop app where an Electron binary exists, otherwise browser mode, saying so.
// The build runs quietly (its errors only): a newcomer sees one short block, not Vite's report.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { findElectronBinary } from './electron-binary';

const repoRoot = resolve(import.meta.dirname, '..');
const electron = findElectronBinary();

const run = (command: string, args: string[]) =>
  new Promise<number>((done) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit' });
    child.on('exit', (code) => done(code ?? 1));
  });

const electronVite = join(repoRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');

console.log(electron.available ? 'Building Fiscal Desk…' : `Browser mode: ${electron.reason}. Building Fiscal Desk…`);
const built = await run(process.execPath, [electronVite, 'build', '--logLevel', 'error']);
if (built !== 0) process.exit(built);

if (electron.available) {
  process.exit(await run(electron.path, ['.']));
} else {
  // Browser mode in this process: it prints the address, the data folder and the log file.
  await import('../main/web/cli');
}
