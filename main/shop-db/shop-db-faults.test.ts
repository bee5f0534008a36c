import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { ShopDbProblem } from '../../shared/contract/shop-db';
import { useShopDatabase, type ShopTestDatabase, type TestLogin } from '../test-support/pg-test-cluster';
import { SHOP_SCHEMA_VERSION } from './migrations';
import type { ShopDbConnectionSettings } from './shop-db-connection';
import { testShopDatabase } from './shop-db-test-action';
import { loginSettings } from './test-support/shop-replication';
import { ManualScheduler } from './test-support/manual-scheduler';
import { ShopReplicator } from './replicator';
import { openShopClient } from './shop-db-connection';
import { silentLogger } from '../logging/logger';
import { openTillJournal, type TillJournal } from './test-support/till-journal';
import { closedPort } from '../test-support/closed-port';

// Settings' "Test" and the replicator's pause say in plain words what is wrong with the shop
// database, each fault made for real on a real PostgreSQL.

const shop = useShopDatabase();
const journals: TillJournal[] = [];
afterEach(() => {
  for (const journal of journals.splice(0)) journal.close();
});

/** What Test says, and what a till's replicator pauses with, for the same settings. */
async function bothSay(settings: ShopDbConnectionSettings, password: string, station = `station-${randomUUID()}`) {
  const tested = await testShopDatabase(settings, password, station);
  const local = openTillJournal();
  journals.push(local);
  local.add(2);
  const replicator = new ShopReplicator({
    journal: local.journal.db,
    till: () => ({ stationId: station, branch: 'Harare', label: 'Till', appVersion: '0.1.0' }),
    target: () => settings,
    connect: (onLost) => openShopClient(settings, password, onLost),
    scheduler: new ManualScheduler(),
    logger: silentLogger,
  });
  try {
    return { tested, status: await replicator.flush() };
  } finally {
    await replicator.stop();
  }
}

function expectFault(result: Awaited<ReturnType<typeof bothSay>>, problem: ShopDbProblem, words: RegExp): void {
  expect(result.tested).toMatchObject({ ok: false, problem });
  expect(result.tested.message).toMatch(words);
  expect(result.status).toMatchObject({ state: 'paused', problem });
  expect(result.status.message.startsWith('Copy to the shop database paused: ')).toBe(true);
  expect(result.status.message).toMatch(words);
  expect(result.status.eventsWaiting).toBeGreaterThan(0);
}

describe('the Test action and the paused copy', () => {
  it('say all is well for a till login on an up-to-date schema', async (context) => {
    const db = shop.ready(context);
    const login = await db.login('fiscal_desk_till');
    const result = await testShopDatabase(loginSettings(login), login.password, 'station-ok');
    expect(result).toEqual({
      ok: true,
      problem: null,
      message: `Connected to "${db.database}" at 127.0.0.1:${db.cluster.port} as "${login.role}": the shop database is up to date (schema ${SHOP_SCHEMA_VERSION}) and this till may copy its documents to it.`,
    });
  });

  it('name an address where nothing answers', async (context) => {
    const db = shop.ready(context);
    const login = await db.login('fiscal_desk_till');
    const port = await closedPort();
    expectFault(await bothSay({ ...loginSettings(login), port }, login.password), 'unreachable', new RegExp(`at 127\\.0\\.0\\.1:${port} cannot be reached\\. Check that the server is running`));
  });

  it('name a wrong password', async (context) => {
    const db = shop.ready(context);
    const login = await db.login('fiscal_desk_till');
    expectFault(await bothSay(loginSettings(login), 'not-the-password'), 'wrong-password', new RegExp(`refused the password of the user "${login.role}"\\. Enter the right password in Settings`));
  });

  it('name a database that is not there', async (context) => {
    const db = shop.ready(context);
    const login = await db.login('fiscal_desk_till');
    expectFault(await bothSay({ ...loginSettings(login), database: 'no_such_shop' }, login.password), 'no-database', /has no database named "no_such_shop"\. Check the database name/);
  });

  it('name a login without the till role, with the role to grant', async (context) => {
    const db = shop.ready(context);
    const stranger = await db.login(null);
    expectFault(await bothSay(loginSettings(stranger), stranger.password), 'missing-right', new RegExp(`"${stranger.role}" may not write to the shop database\\. Ask IT to grant it the role fiscal_desk_till`));
    // A back-office login reads but may not copy a till's documents either.
    const office = await db.login('fiscal_desk_office');
    expectFault(await bothSay(loginSettings(office), office.password), 'missing-right', /Ask IT to grant it the role fiscal_desk_till/);
  });

  it('name a schema made by a newer Fiscal Desk', async (context) => {
    const db = shop.ready(context);
    const login = await db.login('fiscal_desk_till');
    await db.admin.query(`INSERT INTO shop.schema_version (version, name) VALUES (${SHOP_SCHEMA_VERSION + 1}, 'from a newer app')`);
    try {
      expectFault(await bothSay(loginSettings(login), login.password), 'schema-too-new', new RegExp(`set up by a newer Fiscal Desk \\(its schema is ${SHOP_SCHEMA_VERSION + 1}, this copy knows ${SHOP_SCHEMA_VERSION}\\)\\. Update Fiscal Desk on this till`));
    } finally {
      await db.admin.query(`DELETE FROM shop.schema_version WHERE version > ${SHOP_SCHEMA_VERSION}`);
    }
  });

  it('name a database that was never set up', async (context) => {
    const db = shop.ready(context);
    const login = await db.login('fiscal_desk_till');
    const empty = `${db.database}_empty`;
    await db.admin.query(`CREATE DATABASE ${empty}`);
    try {
      expectFault(await bothSay({ ...loginSettings(login), database: empty }, login.password), 'not-set-up', new RegExp(`"${empty}" has no shop tables yet\\. Ask IT to set it up`));
    } finally {
      await db.admin.query(`DROP DATABASE ${empty}`);
    }
  });

  it('name a login another till already uses', async (context) => {
    const db = shop.ready(context);
    const login = await db.login('fiscal_desk_till');
    await claimStation(db, login, 'station-first');
    expectFault(await bothSay(loginSettings(login), login.password, 'station-second'), 'other-till', /already belongs to another till \(station station-first\)\. Each till needs a login of its own/);
  });

  it('name TLS asked of a server that has none', async (context) => {
    const db = shop.ready(context);
    const login = await db.login('fiscal_desk_till');
    expectFault(await bothSay({ ...loginSettings(login), tls: 'require' }, login.password), 'tls', /secure connection to the shop database failed .*Check the TLS setting/);
  });

  it('ask for what is missing before connecting', async () => {
    expect(await testShopDatabase({ host: '', port: 5432, database: 'shop', user: '', tls: 'off' }, '', 'station')).toEqual({ ok: false, problem: 'incomplete', message: 'Fill in the address and the user first.' });
    expect((await testShopDatabase({ host: '', port: 5432, database: '', user: '', tls: 'off' }, '', 'station')).message).toBe('Fill in the address, the database and the user first.');
  });
});

async function claimStation(db: ShopTestDatabase, login: TestLogin, station: string): Promise<void> {
  const client = new pg.Client({ connectionString: login.url });
  await client.connect();
  try {
    await client.query(`INSERT INTO shop.tills (station_id) VALUES ($1)`, [station]);
  } finally {
    await client.end();
  }
  expect((await db.admin.query('SELECT role_name FROM shop.tills WHERE station_id = $1', [station])).rows).toEqual([{ role_name: login.role }]);
}
