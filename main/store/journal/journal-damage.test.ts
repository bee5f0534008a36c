import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDetail, DocumentPage } from '../../../shared/contract/documents';
import type { OutboxState } from '../../../shared/contract/outbox';
import type { ComposedApp } from '../../compose';
import { startFiscalHarmonySandbox, type RunningSandbox } from '../../sandbox/fiscal-harmony-sandbox';
import { openConfSettings } from '../conf-backend';
import { composeTestApp, fastTraining, ipcOf } from '../../test-support/compose-test-app';
import { fillJournalDisk, freeJournalDisk } from '../../test-support/full-journal-disk';
import { typedInvoice } from '../../test-support/sample-drafts';
import { useSandboxAccount } from '../../test-support/sandbox-connection';
import { MemoryVault } from '../../vault/memory-vault';
import type { KeyValueBackend } from '../settings-store';
import type { IdleScheduler } from './idle-checkpoint';
import { JOURNAL_FILE_NAME, type Journal } from './journal';

// The crash-and-damage suite (issue 23 items 2, 4 and 8), through the IPC router as the renderer
// sees it, against the sandbox over HTTP: a page of the journal overwritten (found at start, or
// while the app runs), the `-wal` file deleted while the app runs, and a full disk under the
// journal, the settings and the PDFs. Each ends by fiscalising again and checking the sandbox's
// record: no seller's number was given to two documents.

const vault = new MemoryVault();
let sandbox: RunningSandbox;
const apps: ComposedApp[] = [];

beforeAll(async () => {
  sandbox = await startFiscalHarmonySandbox({ processingDelayMs: 5, onError: () => undefined });
});
afterEach(async () => {
  for (const app of apps.splice(0)) await app.dispose();
});
afterAll(async () => {
  await sandbox.close();
});

/** The app on a data folder; a second call on the same folder is the app started again. */
async function openApp(dataDirectory: string, overrides: { settingsBackend?: KeyValueBackend; journalIdle?: IdleScheduler } = {}): Promise<ComposedApp> {
  const app = await composeTestApp({
    ...fastTraining,
    info: { name: 'Fiscal Desk', version: '0.1.0', runtime: 'browser', platform: 'linux', dataDirectory },
    settingsBackend: overrides.settingsBackend ?? openConfSettings(dataDirectory),
    // One keychain for every start, as on a real machine.
    vault,
    ...(overrides.journalIdle === undefined ? {} : { journalIdle: overrides.journalIdle }),
  });
  apps.push(app);
  return app;
}

async function closeApp(app: ComposedApp): Promise<void> {
  apps.splice(apps.indexOf(app), 1);
  await app.dispose();
}

function moduleOf(app: ComposedApp) {
  if (!app.documents.ok) throw app.documents.error;
  return app.documents.module;
}

/** Saves, queues and fiscalises `count` invoices as invoice entry does; answers their numbers. */
async function fiscalise(app: ComposedApp, count: number): Promise<string[]> {
  const { value } = ipcOf(() => app);
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const draft = await value<DocumentDetail>('documents:saveDraft', { draft: typedInvoice() });
    await value('documents:queue', { id: draft.id });
    ids.push(draft.id);
  }
  await moduleOf(app).outbox.settled();
  const done = await Promise.all(ids.map((id) => value<DocumentDetail>('documents:get', { id })));
  expect(done.map((doc) => doc.state)).toEqual(ids.map(() => 'fiscalised'));
  return done.map((doc) => doc.number ?? '');
}

/** Seller's numbers the sandbox received on two different documents (a number reused). */
function numbersGivenTwice(apiKey: string): string[] {
  const idsByNumber = new Map<string, Set<string>>();
  for (const doc of sandbox.documents(apiKey)) idsByNumber.set(doc.documentNumber, (idsByNumber.get(doc.documentNumber) ?? new Set()).add(doc.documentId));
  return [...idsByNumber].filter(([, ids]) => ids.size > 1).map(([number]) => number);
}

const journalPath = (dataDirectory: string) => join(dataDirectory, JOURNAL_FILE_NAME);

/** 4 KB of zeros over bytes 20480 to 24575 (the damage): a page the documents table uses. */
function overwritePage(path: string): void {
  expect(statSync(path).size).toBeGreaterThanOrEqual(20480 + 4096);
  const file = openSync(path, 'r+');
  try {
    writeSync(file, Buffer.alloc(4096), 0, 4096, 20480);
  } finally {
    closeSync(file);
  }
}

/** The damage reaches the running app's connection: the WAL copied into the file first, its page cache dropped after. */
function damageUnderRunningApp(journal: Journal): void {
  journal.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  overwritePage(journal.path);
  journal.db.exec('PRAGMA shrink_memory');
}

