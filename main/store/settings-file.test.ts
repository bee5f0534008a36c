import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../logging/logger';
import { openConfSettings } from './conf-backend';
import { SettingsFileError } from './settings-file';
import { SettingsStore } from './settings-store';

const station = { id: '7f0c6a55-2f4e-4c39-9d0b-2f1f8f1ab001', label: 'Front till' };
const shopA = { id: 'p-a', name: 'Shop A', kind: 'fiscal-harmony', environment: 'production', customBaseUrl: null, applicationName: 'FiscalDesk' };
const shopB = { id: 'p-b', name: 'Shop B', kind: 'fiskaly', environment: 'test', product: 'sign-de', customBaseUrl: null, organizationUnitId: null };
const fromTheFuture = { ...shopA, id: 'p-c', name: 'Shop C', environment: 'moon-base' };

function recordingLogger(): Logger & { warnings: { message: string; meta: Record<string, unknown> | undefined }[] } {
  const warnings: { message: string; meta: Record<string, unknown> | undefined }[] = [];
  const ignore = () => undefined;
  return { warnings, debug: ignore, info: ignore, error: ignore, warn: (message, meta) => warnings.push({ message, meta }) };
}

function dataFolderWith(settingsText: string): { directory: string; path: string } {
  const directory = mkdtempSync(join(tmpdir(), 'fd-settings-file-'));
  const path = join(directory, 'settings.json');
  writeFileSync(path, settingsText);
  return { directory, path };
}

const asideFiles = (directory: string) => readdirSync(directory).filter((name) => name.startsWith('settings.json.unreadable-'));

const goodSettings = {
  theme: 'dark',
  updateChannel: 'beta',
  connections: { profiles: [shopA, shopB], activeProfileId: 'p-b', trainingCreated: true },
  station,
};

describe('a settings file that cannot be used as it is', () => {
  it('keeps every valid profile and the station id when one value and one profile are bad, and leaves the old file beside it', () => {
    const original = JSON.stringify({ ...goodSettings, theme: 5, connections: { ...goodSettings.connections, profiles: [shopA, fromTheFuture, shopB] } }, undefined, '\t');
    const { directory } = dataFolderWith(original);
    const logger = recordingLogger();

    const store = new SettingsStore(openConfSettings(directory, { logger, clock: () => new Date('2026-11-30T03:00:00Z') }));

    expect(store.get('connections')).toEqual({ profiles: [shopA, shopB], activeProfileId: 'p-b', trainingCreated: true });
    expect(store.get('station')).toEqual(station);
    expect(store.get('updateChannel')).toBe('beta');
    expect(store.get('theme')).toBe('system');

    const [aside] = asideFiles(directory);
    expect(aside).toBe('settings.json.unreadable-2026-11-30T03-00-00-000Z');
    expect(readFileSync(join(directory, aside ?? ''), 'utf8')).toBe(original);

    const [notice] = store.recoveryNotices();
    expect(notice?.keptFileAt).toBe(join(directory, aside ?? ''));
    expect(notice?.problems).toEqual([
      'The colour theme could not be read and is back to its default.',
      expect.stringContaining('The connection "Shop C" was left out because its saved details are not valid (environment'),
    ]);
    expect(logger.warnings).toEqual([expect.objectContaining({ meta: expect.objectContaining({ keptFileAt: notice?.keptFileAt }) })]);
  });

  it('keeps what was written before the cut of a truncated file, the station id included', () => {
    // The station first, as a file where it was set before the connections would have it.
    const stationFirst = { station, theme: 'dark', connections: { ...goodSettings.connections, profiles: [shopA, shopB, fromTheFuture] } };
    const whole = JSON.stringify(stationFirst, undefined, '\t');
    const { directory } = dataFolderWith(whole.slice(0, whole.indexOf('"Shop C"')));

    const store = new SettingsStore(openConfSettings(directory));

    expect(store.get('connections').profiles).toEqual([shopA, shopB]);
    expect(store.get('station')).toEqual(station);
    expect(store.get('theme')).toBe('dark');
    expect(store.recoveryNotices()[0]?.problems[0]).toContain('The settings file was damaged');
    expect(asideFiles(directory)).toHaveLength(1);
  });

  it('keeps the station id found in a file too garbled to read, and the garbled file itself', () => {
    const garbled = `\u0000\u0007garbage{{ "station": {"id": "${station.id}", "label": "Front till"} ]]`;
    const { directory } = dataFolderWith(garbled);

    const store = new SettingsStore(openConfSettings(directory));

    expect(store.get('station')).toEqual(station);
    expect(store.get('connections').profiles).toEqual([]);
    expect(store.recoveryNotices()[0]?.problems[0]).toContain('could not be read at all');
    const [aside] = asideFiles(directory);
    expect(readFileSync(join(directory, aside ?? ''), 'utf8')).toBe(garbled);
  });

  it('keeps a station whose label is bad, with a plain label', () => {
    const { directory } = dataFolderWith(JSON.stringify({ ...goodSettings, station: { id: station.id, label: 42 } }));
    const store = new SettingsStore(openConfSettings(directory));
    expect(store.get('station')).toEqual({ id: station.id, label: 'This computer' });
    expect(store.get('connections').profiles).toHaveLength(2);
  });

  it('corrects a bad value that loses nothing (the active connection) and still keeps the old file', () => {
    const { directory } = dataFolderWith(JSON.stringify({ ...goodSettings, connections: { ...goodSettings.connections, activeProfileId: 5, trainingCreated: 'yes' } }));
    const store = new SettingsStore(openConfSettings(directory));
    expect(store.get('connections')).toEqual({ profiles: [shopA, shopB], activeProfileId: 'p-a', trainingCreated: true });
    expect(store.recoveryNotices()[0]?.problems).toEqual(['The list of connections held a value that could not be read, which was corrected.']);
    expect(asideFiles(directory)).toHaveLength(1);
  });

  it('leaves a valid file alone: no copy, no notice', () => {
    const { directory, path } = dataFolderWith(JSON.stringify(goodSettings));
    const store = new SettingsStore(openConfSettings(directory));
    expect(store.get('connections').profiles).toEqual([shopA, shopB]);
    expect(store.recoveryNotices()).toEqual([]);
    expect(asideFiles(directory)).toEqual([]);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject(goodSettings);
  });

  it('keeps earlier notices until they are dismissed; dismissing keeps the old files', () => {
    const { directory, path } = dataFolderWith('not json');
    new SettingsStore(openConfSettings(directory));
    writeFileSync(path, readFileSync(path, 'utf8').replace('"theme": "system"', '"theme": "neon"'));
    const store = new SettingsStore(openConfSettings(directory));
    expect(store.recoveryNotices()).toHaveLength(2);
    expect(store.dismissRecoveryNotices()).toEqual([]);
    expect(new SettingsStore(openConfSettings(directory)).recoveryNotices()).toEqual([]);
    expect(asideFiles(directory)).toHaveLength(2);
  });
});

