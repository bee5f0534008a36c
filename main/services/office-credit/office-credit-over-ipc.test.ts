import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDetail, DocumentDraft } from '../../../shared/contract/documents';
import type { EntryCheckResult } from '../../../shared/contract/entry';
import type { Receipt } from '../../../shared/contract/history';
import type { ShopDbSettings } from '../../../shared/contract/shop-db';
import type { ComposedApp } from '../../compose';
import type { Logger } from '../../logging/logger';
import { startFiscalHarmonySandbox, type RunningSandbox } from '../../sandbox/fiscal-harmony-sandbox';
import type { AccountSeed } from '../../sandbox/state/account-seed';
import { loginSettings } from '../../shop-db/test-support/shop-replication';
import { composeTestApp, fastTraining, ipcOf } from '../../test-support/compose-test-app';
import { useShopDatabase, type ShopTestDatabase, type TestLogin } from '../../test-support/pg-test-cluster';
import { typedInvoice, typedLine } from '../../test-support/sample-drafts';
import { useSandboxAccount } from '../../test-support/sandbox-connection';
import { closedPort } from '../../test-support/closed-port';

// A credit note across tills, through each app's IPC router, on one real PostgreSQL and one
// sandbox account: till A fiscalises an invoice, till B credits part of it, and a back office on
// a third computer credits what remains. Each has its own data folder, journal and shop-database
// login; each copies to the shop database by itself, and every credit note is fiscalised by the
// sandbox, which knows the original because all three share its account.

const shop = useShopDatabase();
let sandbox: RunningSandbox;
let seed: AccountSeed;
const warnings: { message: string; meta: Record<string, unknown> | undefined }[] = [];
const recording: Logger = { debug: () => undefined, info: () => undefined, error: () => undefined, warn: (message, meta) => warnings.push({ message, meta }) };
const apps: Record<'tillA' | 'tillB' | 'office', ComposedApp | null> = { tillA: null, tillB: null, office: null };
const ipc = (name: keyof typeof apps) =>
  ipcOf(() => {
    const app = apps[name];
    if (app === null) throw new Error(`${name} is not running`);
    return app;
  });
const tillA = ipc('tillA');
const tillB = ipc('tillB');
const office = ipc('office');

/** The same sandbox account on another computer: its key and secret typed into a connection there. */
async function joinAccount(app: ComposedApp, account: AccountSeed): Promise<void> {
  const { value } = ipcOf(() => app);
  const created = await value<{ id: string }>('connections:create', {
    kind: 'fiscal-harmony',
    name: 'Shop account',
    environment: 'custom',
    customBaseUrl: sandbox.baseUrl,
    applicationName: 'FiscalDesk',
    apiKey: account.apiKey,
    apiSecret: account.apiSecret,
  });
  await value('connections:activate', { id: created.id });
}

async function useShopLogin(app: ReturnType<typeof ipc>, login: TestLogin, branch: string, port?: number): Promise<void> {
  const settings: ShopDbSettings = { ...loginSettings(login), ...(port === undefined ? {} : { port }), enabled: true, branch };
  await app.value('shopDb:save', { settings, password: login.password });
}

async function officeLogin(db: ShopTestDatabase): Promise<TestLogin> {
  const login = await db.login('fiscal_desk_till');
  await db.admin.query(`GRANT fiscal_desk_office TO ${login.role}`);
  return login;
}

async function settled(app: ComposedApp | null): Promise<void> {
  if (app === null || !app.documents.ok) throw new Error('no journal');
  await app.documents.module.outbox.settled();
}

/** Polls the shop database until the till copied the document in that state. */
async function copiedAs(db: ShopTestDatabase, id: string, state: string): Promise<{ station_id: string; original_id: string | null; total: string }> {
  await expect.poll(async () => (await db.admin.query<{ state: string }>('SELECT state FROM shop.documents WHERE id = $1', [id])).rows[0]?.state, { timeout: 30_000, interval: 200 }).toBe(state);
  const row = await db.admin.query<{ station_id: string; original_id: string | null; total: string }>('SELECT station_id, original_id::text AS original_id, total::text AS total FROM shop.documents WHERE id = $1', [id]);
  return row.rows[0]!;
}

const oil = (quantity: string) => typedLine({ quantity });
const bread = (quantity: string) => typedLine({ description: 'Bread', quantity, unitAmount: '1.15', taxCode: 'ZR', hsCode: '19059000' });