const newDataDirectory = () => mkdtempSync(join(tmpdir(), 'fd-damage-'));

describe('a page of the journal overwritten', () => {
  it('found at start: the journal is checked, the manager told, and saving works again without reusing a number', { timeout: 60_000 }, async () => {
    const dataDirectory = newDataDirectory();
    const first = await openApp(dataDirectory);
    const { seed } = await useSandboxAccount(first, sandbox, 'shop');
    await fiscalise(first, 20);
    await closeApp(first);

    overwritePage(journalPath(dataDirectory));
    const again = await openApp(dataDirectory);
    const { call, value } = ipcOf(() => again);
    const state = await value<OutboxState>('outbox:state');
    expect(state.journalNotice).toMatch(/could not be read/);
    const saved = await call<DocumentDetail>('documents:saveDraft', { draft: typedInvoice() });
    expect(saved).toMatchObject({ ok: true, value: { state: 'draft' } });

    await fiscalise(again, 3);
    expect(numbersGivenTwice(seed.apiKey)).toEqual([]);
  });

  it('met while running: a typed error, the notice, and nothing more sent until the app restarts', { timeout: 60_000 }, async () => {
    const dataDirectory = newDataDirectory();
    const app = await openApp(dataDirectory);
    const { seed } = await useSandboxAccount(app, sandbox, 'shop');
    const { call, value } = ipcOf(() => app);
    await fiscalise(app, 20);
    const outbox = moduleOf(app).outbox;
    // Two documents wait in the outbox, held back by hand, when the damage is met.
    await value('outbox:pause');
    for (let i = 0; i < 2; i += 1) {
      const draft = await value<DocumentDetail>('documents:saveDraft', { draft: typedInvoice() });
      await value('documents:queue', { id: draft.id });
    }
    const kept = await value<DocumentDetail>('documents:saveDraft', { draft: typedInvoice() });
    const received = sandbox.documents(seed.apiKey).length;

    damageUnderRunningApp(moduleOf(app).journal);
    const saved = await call('documents:saveDraft', { draft: typedInvoice() });
    expect(saved).toMatchObject({ ok: false, error: { code: 'JOURNAL_DAMAGED', retryable: false } });
    if (saved.ok) return;
    expect(saved.error.message).toContain(journalPath(dataDirectory));
    expect(saved.error.message).toMatch(/damaged.*Nothing more is sent to Fiscal Harmony.*until Fiscal Desk restarts and checks the journal.*start it again/s);

    // The outbox stopped and says why (the counts still read); resuming sends nothing.
    expect(await call<OutboxState>('outbox:resume')).toMatchObject({
      ok: true,
      value: { paused: 'stopping', message: 'Sending stopped: the documents journal is damaged.', queued: 2, journalNotice: saved.error.message },
    });
    await outbox.tick();
    expect(sandbox.documents(seed.apiKey)).toHaveLength(received);
    expect(await call('documents:discardDraft', { id: kept.id })).toMatchObject({ ok: false, error: { code: 'JOURNAL_DAMAGED' } });

    await closeApp(app);
    const again = await openApp(dataDirectory);
    expect((await ipcOf(() => again).value<OutboxState>('outbox:state')).journalNotice).toMatch(/could not be read/);
    await fiscalise(again, 3);
    expect(numbersGivenTwice(seed.apiKey)).toEqual([]);
  });
});

/** The journal's idle checkpoint, run when the test says the journal has been idle. */
function manualIdle(): IdleScheduler & { becomeIdle(): void } {
  const pending = new Set<() => void>();
  return {
    schedule(run) {
      pending.add(run);
      return { cancel: () => pending.delete(run) };
    },
    becomeIdle() {
      for (const run of [...pending]) {
        pending.delete(run);
        run();
      }
    },
  };
}

describe('the -wal file deleted while the app runs', () => {
  it('loses no acknowledged document once the journal has been idle', { timeout: 60_000 }, async () => {
    const dataDirectory = newDataDirectory();
    const idle = manualIdle();
    const app = await openApp(dataDirectory, { journalIdle: idle });
    const { seed } = await useSandboxAccount(app, sandbox, 'shop');
    const numbers = await fiscalise(app, 5);
    idle.becomeIdle();

    const wal = `${journalPath(dataDirectory)}-wal`;
    expect(existsSync(wal)).toBe(true);
    rmSync(wal);
    // The machine goes down now: the data folder as it is on disk is what the next start finds.
    const afterCrash = newDataDirectory();
    cpSync(dataDirectory, afterCrash, { recursive: true });
    await closeApp(app);

    const again = await openApp(afterCrash);
    const page = await ipcOf(() => again).value<DocumentPage>('documents:list', {});
    expect(page.items.filter((item) => item.state === 'fiscalised').map((item) => item.number).sort()).toEqual([...numbers].sort());
    await fiscalise(again, 3);
    expect(numbersGivenTwice(seed.apiKey)).toEqual([]);
  });
});

