/** Environment switches for development and tests; Electron-free so it can be tested in plain Node. */
export interface DevelopmentSwitches {
  /** A profile folder of its own (tests): also turns the single-instance lock off. */
  userDataDirectory: string | undefined;
  /** electron-vite's dev server, loaded instead of the bundled renderer. */
  rendererUrl: string | undefined;
  /** Switches that were set but not honoured, with why, for the log. */
  ignored: string[];
}

const switchNames = ['FISCAL_DESK_USER_DATA', 'ELECTRON_RENDERER_URL'] as const;

/**
 * A packaged app honours none of them: anyone who can set an environment variable could
 * otherwise point the installed app at another renderer or another profile folder.
 */
export function developmentSwitches(env: Readonly<Record<string, string | undefined>>, isPackaged: boolean): DevelopmentSwitches {
  const set = switchNames.filter((name) => env[name] !== undefined && env[name] !== '');
  if (isPackaged) {
    return { userDataDirectory: undefined, rendererUrl: undefined, ignored: set.map((name) => `${name} (ignored in an installed app)`) };
  }
  const ignored: string[] = [];
  const userDataDirectory = env.FISCAL_DESK_USER_DATA === '' ? undefined : env.FISCAL_DESK_USER_DATA;
  let rendererUrl = env.ELECTRON_RENDERER_URL === '' ? undefined : env.ELECTRON_RENDERER_URL;
  if (rendererUrl !== undefined && !isHttpUrl(rendererUrl)) {
    ignored.push('ELECTRON_RENDERER_URL (not an http address)');
    rendererUrl = undefined;
  }
  return { userDataDirectory, rendererUrl, ignored };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
