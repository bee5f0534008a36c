import { homedir } from 'node:os';
import { join } from 'node:path';
import { productName } from '../../shared/app-identity';

export interface SmokeProfile {
  /** The packaged app's environment. */
  environment: Record<string, string>;
  /** The profile folder the app must report, where the smoke test could choose it; undefined where it is the user's own. */
  expectedDataDirectory: string | undefined;
  /** Where the app's log folder is, given the profile folder it reported (macOS keeps logs apart). */
  logsDirectory(dataDirectory: string): string;
}

/**
 * An installed app honours no test switch (main/app/development-switches.ts): it uses the user's
 * own profile folder and allows one running copy. On Linux the smoke test still gives it a fresh
 * profile, through XDG_CONFIG_HOME, where Electron puts its appData folder. Windows and macOS take
 * that folder from the OS, not the environment: there the user's own profile is used (a fresh one
 * on a CI runner).
 */
export function smokeProfile(root: string, baseEnvironment: Record<string, string>, platform: NodeJS.Platform = process.platform): SmokeProfile {
  const environment = { ...baseEnvironment };
  delete environment.FISCAL_DESK_USER_DATA; // ignored by an installed app anyway
  let expectedDataDirectory: string | undefined;
  if (platform === 'linux') {
    environment.XDG_CONFIG_HOME = join(root, 'config');
    expectedDataDirectory = join(root, 'config', productName);
  }
  return {
    environment,
    expectedDataDirectory,
    logsDirectory: (dataDirectory) => (platform === 'darwin' ? join(homedir(), 'Library', 'Logs', productName) : join(dataDirectory, 'logs')),
  };
}
