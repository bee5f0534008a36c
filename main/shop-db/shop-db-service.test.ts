import { afterEach, expect, it } from 'vitest';
import { shopDbDefaults, type ShopDbSettings } from '../../shared/contract/shop-db';
import { silentLogger } from '../logging/logger';
import { SettingsStore } from '../store/settings-store';
import { useShopDatabase } from '../test-support/pg-test-cluster';
import { MemoryVault } from '../vault/memory-vault';
import { shopDbPasswordAccount, ShopDbService } from './shop-db-service';
import { ManualScheduler } from './test-support/manual-scheduler';
import { journalExpectation, loginSettings, shopHoldings } from './test-support/shop-replication';
import { openTillJournal, type TillJournal } from './test-support/till-journal';

// The settings and the copy together: the password goes to the vault and nowhere else, saving
// starts (or stops) the copy, Test takes the saved password unless one is typed.

const shop = useShopDatabase();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function service(local: TillJournal, options: { vault?: MemoryVault; stationId?: string } = {}) {
  const backend = new Map<string, unknown>();
  const settings = new SettingsStore({ get: (key) => backend.get(key), set: (key, value) => backend.set(key, value) });
  const vault = options.vault ?? new MemoryVault();
  const secrets: string[] = [];
  const shopDb = new ShopDbService({
    settings: { get: () => settings.get('shopDb'), set: (value) => settings.set('shopDb', value) },
    vault,
    journal: local.journal.db,
    station: () => ({ id: options.stationId ?? 'station-service', label: 'Till 1' }),
    appVersion: '0.1.0',
    logger: silentLogger,
    registerSecret: (secret) => secrets.push(secret),
    scheduler: new ManualScheduler(),
  });
  cleanups.push(() => shopDb.dispose());
  return { shopDb, backend, vault, secrets };
}

it('keeps the password in the vault only, and copies once saved and switched on', async (context) => {
  const db = shop.ready(context);
  const login = await db.login('fiscal_desk_till');
  const local = openTillJournal();
  cleanups.push(() => local.close());
  local.add(6);
  const { shopDb, backend, vault } = service(local);
  expect(await shopDb.view()).toEqual({ settings: shopDbDefaults, passwordSaved: false, stationId: 'station-service' });
  expect(shopDb.status().state).toBe('off');

  const settings: ShopDbSettings = { ...loginSettings(login), enabled: true, branch: 'Mutare' };
  const view = await shopDb.save({ settings, password: login.password });
  expect(view).toEqual({ settings, passwordSaved: true, stationId: 'station-service' });
  expect(vault.entries.get(shopDbPasswordAccount('station-service'))).toBe(login.password);
  expect(JSON.stringify([...backend.entries()])).not.toContain(login.password);

  expect(await shopDb.flush()).toMatchObject({ state: 'up-to-date' });
  expect(await shopHoldings(db.admin, 'station-service')).toEqual(journalExpectation(local.journal.db));
  const till = await db.admin.query<{ branch: string; label: string }>(`SELECT branch, label FROM shop.tills WHERE station_id = 'station-service'`);
  expect(till.rows).toEqual([{ branch: 'Mutare', label: 'Till 1' }]);

  // Saved again without a password: the saved one stays. Switched off: no copy.
  await shopDb.save({ settings: { ...settings, enabled: false }, password: null });
  expect(vault.entries.get(shopDbPasswordAccount('station-service'))).toBe(login.password);
  expect(shopDb.status().state).toBe('off');
  expect(await shopDb.flush()).toMatchObject({ state: 'off' });
  // An empty password removes it from the vault.
  expect(await shopDb.save({ settings, password: '' })).toMatchObject({ passwordSaved: false });
  const unsaved = await shopDb.flush();
  expect(unsaved).toMatchObject({ state: 'paused', problem: 'wrong-password' });
  expect(unsaved.message).toMatch(/asks for the password of the user ".+" and none is saved. Enter it in Settings/);
});

it('tests with the saved password unless one is typed, and tells the log redactor of a typed one', async (context) => {
  const db = shop.ready(context);
  const login = await db.login('fiscal_desk_till');
  const local = openTillJournal();
  cleanups.push(() => local.close());
  const { shopDb, secrets } = service(local);
  const settings: ShopDbSettings = { ...loginSettings(login), enabled: false, branch: '' };
  await shopDb.save({ settings, password: login.password });
  expect(await shopDb.test({ settings, password: null })).toMatchObject({ ok: true, problem: null });
  expect(await shopDb.test({ settings, password: 'typed-wrong' })).toMatchObject({ ok: false, problem: 'wrong-password' });
  expect(secrets).toEqual(['typed-wrong']);
});

it('keeps one password per till when several Fiscal Desks share a keychain, and reads the first version’s computer-wide one while a till has none of its own', async (context) => {
  const db = shop.ready(context);
  const [first, second] = [await db.login('fiscal_desk_till'), await db.login('fiscal_desk_till')];
  const vault = new MemoryVault();
  // The first version kept one password for the whole computer.
  vault.entries.set('shop-database/password', first.password);
  const [localA, localB] = [openTillJournal(), openTillJournal()];
  cleanups.push(() => localA.close(), () => localB.close());
  const tillA = service(localA, { vault, stationId: 'station-a' });
  const tillB = service(localB, { vault, stationId: 'station-b' });
  expect(await tillA.shopDb.view()).toMatchObject({ passwordSaved: true });

  const settingsA: ShopDbSettings = { ...loginSettings(first), enabled: true, branch: 'Harare' };
  const settingsB: ShopDbSettings = { ...loginSettings(second), enabled: true, branch: 'Bulawayo' };
  await tillA.shopDb.save({ settings: settingsA, password: null });
  expect(await tillA.shopDb.flush()).toMatchObject({ state: 'up-to-date' });
  await tillB.shopDb.save({ settings: settingsB, password: second.password });
  expect(await tillB.shopDb.flush()).toMatchObject({ state: 'up-to-date' });
  // Till B's password is its own: till A still logs in as itself.
  expect(vault.entries.get(shopDbPasswordAccount('station-b'))).toBe(second.password);
  expect(vault.entries.get('shop-database/password')).toBe(first.password);
  expect(await tillA.shopDb.test({ settings: settingsA, password: null })).toMatchObject({ ok: true });
  localA.add(2);
  tillA.shopDb.nudge();
  expect(await tillA.shopDb.flush()).toMatchObject({ state: 'up-to-date' });
  expect(await shopHoldings(db.admin, 'station-a')).toEqual(journalExpectation(localA.journal.db));
  // Once till A saves a password of its own, that one counts.
  await tillA.shopDb.save({ settings: settingsA, password: 'not-the-password' });
  expect(await tillA.shopDb.test({ settings: settingsA, password: null })).toMatchObject({ ok: false, problem: 'wrong-password' });
  expect(await tillB.shopDb.test({ settings: settingsB, password: null })).toMatchObject({ ok: true });
});
