import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import pg from 'pg';
import type { DocumentDetail } from '../shared/contract/documents';
import type { Dashboard } from '../shared/contract/history';
import type { ShopDashboard } from '../shared/contract/shop-office';
import { Dec, formatMoney } from '../shared/domain/money';
import { createDemoAccounts } from '../main/sandbox/demo-accounts';
import { startFiscalHarmonySandbox, type RunningSandbox } from '../main/sandbox/fiscal-harmony-sandbox';
import { migrateShopDb } from '../main/shop-db/migrate';
import { pgMissingReason, startPgCluster, type PgCluster } from '../main/test-support/pg-cluster';
import { addFiscalHarmonyConnection } from './add-connection';
import { expectNoAxeViolations } from './a11y';
import { expect, startExtraBrowserApp, test, type ExtraApp } from './fixtures';
import { rpc } from './rpc';
import { open } from './screens';
import { line, openNewInvoice, tabTo, typeLines, type TypedLine } from './type-invoice';

// The back office, as a shop with two tills and a back-office computer runs it: three app
// instances (each its own data folder and journal) on one real PostgreSQL and one Fiscal Harmony
// account (the sandbox, shared: a credit note must go to the invoice's own account). Each till
// fiscalises, one of them cut off from the shop database for a while; the back office sees every
// document once, totals per currency equal the tills' own, credits another till's invoice within
// what remains, and PostgreSQL stopped mid-copy ends with every document copied exactly once.

const missing = pgMissingReason();
const inCi = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';
test.skip(missing !== null && !inCi, missing ?? '');
test.skip(({ mode }) => mode === 'electron', 'Three app instances on one machine run in browser mode; the Electron shell adds nothing to what is checked here');

let cluster: PgCluster;
let sandbox: RunningSandbox;
const account = createDemoAccounts({ unique: true }).shop;
const logins = {
  tillA: { role: `till_a_${randomBytes(3).toString('hex')}`, password: randomBytes(10).toString('hex') },
  tillB: { role: `till_b_${randomBytes(3).toString('hex')}`, password: randomBytes(10).toString('hex') },
  office: { role: `office_${randomBytes(3).toString('hex')}`, password: randomBytes(10).toString('hex') },
};

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

test.beforeAll(async () => {
  if (missing !== null) throw new Error(`The back-office spec needs PostgreSQL in CI: ${missing}`);
  cluster = await startPgCluster();
  await admin(async (client) => {
    await migrateShopDb(client);
    await client.query(`CREATE ROLE ${logins.tillA.role} LOGIN PASSWORD '${logins.tillA.password}' IN ROLE fiscal_desk_till`);
    await client.query(`CREATE ROLE ${logins.tillB.role} LOGIN PASSWORD '${logins.tillB.password}' IN ROLE fiscal_desk_till`);
    // The back-office computer reads every till and copies its own credit notes.
    await client.query(`CREATE ROLE ${logins.office.role} LOGIN PASSWORD '${logins.office.password}' IN ROLE fiscal_desk_till, fiscal_desk_office`);
  });
  sandbox = await startFiscalHarmonySandbox({ accounts: [account], processingDelayMs: 50 });
});

test.afterAll(async () => {
  await sandbox?.close();
  await cluster?.destroy();
});

/** Names the till, connects it to the shop's Fiscal Harmony account and to the shop database. */
async function joinShop(page: Page, till: { name: string; branch: string; login: { role: string; password: string }; port?: number }): Promise<void> {
  await open(page, 'Connections');
  await page.getByLabel('Name of this till').fill(till.name);
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('region', { name: 'This till' }).getByRole('status')).toHaveText('Saved');
  const card = await addFiscalHarmonyConnection(page, { name: 'Msasa Hardware', address: sandbox.baseUrl, apiKey: account.apiKey, apiSecret: account.apiSecret });
  await expect(card).toBeVisible();
  const switcher = page.getByRole('combobox', { name: 'Connection' });
  if ((await switcher.locator('option:checked').textContent()) !== 'Msasa Hardware') await switcher.selectOption({ label: 'Msasa Hardware' });
  await expect(page.getByRole('note', { name: 'Training mode' })).toHaveCount(0);
  await setShopDatabase(page, { ...till, port: till.port ?? cluster.port });
}

