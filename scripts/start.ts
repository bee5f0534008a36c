// `npm start`: the desktop app where an Electron binary exists, otherwise browser mode, saying so.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { findElectronBinary } from './electron-binary';

const repoRoot = resolve(import.meta.dirname, '..');
const electron = findElectronBinary();
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const run = (command: string, args: string[]) =>
  new Promise<number>((done) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit' });
    child.on('exit', (code) => done(code ?? 1));
  });

if (electron.available) {
  const built = await run(npm, ['run', 'build']);
  if (built !== 0) process.exit(built);
  process.exit(await run(electron.path, ['.']));
} else {
  console.log(`Starting browser mode: ${electron.reason}.`);
  process.exit(await run(npm, ['run', 'web']));
}
