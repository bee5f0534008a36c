/** `npm run smoke -- <packaged app> [--output <folder>] [--timeout <seconds>]`, parsed without side effects. */
export interface SmokeOptions {
  /** The packaged app: its executable, a macOS .app bundle, an unpacked folder, or electron-builder's release/ folder. */
  appPath: string;
  /** Where the run's profile folder (with the app's log) and a failure screenshot go; a temporary folder by default. */
  output: string | undefined;
  /** How long starting up, and quitting, may each take. */
  timeoutMs: number;
}

export const smokeUsage = [
  'Usage: npm run smoke -- <packaged app> [--output <folder>] [--timeout <seconds>]',
  '  <packaged app>  the executable, a macOS .app, an unpacked folder (release/linux-unpacked, release/win-unpacked)',
  '                  or the release/ folder electron-builder wrote (the app for this OS and CPU is picked from it)',
  '  --output        keep the run\'s profile folder (with the app\'s log) and a screenshot on failure here',
  '  --timeout       seconds allowed for starting up and for quitting (default 60)',
].join('\n');

export type ParsedArguments = { ok: true; options: SmokeOptions } | { ok: false; help: boolean; message: string };

export function parseSmokeArguments(argv: readonly string[]): ParsedArguments {
  let appPath: string | undefined;
  let output: string | undefined;
  let timeoutMs = 60_000;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument === '--help' || argument === '-h') return { ok: false, help: true, message: smokeUsage };
    if (argument === '--output' || argument === '--timeout') {
      const value = argv[++index];
      if (value === undefined || value.startsWith('--')) return { ok: false, help: false, message: `${argument} needs a value.\n${smokeUsage}` };
      if (argument === '--output') output = value;
      else {
        const seconds = Number(value);
        if (!Number.isFinite(seconds) || seconds <= 0) return { ok: false, help: false, message: `--timeout takes a number of seconds, not "${value}".` };
        timeoutMs = seconds * 1000;
      }
      continue;
    }
    if (argument.startsWith('--')) return { ok: false, help: false, message: `Unknown option ${argument}.\n${smokeUsage}` };
    if (appPath !== undefined) return { ok: false, help: false, message: `One packaged app at a time (got ${appPath} and ${argument}).` };
    appPath = argument;
  }
  if (appPath === undefined) return { ok: false, help: false, message: `Which packaged app? Give its path.\n${smokeUsage}` };
  return { ok: true, options: { appPath, output, timeoutMs } };
}
