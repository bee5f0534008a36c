import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '..');

export type ElectronBinary = { available: true; path: string } | { available: false; reason: string };

/**
 * Finds the Electron binary without downloading it (electron's own lookup would try to).
 * ELECTRON_OVERRIDE_DIST_PATH, the standard override, points at a folder holding one.
 */
export function findElectronBinary(): ElectronBinary {
  const packageDir = join(repoRoot, 'node_modules', 'electron');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const names = process.platform === 'win32' ? ['electron.exe'] : process.platform === 'darwin' ? ['Electron.app/Contents/MacOS/Electron'] : ['electron'];
  if (override !== undefined) {
    for (const name of names) if (existsSync(join(override, name))) return { available: true, path: join(override, name) };
    return { available: false, reason: `ELECTRON_OVERRIDE_DIST_PATH (${override}) holds no Electron binary` };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return { available: false, reason: 'the Electron binary is not installed (its download is not reachable from this machine)' };
  }
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { available: true, path: binary } : { available: false, reason: `node_modules/electron/path.txt names ${binary}, which does not exist` };
}