async function setShopDatabase(page: Page, till: { branch: string; login: { role: string; password: string }; port: number }): Promise<void> {
  await open(page, 'Settings');
  const section = page.getByRole('region', { name: 'Shop database' });
  await section.getByLabel('Server address', { exact: true }).fill('127.0.0.1');
  await section.getByLabel('Port', { exact: true }).fill(String(till.port));
  await section.getByLabel('Database', { exact: true }).fill('postgres');
  await section.getByLabel('User', { exact: true }).fill(till.login.role);
  await section.getByLabel('Password', { exact: true }).fill(till.login.password);
  await section.getByLabel('Secure connection (TLS)', { exact: true }).selectOption('off');
  await section.getByLabel('Branch', { exact: true }).fill(till.branch);
  await section.getByLabel('Copy this till’s documents to the shop database', { exact: true }).check();
  await section.getByRole('button', { name: 'Save shop database' }).click();
  await expect(section.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
}

/** Types an invoice on the New invoice screen and sends it; answers its number once fiscalised. */
async function fiscaliseTyped(page: Page, buyer: string, lines: readonly TypedLine[]): Promise<string> {
  await openNewInvoice(page);
  await page.getByRole('combobox', { name: 'Name' }).focus();
  await page.keyboard.type(buyer);
  await tabTo(page, line(page, 1, 'description'));
  await typeLines(page, lines);
  await expect(page.getByRole('status').filter({ hasText: 'Ready to send' })).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByTestId('document-state')).toHaveText('Fiscalised', { timeout: 30_000 });
  const heading = (await page.getByRole('heading', { level: 2, name: /^Invoice / }).textContent()) ?? '';
  const number = /INV-[0-9A-Z]{4}-\d+/.exec(heading)?.[0];
  if (number === undefined) throw new Error(`No invoice number in "${heading}"`);
  return number;
}

/** More invoices, queued the way the form's Send does (through the same channels), for volume. */
async function queueInvoices(page: Page, count: number, currency: string): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    const draft = await rpc<DocumentDetail>(page, 'documents:saveDraft', {
      draft: {
        kind: 'invoice',
        date: '',
        currency,
        paymentMethod: 'Cash',
        taxInclusive: true,
        reference: `Batch ${index + 1}`,
        buyer: { name: `Buyer ${index + 1}`, tradeName: '', tin: '', vatNumber: '', phone: '', email: '', address: { province: '', street: '', houseNo: '', city: '' } },
        lines: [{ description: 'Paint 5 l', quantity: '1', unitAmount: `${10 + index}.25`, discountAmount: '', taxCode: 'VAT15', hsCode: '32091000' }],
        originalInvoiceId: null,
      },
    });
    await rpc(page, 'documents:queue', { id: draft.id });
  }
}

async function localDocuments(page: Page): Promise<number> {
  return (await rpc<{ total: number }>(page, 'documents:list', { limit: 1 })).total;
}

/** Until the till says its copy is up to date and the shop database holds as many of its documents as its journal. */
async function waitUntilCopied(page: Page, login: { role: string }): Promise<void> {
  const copied = async () =>
    Number(
      await admin(async (client) => (await client.query<{ n: string }>('SELECT count(*) AS n FROM shop.documents d JOIN shop.tills t USING (station_id) WHERE t.role_name = $1', [login.role])).rows[0]?.n),
    );
  await expect
    .poll(async () => [(await rpc<{ state: string }>(page, 'shopDb:status')).state, await copied() - (await localDocuments(page))], { timeout: 60_000, intervals: [250, 500, 1000] })
    .toEqual(['up-to-date', 0]);
}

const sumTotals = (dashboards: Dashboard[], currency: string): string =>
  dashboards
    .flatMap((dashboard) => dashboard.todayTotals)
    .filter((total) => total.currency === currency)
    .reduce((sum, total) => sum.plus(total.total), new Dec(0))
    .toFixed(2);