beforeAll(async () => {
  sandbox = await startFiscalHarmonySandbox({ processingDelayMs: 5, onError: () => undefined });
  apps.tillA = await composeTestApp(fastTraining);
  apps.tillB = await composeTestApp(fastTraining);
  apps.office = await composeTestApp({ ...fastTraining, logger: recording });
  seed = (await useSandboxAccount(apps.tillA, sandbox, 'shop')).seed;
  await joinAccount(apps.tillB, seed);
  await joinAccount(apps.office, seed);
}, 90_000);
afterAll(async () => {
  for (const app of Object.values(apps)) await app?.dispose();
  await sandbox?.close();
});

describe('a credit note across tills', () => {
  let invoice: DocumentDetail;
  let notFiscalised: DocumentDetail;
  let officeDraft: DocumentDetail;

  it('starts on the back office for till A\'s fiscalised invoice, with its buyer, lines and currency, and keeps its fiscal facts', { timeout: 90_000 }, async (context) => {
    const db = shop.ready(context);
    await useShopLogin(tillA, await db.login('fiscal_desk_till'), 'Harare');
    await useShopLogin(tillB, await officeLogin(db), 'Bulawayo');
    await useShopLogin(office, await officeLogin(db), 'Head office');

    const buyer = { ...typedInvoice().buyer, name: 'Chipo Moyo Hardware', tin: '2000123456', phone: '+263 77 123 4567', address: { province: 'Harare', street: 'Samora Machel Ave', houseNo: '12', city: 'Harare' } };
    const draft = await tillA.value<DocumentDetail>('documents:saveDraft', { draft: typedInvoice({ buyer }) });
    await tillA.value('documents:queue', { id: draft.id });
    await settled(apps.tillA);
    invoice = await tillA.value<DocumentDetail>('documents:get', { id: draft.id });
    expect(invoice.state).toBe('fiscalised');
    expect(invoice.totals?.total).toBe('12.65');
    await tillA.value('outbox:pause');
    const waiting = await tillA.value<DocumentDetail>('documents:saveDraft', { draft: typedInvoice() });
    notFiscalised = await tillA.value<DocumentDetail>('documents:queue', { id: waiting.id });
    const tillAStation = (await copiedAs(db, invoice.id, 'fiscalised')).station_id;
    await copiedAs(db, notFiscalised.id, 'queued');

    officeDraft = await office.value<DocumentDetail>('shopOffice:startCreditNote', { invoiceId: invoice.id });
    expect(officeDraft).toMatchObject({ kind: 'credit-note', state: 'draft', originalInvoiceNumber: invoice.number, training: false });
    expect(officeDraft.draft).toMatchObject({ originalInvoiceId: invoice.id, currency: 'USD', taxInclusive: true, buyer, reference: '' });
    expect(officeDraft.draft.lines).toEqual(invoice.draft.lines);
    const check = await office.value<EntryCheckResult>('entry:check', { id: officeDraft.id, draft: officeDraft.draft });
    expect(check.credit).toMatchObject({ total: '12.65', credited: '0.00', remaining: '12.65' });
    const office_ = apps.office!;
    if (!office_.documents.ok) throw office_.documents.error;
    const kept = office_.documents.module.journal.db.prepare('SELECT station_id, number, issued_at, total, zimra_number, fiscal_day, device_id, qr_url FROM foreign_invoices WHERE id = ?').get(invoice.id);
    expect(kept).toEqual({
      station_id: tillAStation,
      number: invoice.number,
      issued_at: invoice.date,
      total: '12.65',
      zimra_number: invoice.qr?.zimraInvoiceNumber,
      fiscal_day: invoice.qr?.fiscalDay,
      device_id: invoice.qr?.deviceId,
      qr_url: invoice.qr?.qrCodeUrl,
    });
  });

  it('counts till B\'s credit note, read again from the shop database when the back office queues: more than remains is refused', { timeout: 90_000 }, async (context) => {
    const db = shop.ready(context);
    const started = await tillB.value<DocumentDetail>('shopOffice:startCreditNote', { invoiceId: invoice.id });
    const reduced: DocumentDraft = { ...started.draft, reference: 'One bottle returned', lines: [oil('1')] };
    await tillB.value('documents:saveDraft', { id: started.id, draft: reduced });
    await tillB.value('documents:queue', { id: started.id });
    await settled(apps.tillB);
    expect((await tillB.value<DocumentDetail>('documents:get', { id: started.id })).state).toBe('fiscalised');
    expect(await copiedAs(db, started.id, 'fiscalised')).toMatchObject({ original_id: invoice.id, total: '4.60' });

    // The back office's draft was started before till B's credit note: the figure kept then was 0.
    const whole = await office.value<DocumentDetail>('documents:saveDraft', { id: officeDraft.id, draft: { ...officeDraft.draft, reference: 'Goods returned' } });
    const refused = await office.call('documents:queue', { id: whole.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { lines: expect.stringMatching(/is more than what remains creditable on the invoice \(8\.05\)/) } } });
    expect((await office.value<DocumentDetail>('documents:get', { id: whole.id })).number).toBeNull();
    const check = await office.value<EntryCheckResult>('entry:check', { id: whole.id, draft: whole.draft });
    expect(check.credit).toMatchObject({ total: '12.65', credited: '4.60', remaining: '8.05' });
  });

  it('queues what remains while the shop database is away (the figure read last counts, and the log says so), fiscalises it and copies it with its invoice', { timeout: 90_000 }, async (context) => {
    const db = shop.ready(context);
    const officeSettings = (await office.value<{ settings: ShopDbSettings }>('shopDb:get')).settings;
    await office.value('shopDb:save', { settings: { ...officeSettings, port: await closedPort() }, password: null });
    const rest = await office.value<DocumentDetail>('documents:saveDraft', { id: officeDraft.id, draft: { ...officeDraft.draft, reference: 'Goods returned', lines: [oil('1'), bread('3')] } });
    const queued = await office.value<DocumentDetail>('documents:queue', { id: rest.id });
    expect(queued.totals?.total).toBe('8.05');
    expect(warnings).toContainEqual(expect.objectContaining({ message: expect.stringMatching(/figure read earlier counts/), meta: expect.objectContaining({ invoiceId: invoice.id, creditedElsewhere: '4.60' }) }));
    await settled(apps.office);
    const done = await office.value<DocumentDetail>('documents:get', { id: rest.id });
    expect(done).toMatchObject({ state: 'fiscalised', originalInvoiceNumber: invoice.number });
    const receipt = await office.value<Receipt>('history:receipt', { id: rest.id });
    expect(receipt.creditedInvoice).toMatchObject({ number: invoice.number, date: invoice.date });

    await office.value('shopDb:save', { settings: officeSettings, password: null });
    const copied = await copiedAs(db, rest.id, 'fiscalised');
    expect(copied).toMatchObject({ original_id: invoice.id, total: '8.05' });
    const credited = await db.admin.query<{ credited: string; tills: string }>(
      `SELECT sum(total)::text AS credited, count(DISTINCT station_id)::text AS tills FROM shop.documents WHERE original_id = $1 AND state = 'fiscalised'`,
      [invoice.id],
    );
    expect(credited.rows[0]).toEqual({ credited: '12.65', tills: '2' });

    const again = await office.call('shopOffice:startCreditNote', { invoiceId: invoice.id });
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringMatching(/^Nothing remains to credit on invoice .*every till/) } });
  });

  it('refuses a login with a till\'s rights only, an invoice not fiscalised, and an invoice of another fiscal device', { timeout: 60_000 }, async (context) => {
    const db = shop.ready(context);
    const fromB = await tillB.value<DocumentDetail>('documents:saveDraft', { draft: typedInvoice() });
    await tillB.value('documents:queue', { id: fromB.id });
    await settled(apps.tillB);
    await copiedAs(db, fromB.id, 'fiscalised');
    // The till's own invoice needs no other till's rights: it is credited from its own journal.
    const own = await tillA.value<DocumentDetail>('shopOffice:startCreditNote', { invoiceId: notFiscalised.id }).catch((error: Error) => error.message);
    expect(own).toMatch(/NOT_ALLOWED Only a fiscalised invoice can be credited/);
    const tillOnly = await tillA.call('shopOffice:startCreditNote', { invoiceId: fromB.id });
    expect(tillOnly).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringMatching(/may only copy this till's documents.*fiscal_desk_office/) } });

    const waiting = await office.call('shopOffice:startCreditNote', { invoiceId: notFiscalised.id });
    expect(waiting).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringMatching(/Only a fiscalised invoice can be credited.*not fiscalised.*\(queued\)/) } });

    // An invoice of another account, as far as the device goes: its copy names another device.
    await db.admin.query('UPDATE shop.documents SET device_id = device_id + 1000 WHERE id = $1', [fromB.id]);
    const otherDevice = await office.call('shopOffice:startCreditNote', { invoiceId: fromB.id });
    expect(otherDevice).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringMatching(/another fiscal device .*the invoice's own account/) } });
  });
});
