import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionsOverview } from '../../shared/contract/connections';
import type { SettingsRecoveryNotice } from '../../shared/contract/settings';
import type { Result } from '../../shared/result';
import type { ComposedApp } from '../compose';
import { openConfSettings } from '../store/conf-backend';
import { appSender, composeTestApp } from '../test-support/compose-test-app';

// A start with a damaged settings file, through the router as the renderer sees it.

const station = { id: 'station-kept-1', label: 'Back office' };
const shop = { id: 'p-shop', name: 'Main shop', kind: 'fiscal-harmony', environment: 'production', customBaseUrl: null, applicationName: 'FiscalDesk' };
const broken = { ...shop, id: 'p-broken', name: 'Broken one', environment: 'staging-from-a-newer-version' };
const original = JSON.stringify({ theme: 'dark', updateChannel: 7, connections: { profiles: [broken, shop], activeProfileId: 'p-shop', trainingCreated: true }, station });

let app: ComposedApp;
let dataDirectory: string;
beforeAll(async () => {
  dataDirectory = mkdtempSync(join(tmpdir(), 'fd-recovery-'));
  writeFileSync(join(dataDirectory, 'settings.json'), original);
  app = await composeTestApp({
    info: { name: 'Fiscal Desk', version: '0.1.0', runtime: 'browser', platform: 'linux', dataDirectory },
    settingsBackend: openConfSettings(dataDirectory),
  });
});
afterAll(() => app.dispose());

async function value<T>(channel: string): Promise<T> {
  const result = (await app.router.dispatch(channel, undefined, appSender)) as Result<T>;
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

describe('settings recovery over IPC', () => {
  it('keeps the valid connection and the station id', async () => {
    const overview = await value<ConnectionsOverview>('connections:list');
    expect(overview.profiles.map((profile) => profile.name)).toEqual(['Main shop']);
    expect(overview.activeProfileId).toBe('p-shop');
    expect(overview.station).toEqual(station);
    expect(await value('settings:get')).toEqual({ theme: 'dark', updateChannel: 'latest' });
  });

  it('tells the renderer what was lost and where the old file is, until dismissed', async () => {
    const { notices } = await value<{ notices: SettingsRecoveryNotice[] }>('settings:recoveryNotices');
    expect(notices).toHaveLength(1);
    expect(notices[0]?.problems.join('\n')).toMatch(/update channel[\s\S]*"Broken one" was left out/);
    expect(readFileSync(notices[0]?.keptFileAt ?? '', 'utf8')).toBe(original);

    expect(await value('settings:dismissRecoveryNotices')).toEqual({ notices: [] });
    expect(await value('settings:recoveryNotices')).toEqual({ notices: [] });
    expect(readFileSync(notices[0]?.keptFileAt ?? '', 'utf8')).toBe(original);
  });
});
