import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { productName } from '../../shared/app-identity';

export type FoundApp = { found: true; executable: string } | { found: false; reason: string };

/** electron-builder's unpacked output folders, per OS, the one for this CPU first. */
function unpackedFolders(platform: NodeJS.Platform, arch: string): string[] {
  if (platform === 'darwin') return arch === 'arm64' ? ['mac-arm64', 'mac', 'mac-universal'] : ['mac', 'mac-x64', 'mac-universal'];
  if (platform === 'win32') return arch === 'arm64' ? ['win-arm64-unpacked', 'win-unpacked'] : ['win-unpacked'];
  return arch === 'arm64' ? ['linux-arm64-unpacked', 'linux-unpacked'] : ['linux-unpacked'];
}

/** The names electron-builder gives the executable: "Fiscal Desk.exe" on Windows, "fiscal-desk" on Linux. */
function executableNames(platform: NodeJS.Platform): string[] {
  if (platform === 'win32') return [`${productName}.exe`];
  return [productName.toLowerCase().replaceAll(' ', '-'), productName];
}

function macExecutable(bundle: string): string | undefined {
  const folder = join(bundle, 'Contents', 'MacOS');
  if (!existsSync(folder)) return undefined;
  const [only, ...more] = readdirSync(folder);
  return only !== undefined && more.length === 0 ? join(folder, only) : join(folder, productName);
}

function inFolder(folder: string, platform: NodeJS.Platform): string | undefined {
  if (platform === 'darwin') {
    const bundle = readdirSync(folder).find((name) => name.endsWith('.app'));
    return bundle === undefined ? undefined : macExecutable(join(folder, bundle));
  }
  return executableNames(platform)
    .map((name) => join(folder, name))
    .find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

/**
 * The executable to launch for a path given on the command line: the executable itself, a .app
 * bundle, an unpacked app folder, or the release/ folder holding one for this OS and CPU.
 */
export function findPackagedApp(path: string, platform: NodeJS.Platform = process.platform, arch: string = process.arch): FoundApp {
  if (!existsSync(path)) return { found: false, reason: `${path} does not exist` };
  if (statSync(path).isFile()) return { found: true, executable: path };
  if (path.replace(/[\\/]+$/, '').endsWith('.app')) {
    const executable = macExecutable(path);
    return executable !== undefined && existsSync(executable) ? { found: true, executable } : { found: false, reason: `${path} is not a complete .app bundle (no Contents/MacOS executable)` };
  }
  const direct = inFolder(path, platform);
  if (direct !== undefined) return { found: true, executable: direct };
  for (const folder of unpackedFolders(platform, arch)) {
    const candidate = join(path, folder);
    if (!existsSync(candidate)) continue;
    const executable = inFolder(candidate, platform);
    if (executable !== undefined) return { found: true, executable };
  }
  const looked = unpackedFolders(platform, arch).join(', ');
  return { found: false, reason: `${basename(path)}/ holds no packaged ${productName} for ${platform}-${arch} (looked for ${executableNames(platform).join(' or ')} in it and in ${looked})` };
}