const devFull = '/dev/full';

describe('a full disk', () => {
  const fullDiskMessage = (dataDirectory: string) => `The disk holding ${dataDirectory} is full; nothing saved was lost. Free some space, then try again.`;

  it('under the journal: saving says so and can be tried again, and nothing saved is lost', { timeout: 60_000 }, async () => {
    const dataDirectory = newDataDirectory();
    const app = await openApp(dataDirectory);
    const { seed } = await useSandboxAccount(app, sandbox, 'shop');
    const { call } = ipcOf(() => app);
    const before = await fiscalise(app, 3);
    const journal = moduleOf(app).journal;

    fillJournalDisk(journal);
    let answer = await call('documents:saveDraft', { draft: typedInvoice() });
    // The first drafts may still fit in pages the journal has room in.
    for (let i = 0; answer.ok && i < 200; i += 1) answer = await call('documents:saveDraft', { draft: typedInvoice() });
    expect(answer).toEqual({ ok: false, error: { code: 'DISK_FULL', message: fullDiskMessage(dataDirectory), retryable: true } });
    expect(app.storage.diskFullNow()?.folder).toBe(dataDirectory);

    freeJournalDisk(journal);
    expect(await call('documents:saveDraft', { draft: typedInvoice() })).toMatchObject({ ok: true });
    expect(app.storage.diskFullNow()).toBeNull();
    const page = await ipcOf(() => app).value<DocumentPage>('documents:list', {});
    expect(page.items.filter((item) => item.state === 'fiscalised').map((item) => item.number).sort()).toEqual([...before].sort());
    await fiscalise(app, 3);
    expect(numbersGivenTwice(seed.apiKey)).toEqual([]);
  });

  it('under the settings file: a settings change says so', { timeout: 30_000 }, async (context) => {
    if (!existsSync(devFull)) context.skip(`${devFull} (a device every write to fails with ENOSPC) exists on Linux only`);
    const dataDirectory = newDataDirectory();
    const conf = openConfSettings(dataDirectory);
    let full = false;
    // The settings file's writes go to a disk with no room while `full`: the kernel's own ENOSPC.
    const settingsBackend: KeyValueBackend = {
      get: (key) => conf.get(key),
      set: (key, value) => {
        if (full) writeFileSync(devFull, JSON.stringify(value));
        conf.set(key, value);
      },
    };
    const app = await openApp(dataDirectory, { settingsBackend });
    const { call } = ipcOf(() => app);
    full = true;
    expect(await call('settings:set', { theme: 'dark' })).toEqual({ ok: false, error: { code: 'DISK_FULL', message: fullDiskMessage(dataDirectory), retryable: true } });
    expect(app.storage.diskFullNow()?.folder).toBe(dataDirectory);
    full = false;
    expect(await call('settings:set', { theme: 'dark' })).toMatchObject({ ok: true, value: { theme: 'dark' } });
    expect(app.storage.diskFullNow()).toBeNull();
  });

  it('under the PDFs: fetching a PDF says so, and works once there is room', { timeout: 60_000 }, async (context) => {
    if (!existsSync(devFull)) context.skip(`${devFull} (a device every write to fails with ENOSPC) exists on Linux only`);
    const dataDirectory = newDataDirectory();
    const app = await openApp(dataDirectory);
    const { seed } = await useSandboxAccount(app, sandbox, 'shop');
    const { call } = ipcOf(() => app);
    await fiscalise(app, 1);
    const [doc] = (await ipcOf(() => app).value<DocumentPage>('documents:list', {})).items;
    // The PDF store writes `<id>.pdf.<pid>.partial` first: here that file is on a full disk.
    const pdfs = join(dataDirectory, 'pdfs');
    mkdirSync(pdfs, { recursive: true });
    const partial = join(pdfs, `${doc?.id ?? ''}.pdf.${process.pid}.partial`);
    symlinkSync(devFull, partial);

    expect(await call('history:pdf', { id: doc?.id })).toEqual({ ok: false, error: { code: 'DISK_FULL', message: fullDiskMessage(dataDirectory), retryable: true } });
    expect(existsSync(partial)).toBe(false);
    expect(await call('history:pdf', { id: doc?.id })).toMatchObject({ ok: true, value: { fileName: expect.stringMatching(/\.pdf$/) } });
    expect(numbersGivenTwice(seed.apiKey)).toEqual([]);
  });
});
