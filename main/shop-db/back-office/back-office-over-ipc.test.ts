import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { shopDbDefaults, type ShopDbSettings } from '../../../shared/contract/shop-db';
import type { ShopDocumentDetail, ShopDocumentPage, ShopOfficeReach } from '../../../shared/contract/shop-office';
import type { ComposedApp } from '../../compose';
import { composeTestApp, ipcOf } from '../../test-support/compose-test-app';
import { useShopDatabase } from '../../test-support/pg-test-cluster';
import { loginSettings, tillReplicator } from '../test-support/shop-replication';
import { openTillJournal, type TillJournal } from '../test-support/till-journal';

// The whole app through its IPC router (outputs checked against the contract): a computer with
// the back office's login and "copy this till" off reads a till's documents from the shop
// database; with no shop database it says how to set one up.

const shop = useShopDatabase();
let app: ComposedApp;
let till: TillJournal | null = null;
const { call, value } = ipcOf(() => app);

beforeAll(async () => {
  app = await composeTestApp();
}, 60_000);
afterAll(async () => {
  await app?.dispose();
  till?.close();
});

it('reads another till’s documents over IPC once the office login is saved, and says what to do before', { timeout: 60_000 }, async (context) => {
  const db = shop.ready(context);
  const before = await value<ShopOfficeReach>('shopOffice:reach');
  expect(before).toMatchObject({ available: false, tills: [] });
  expect(before.message).toMatch(/Set up the shop database in Settings/);
  const refused = await call('shopOffice:list', { scope: { kind: 'shop' } });
  expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });

  till = openTillJournal();
  till.add(6);
  const station = `station-${randomUUID()}`;
  const { replicator } = tillReplicator(till.journal.db, await db.login('fiscal_desk_till'), station, { branch: 'Masvingo' });
  await replicator.flush();
  await replicator.stop();

  const office = await db.login('fiscal_desk_office');
  const settings: ShopDbSettings = { ...shopDbDefaults, ...loginSettings(office), enabled: false };
  await value('shopDb:save', { settings, password: office.password });

  const reach = await value<ShopOfficeReach>('shopOffice:reach');
  expect(reach).toMatchObject({ available: true, branches: ['Masvingo'], tills: [{ stationId: station, branch: 'Masvingo', thisTill: false }] });
  const page = await value<ShopDocumentPage>('shopOffice:list', { scope: { kind: 'branch', branch: 'Masvingo' }, states: ['fiscalised'] });
  expect(page.total).toBeGreaterThan(0);
  expect(page.items.every((item) => item.stationId === station && item.state === 'fiscalised')).toBe(true);
  const detail = await value<ShopDocumentDetail>('shopOffice:get', { id: page.items[0]!.id });
  expect(detail).toMatchObject({ id: page.items[0]!.id, credited: '0.00', remaining: page.items[0]!.total });
  const dashboard = await value<{ monthTotals: unknown[] }>('shopOffice:dashboard', { scope: { kind: 'station', stationId: station } });
  expect(dashboard.monthTotals.length).toBeGreaterThan(0);
  const exported = await value<{ rows: number; file: { kind: string } }>('shopOffice:export', { scope: { kind: 'shop' }, format: 'csv' });
  expect(exported.rows).toBe(reach.tills[0]!.documents);
  const badScope = await call('shopOffice:list', { scope: { kind: 'till', stationId: station } });
  expect(badScope).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
});
