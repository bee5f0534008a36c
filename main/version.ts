import packageJson from '../package.json' with { type: 'json' };

/** The app's version, as package.json states it (also sent to Fiscal Harmony as X-App-Version). */
export const appVersion: string = packageJson.version;