test('two tills and a back office on one PostgreSQL: every document once, totals that add up, a credit note across tills, and a stopped server caught up', async ({ app, launchOptions }) => {
  test.setTimeout(420_000);
  const office = app.page;
  const extra: ExtraApp[] = [];
  try {
    const tillA = (extra[extra.length] = await startExtraBrowserApp(launchOptions)).page;
    const tillB = (extra[extra.length] = await startExtraBrowserApp(launchOptions)).page;
    await joinShop(tillA, { name: 'Till 1', branch: 'Harare', login: logins.tillA });
    // Till 2 starts cut off from the shop database (a port nothing listens on): it fiscalises anyway.
    await joinShop(tillB, { name: 'Till 2', branch: 'Bulawayo', login: logins.tillB, port: 9 });
    await joinShop(office, { name: 'Back office', branch: 'Harare', login: logins.office });

    const invoiceA = await fiscaliseTyped(tillA, 'Tendai Moyo', [
      ['Cement 50 kg', '4', '12.50', '', 'VAT15', '25232900'],
      ['Delivery', '1', '10', '', 'ZR', '99999999'],
    ]);
    await fiscaliseTyped(tillB, 'Rudo Ncube', [['Roofing sheet', '3', '21.40', '', 'VAT15', '73089000']]);
    await queueInvoices(tillB, 3, 'ZWG');

    // Till 2 says its copy is paused, on Home, in plain words; nothing of it is in the shop database yet.
    await open(tillB, 'Home');
    await expect(tillB.getByTestId('shop-copy-paused')).toContainText('Copy to the shop database paused');
    await expect(tillB.getByTestId('shop-copy-paused')).toContainText('This till goes on fiscalising; nothing is lost.');
    await expectNoAxeViolations(tillB, 'Home with the shop copy paused');
    await waitUntilCopied(tillA, logins.tillA);
    expect(await admin(async (client) => (await client.query<{ n: string }>('SELECT count(*) AS n FROM shop.documents d JOIN shop.tills t USING (station_id) WHERE t.role_name = $1', [logins.tillB.role])).rows[0]?.n)).toBe('0');

    // Back to the shop database: it catches up by itself.
    await setShopDatabase(tillB, { branch: 'Bulawayo', login: logins.tillB, port: cluster.port });
    await waitUntilCopied(tillB, logins.tillB);

    // The back office: All tills shows every document once, with the till it came from.
    await open(office, 'Documents');
    const scope = office.getByRole('combobox', { name: 'Show' });
    await scope.selectOption({ label: 'All tills' });
    const expected = (await localDocuments(tillA)) + (await localDocuments(tillB));
    await expect(office.getByTestId('documents-count')).toHaveText(`${expected} documents`, { timeout: 20_000 });
    await expect(office.getByRole('table', { name: 'Documents' })).toContainText('Till 1, Harare');
    await expect(office.getByRole('table', { name: 'Documents' })).toContainText('Till 2, Bulawayo');
    await office.getByRole('searchbox').fill('Tendai');
    await expect(office.getByTestId('documents-count')).toHaveText('1 document matches');
    await expectNoAxeViolations(office, 'Documents, all tills, searched');
    await office.getByRole('searchbox').fill('');
    await scope.selectOption({ label: 'Branch Bulawayo' });
    await expect(office.getByTestId('documents-count')).toHaveText(`${await localDocuments(tillB)} documents`);

    // Home, All tills: the totals per currency are the sum of each till's own.
    await open(office, 'Home');
    await office.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'All tills' });
    const tills = [await rpc<Dashboard>(tillA, 'history:dashboard'), await rpc<Dashboard>(tillB, 'history:dashboard')];
    const shop = await rpc<ShopDashboard>(office, 'shopOffice:dashboard', { scope: { kind: 'shop' } });
    for (const currency of ['USD', 'ZWG']) {
      const sum = sumTotals(tills, currency);
      expect(new Dec(sum).gt(0)).toBe(true);
      expect(shop.todayTotals.find((total) => total.currency === currency)?.total).toBe(sum);
      await expect(office.getByRole('region', { name: 'All tills at a glance' })).toContainText(`${currency} ${formatMoney(sum)}`);
    }
    await expect(office.getByRole('table', { name: 'Fiscalised per till' })).toContainText('Till 2');
    await expectNoAxeViolations(office, 'Home, all tills');

    // Tills: each till with its branch and last copy.
    await open(office, 'Tills');
    const tillsTable = office.getByRole('table', { name: 'Tills' });
    await expect(tillsTable.getByRole('row', { name: /Till 1/ })).toContainText('Harare');
    await expect(tillsTable.getByRole('row', { name: /Till 2/ })).toContainText('Bulawayo');
    await expect(tillsTable.getByRole('row', { name: /Back office/ })).toContainText('(this computer)');
    await expectNoAxeViolations(office, 'Tills');

    // Till 1 credits part of its own invoice; the back office credits what is left of it, no more.
    await open(tillA, 'Documents');
    await tillA.getByRole('link', { name: invoiceA }).click();
    const invoiceId = /#\/documents\/([0-9a-f-]{36})/.exec(tillA.url())?.[1] ?? '';
    await tillA.evaluate(`location.hash = '#/new-document/credit-note?from=${invoiceId}'`);
    await expect(tillA.getByRole('form', { name: 'Credit note' })).toBeVisible();
    await tillA.getByLabel('Reason').fill('One bag returned');
    await line(tillA, 1, 'quantity').fill('1');
    await tillA.getByRole('button', { name: 'Remove line 2' }).click();
    await tillA.keyboard.press('ControlOrMeta+Enter');
    await expect(tillA.getByTestId('document-state')).toHaveText('Fiscalised', { timeout: 30_000 });
    await waitUntilCopied(tillA, logins.tillA);

    await open(office, 'Documents');
    await office.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'All tills' });
    await office.getByRole('searchbox').fill(invoiceA);
    await expect(office.getByTestId('documents-count')).toHaveText(/^\d+ documents? match/);
    await office.getByRole('link', { name: invoiceA, exact: true }).click();
    const invoiceTotal = new Dec('60.00');
    const left = invoiceTotal.minus('12.50');
    await expect(office.getByRole('region', { name: 'Credit note' })).toContainText(`Left to credit: USD ${formatMoney(left.toFixed(2))}`);
    await expectNoAxeViolations(office, 'Another till’s invoice in the back office');
    await office.getByRole('button', { name: 'Start a credit note on this computer' }).click();
    await expect(office.getByRole('form', { name: 'Credit note' })).toBeVisible();
    await expect(office.getByTestId('credit-remaining')).toHaveText(`remaining USD ${formatMoney(left.toFixed(2))}`);
    await office.getByLabel('Reason').fill('Whole order returned');
    // The invoice's lines in full are more than what remains: stopped before it is sent.
    await office.keyboard.press('ControlOrMeta+Enter');
    await expect(office.getByRole('region', { name: /^Lines credited/ }).getByRole('alert')).toContainText('more than what remains creditable');
    await line(office, 1, 'quantity').fill('3');
    await office.keyboard.press('ControlOrMeta+Enter');
    await expect(office.getByTestId('document-state')).toHaveText('Fiscalised', { timeout: 30_000 });
    await waitUntilCopied(office, logins.office);

    // PostgreSQL stopped while a till copies a batch of new invoices, then started again.
    await queueInvoices(tillA, 12, 'USD');
    await cluster.stop();
    await open(tillA, 'Home');
    await expect(tillA.getByTestId('shop-copy-paused')).toBeVisible({ timeout: 30_000 });
    await cluster.restart();
    await waitUntilCopied(tillA, logins.tillA);
    await waitUntilCopied(tillB, logins.tillB);
    await waitUntilCopied(office, logins.office);

    // In SQL: each till's documents and events exactly once, as many as its own journal has.
    for (const [page, login] of [
      [tillA, logins.tillA],
      [tillB, logins.tillB],
      [office, logins.office],
    ] as const) {
      const counts = await admin(async (client) => (await client.query<{ documents: string; events: string; distinct_events: string }>(
        `SELECT (SELECT count(*) FROM shop.documents d WHERE d.station_id = t.station_id) AS documents,
                (SELECT count(*) FROM shop.document_events e WHERE e.station_id = t.station_id) AS events,
                (SELECT count(DISTINCT (e.document_id, e.at, e.to_state, e.note)) FROM shop.document_events e WHERE e.station_id = t.station_id) AS distinct_events
         FROM shop.tills t WHERE t.role_name = $1`,
        [login.role],
      )).rows[0]);
      const journal = await localDocuments(page);
      expect(Number(counts?.documents)).toBe(journal);
      expect(counts?.events).toBe(counts?.distinct_events);
    }
    const credit = await admin(async (client) => (await client.query<{ station: string; original: string; total: string }>(
      `SELECT t.role_name AS station, o.number AS original, d.total::text AS total FROM shop.documents d JOIN shop.tills t USING (station_id) JOIN shop.documents o ON o.id = d.original_id
       WHERE d.kind = 'credit-note' AND d.state = 'fiscalised' ORDER BY d.created_at`,
    )).rows);
    expect(credit.map((row) => [row.station, row.original])).toEqual([
      [logins.tillA.role, invoiceA],
      [logins.office.role, invoiceA],
    ]);
    expect(credit.reduce((sum, row) => sum.plus(row.total), new Dec(0)).lte(invoiceTotal)).toBe(true);
  } finally {
    for (const instance of extra) await instance.stop();
  }
});
