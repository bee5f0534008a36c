import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openConfSettings } from './conf-backend';
import { SettingsStore, settingsDefaults } from './settings-store';

const freshDirectory = () => mkdtempSync(join(tmpdir(), 'fd-settings-'));

describe('SettingsStore on conf', () => {
  it('starts from the defaults and persists changes to settings.json', () => {
    const directory = freshDirectory();
    const store = new SettingsStore(openConfSettings(directory));
    expect(store.userSettings()).toEqual({ theme: 'system', updateChannel: 'latest' });

    expect(store.updateUserSettings({ theme: 'dark' })).toEqual({ theme: 'dark', updateChannel: 'latest' });
    store.set('windowState', { x: 10, y: 20, width: 900, height: 700, maximized: true });

    const reopened = new SettingsStore(openConfSettings(directory));
    expect(reopened.get('theme')).toBe('dark');
    expect(reopened.get('windowState')).toEqual({ x: 10, y: 20, width: 900, height: 700, maximized: true });
    expect(JSON.parse(readFileSync(join(directory, 'settings.json'), 'utf8'))).toMatchObject({ theme: 'dark' });
  });

  it('refuses values outside the schema', () => {
    const store = new SettingsStore(openConfSettings(freshDirectory()));
    expect(() => store.set('theme', 'neon' as never)).toThrow();
    expect(store.get('theme')).toBe('system');
  });

  it('recovers from a corrupt settings file with the defaults instead of crashing, keeping the old file', () => {
    const directory = freshDirectory();
    writeFileSync(join(directory, 'settings.json'), '{ this is not json');
    const store = new SettingsStore(openConfSettings(directory));
    expect(store.get('windowState')).toEqual(settingsDefaults.windowState);
    const [notice] = store.recoveryNotices();
    expect(readFileSync(notice?.keptFileAt ?? '', 'utf8')).toBe('{ this is not json');
  });
});

describe('settings written by a newer version of Fiscal Desk', () => {
  // A key this version does not know, as a newer one might write it.
  const newer = { receiptPrinter: { name: 'Till printer', paperMm: 80, cutAfter: true } };
  const fileOf = (directory: string) => JSON.parse(readFileSync(join(directory, 'settings.json'), 'utf8')) as Record<string, unknown>;

  function changeEverything(store: SettingsStore): void {
    store.updateUserSettings({ theme: 'dark', updateChannel: 'beta' });
    store.set('windowState', { width: 900, height: 600, maximized: false });
    store.set('connections', { profiles: [], activeProfileId: null, trainingCreated: true });
    store.set('standardTaxCodes', { 'profile-1': 'VAT15' });
    store.dismissRecoveryNotices();
  }

  it('keeps the keys it does not know through every settings change', () => {
    const directory = freshDirectory();
    writeFileSync(join(directory, 'settings.json'), JSON.stringify({ theme: 'light', ...newer }));
    changeEverything(new SettingsStore(openConfSettings(directory)));
    expect(fileOf(directory)).toMatchObject({ theme: 'dark', updateChannel: 'beta', ...newer });
    expect(new SettingsStore(openConfSettings(directory)).get('theme')).toBe('dark');
    expect(fileOf(directory)).toMatchObject(newer);
  });

  it('keeps them when a bad value of its own had to be repaired first', () => {
    const directory = freshDirectory();
    writeFileSync(join(directory, 'settings.json'), JSON.stringify({ theme: 'neon', ...newer }));
    const store = new SettingsStore(openConfSettings(directory));
    expect(store.recoveryNotices()).toHaveLength(1);
    expect(fileOf(directory)).toMatchObject(newer);
    changeEverything(store);
    expect(fileOf(directory)).toMatchObject({ theme: 'dark', ...newer });
  });
});