describe('any settings file at all (property)', () => {
  // Each run opens a real file; the limit allows for a busy machine.
  it('opens, keeping every valid profile and a readable station id', { timeout: 60_000 }, () => {
    const junk = fc.anything({ maxDepth: 2, withBigInt: false });
    const settingsFile = fc.record(
      {
        theme: fc.oneof(fc.constant('dark'), junk),
        updateChannel: junk,
        windowState: junk,
        connections: fc.oneof(
          fc.record({ profiles: fc.array(fc.oneof(fc.constantFrom(shopA, shopB, fromTheFuture), junk), { maxLength: 5 }), activeProfileId: junk, trainingCreated: junk }, { requiredKeys: [] }),
          junk,
        ),
        station: fc.oneof(fc.constant(station), junk),
        recoveryNotices: junk,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(settingsFile, (settings) => {
        const { directory } = dataFolderWith(JSON.stringify(settings));
        const store = new SettingsStore(openConfSettings(directory));
        const written = JSON.stringify(settings);
        const kept = store.get('connections').profiles.map((profile) => profile.id);
        for (const profile of [shopA, shopB]) if (written.includes(JSON.stringify(profile))) expect(kept).toContain(profile.id);
        if (written.includes(JSON.stringify(station))) expect(store.get('station')).toEqual(station);
      }),
      { numRuns: 60 },
    );
  });
});

describe('a settings path that cannot be read at all', () => {
  it('says so plainly when it is a folder, and touches nothing', () => {
    const directory = mkdtempSync(join(tmpdir(), 'fd-settings-file-'));
    mkdirSync(join(directory, 'settings.json', 'inside'), { recursive: true });
    expect(() => openConfSettings(directory)).toThrow(SettingsFileError);
    expect(() => openConfSettings(directory)).toThrow(/there is a folder with that name\. Move or rename that folder/);
    expect(existsSync(join(directory, 'settings.json', 'inside'))).toBe(true);
  });

  it('says so plainly when the file cannot be opened', () => {
    const directory = mkdtempSync(join(tmpdir(), 'fd-settings-file-'));
    symlinkSync('settings.json', join(directory, 'settings.json'));
    expect(() => openConfSettings(directory)).toThrow(/cannot read its settings file .*settings\.json \(it is a link that leads nowhere\)/);
  });
});
