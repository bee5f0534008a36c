import { closeSync, mkdtempSync, openSync, rmSync, statSync, truncateSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDetail, DocumentPage, NumberingView } from '../../../shared/contract/documents';
import type { OutboxState } from '../../../shared/contract/outbox';
import type { ReadinessVerdict } from '../../../shared/contract/readiness';
import type { ComposedApp } from '../../compose';
import { DEMO_CREDENTIALS } from '../../sandbox/demo-accounts';
import { startFiscalHarmonySandbox, type RunningSandbox } from '../../sandbox/fiscal-harmony-sandbox';
import { openConfSettings } from '../conf-backend';
import { composeTestApp, ipcOf } from '../../test-support/compose-test-app';
import { outboxBecomes } from '../../test-support/outbox-becomes';
import { typedInvoice } from '../../test-support/sample-drafts';
import { useSandboxAccount } from '../../test-support/sandbox-connection';
import { MemoryVault } from '../../vault/memory-vault';
import { JOURNAL_FILE_NAME } from './journal';

// The crash-and-damage suite of numbering: the app fiscalises against the sandbox over HTTP,
// stops, its journal file is damaged on disk, and the app composed again must never give a
// number twice (checked against what the sandbox received), must send or check again what it
// can read back, and must say plainly what happened. Only the app's channels and files are used,
// so the suite runs as well against a version without the watermark (and fails there).

const WATERMARK_FILE_NAME = 'numbering-watermark.json';

/** Results are polled an hour apart: a document stays submitted until the test asks for it. */
const slowPolls = { polls: { stepsMs: [3_600_000] }, retry: { baseMs: 20, capMs: 200 } };
const fastPolls = { polls: { stepsMs: [20, 50] }, retry: { baseMs: 20, capMs: 200 } };

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startFiscalHarmonySandbox({ processingDelayMs: 1, onError: () => undefined });
});
afterAll(async () => {
  await sandbox.close();
});

/** One data folder and keychain, with the app composed on it again after each stop. */
function installation() {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'fd-damage-'));
  const vault = new MemoryVault();
  let app: ComposedApp | null = null;
  const ipc = ipcOf(() => {
    if (app === null) throw new Error('The app is not running');
    return app;
  });
  return {
    dataDirectory,
    journalPath: join(dataDirectory, JOURNAL_FILE_NAME),
    ipc,
    get app(): ComposedApp {
      if (app === null) throw new Error('The app is not running');
      return app;
    },
    async start(outbox = fastPolls, extra: Parameters<typeof composeTestApp>[0] = {}): Promise<ComposedApp> {
      app = await composeTestApp({
        info: { name: 'Fiscal Desk', version: '0.1.0', runtime: 'browser', platform: 'linux', dataDirectory },
        settingsBackend: openConfSettings(dataDirectory),
        vault,
        outbox,
        ...extra,
      });
      return app;
    },
    async stop(): Promise<void> {
      await app?.dispose();
      app = null;
    },
    async queue(): Promise<DocumentDetail> {
      const draft = await ipc.value<DocumentDetail>('documents:saveDraft', { draft: typedInvoice() });
      return ipc.value<DocumentDetail>('documents:queue', { id: draft.id });
    },
    async settled(): Promise<void> {
      if (!this.app.documents.ok) throw this.app.documents.error;
      await this.app.documents.module.outbox.settled();
    },
  };
}
type Installation = ReturnType<typeof installation>;

/**
 * On the app's first run: INV...1 fiscalised, INV...2 sent and waiting for its result, INV...3
 * queued while sending is paused. Then the app stops (the journal closed cleanly, as at a normal
 * exit: every write is in the file itself).
 */
async function fiscaliseOneAndKeepTwoWaiting(place: Installation): Promise<{ apiKey: string; numbers: string[]; ids: string[] }> {
  const app = await place.start(slowPolls);
  const { seed } = await useSandboxAccount(app, sandbox, 'shop');
  const waitingForResult = () => outboxBecomes(app, (state) => state.submitted === 1 && state.queued === 0 && state.sending === 0);
  let sent = waitingForResult();
  const first = await place.queue();
  await sent;
  await place.ipc.value('outbox:retryNow');
  await place.settled();
  expect((await place.ipc.value<DocumentDetail>('documents:get', { id: first.id })).state).toBe('fiscalised');
  sent = waitingForResult();
  const second = await place.queue();
  await sent;
  await place.ipc.value('outbox:pause');
  const third = await place.queue();
  expect(third.state).toBe('queued');
  await place.stop();
  return { apiKey: seed.apiKey, numbers: [first, second, third].map((doc) => doc.number ?? ''), ids: [first.id, second.id, third.id] };
}

const sequenceOf = (number: string | null): number => Number(/(\d+)$/.exec(number ?? '')?.[1]);

function receivedNumbers(apiKey: string): string[] {
  return sandbox.documents(apiKey).map((doc) => doc.documentNumber);
}

/** No number reached the sandbox under two different documents. */
function expectNoNumberTwice(apiKey: string): void {
  const owners = new Map<string, Set<string>>();
  for (const doc of sandbox.documents(apiKey)) owners.set(doc.documentNumber, new Set([...(owners.get(doc.documentNumber) ?? []), doc.documentId]));
  expect([...owners].filter(([, ids]) => ids.size > 1)).toEqual([]);
}

const damages = {
  'emptied to 0 bytes': (path: string) => truncateSync(path, 0),
  'cut short half-way': (path: string) => truncateSync(path, Math.floor(statSync(path).size / 2)),
  'with its header smashed': (path: string) => {
    const file = openSync(path, 'r+');
    try {
      writeSync(file, Buffer.alloc(100, 0xa5), 0, 100, 0);
    } finally {
      closeSync(file);
    }
  },
  'deleted outright': (path: string) => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  },
  'replaced by an SQLite file without tables': (path: string) => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    const empty = new DatabaseSync(path);
    empty.exec('CREATE TABLE scratch (x); DROP TABLE scratch;');
    empty.close();
  },
} as const;

/** Whether what the journal held can be read back from the damaged file. */
const readsBack: Record<keyof typeof damages, boolean> = {
  'emptied to 0 bytes': false,
  'cut short half-way': true,
  'with its header smashed': true,
  'deleted outright': false,
  'replaced by an SQLite file without tables': false,
};

describe('a journal damaged while the app was stopped', () => {
  for (const [name, damage] of Object.entries(damages) as [keyof typeof damages, (path: string) => void][]) {
    it(`${name}: no number is given twice, what can be read is sent or checked, and the manager is told`, { timeout: 60_000 }, async () => {
      const place = installation();
      const before = await fiscaliseOneAndKeepTwoWaiting(place);
      damage(place.journalPath);

      await place.start(fastPolls);
      // The next invoice goes on after the last number given (INV...3, queued when the app stopped).
      const next = await place.queue();
      expect(sequenceOf(next.number)).toBe(4);
      expect(next.number?.replace(/\d+$/, '')).toBe(before.numbers[0]?.replace(/\d+$/, ''));
      const notice = (await place.ipc.value<OutboxState>('outbox:state')).journalNotice ?? '';
      if (readsBack[name]) {
        expect(notice).toMatch(/^The documents journal could not be read, so it was moved to .*journal\.sqlite\.unreadable-\S+ and kept there; a new journal was started with what could be read back from it: 2 documents waiting to be sent or checked \(they go on now\), 1 fiscalised document\./);
        // The one waiting for its result is checked, the queued one sent: both fiscalised.
        await place.settled();
        for (const id of [...before.ids, next.id]) expect((await place.ipc.value<DocumentDetail>('documents:get', { id })).state).toBe('fiscalised');
      } else {
        expect(notice).toMatch(
          name === 'deleted outright'
            ? /^The documents journal was missing, although Fiscal Desk was used on this computer before/
            : /^The documents journal was empty, although Fiscal Desk was used on this computer before/,
        );
        expect(notice).toMatch(/Check in the Fiscal Harmony portal that every sale of the last days is there/);
        expect((await place.ipc.value<DocumentPage>('documents:list', {})).items.map((item) => item.id)).toEqual([next.id]);
      }
      expect(notice).toMatch(/Numbering goes on after the last numbers used, so no number is given twice\./);

      await place.settled();
      expect((await place.ipc.value<DocumentDetail>('documents:get', { id: next.id })).state).toBe('fiscalised');
      expectNoNumberTwice(before.apiKey);
      expect(receivedNumbers(before.apiKey)).toContain(next.number);
      await place.stop();
    });
  }

  it('with no watermark either: nothing is queued until the manager confirms the next number, also after a restart', { timeout: 60_000 }, async () => {
    const place = installation();
    const before = await fiscaliseOneAndKeepTwoWaiting(place);
    damages['deleted outright'](place.journalPath);
    rmSync(join(place.dataDirectory, WATERMARK_FILE_NAME));

    await place.start(fastPolls);
    const refused = async () => {
      const draft = await place.ipc.value<DocumentDetail>('documents:saveDraft', { draft: typedInvoice() });
      const result = await place.ipc.call('documents:queue', { id: draft.id });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'NUMBERING_UNCERTAIN', message: expect.stringMatching(/does not know the last invoice number used.*Look up the last invoice number used in the Fiscal Harmony portal, then enter the next one in Settings, Numbering\./) },
      });
      expect((await place.ipc.value<DocumentDetail>('documents:get', { id: draft.id })).number).toBeNull();
      return draft;
    };
    await refused();
    const notice = (await place.ipc.value<OutboxState>('outbox:state')).journalNotice ?? '';
    expect(notice).toMatch(/nothing can be queued until you confirm the next numbers: look up the last invoice and credit note numbers in the Fiscal Harmony portal, then enter the next ones in Settings, Numbering\./);
    const verdict = await place.ipc.value<ReadinessVerdict>('readiness:get', { fresh: true });
    expect(verdict.level).toBe('blocked');
    expect(verdict.reasons[0]).toMatchObject({ code: 'numbering-unknown', severity: 'blocker', screen: '/settings' });
    const view = await place.ipc.value<NumberingView>('documents:numbering');
    expect(view.unconfirmed).toEqual(['invoice', 'credit-note']);
    expect(view.blockedBecause).toMatch(/Look up the last invoice and credit note number used in the Fiscal Harmony portal/);

    // Still so after a restart: the new journal remembers that its numbers are not known.
    await place.stop();
    await place.start(fastPolls);
    const draft = await refused();

    // The portal shows INV...3 as the last number (INV...2 and 3 were sent or queued): the manager enters 4.
    const { invoicePrefix, creditNotePrefix } = await place.ipc.value<NumberingView>('documents:numbering');
    const confirmed = await place.ipc.value<NumberingView>('documents:setNumbering', { invoicePrefix, creditNotePrefix, nextInvoiceValue: 4, nextCreditNoteValue: 1 });
    expect(confirmed).toMatchObject({ unconfirmed: [], blockedBecause: null, nextInvoiceValue: 4 });
    // Going back to a number known to be used is refused, on its field.
    const back = await place.ipc.call('documents:setNumbering', { invoicePrefix, creditNotePrefix, nextInvoiceValue: 3 });
    expect(back).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { nextInvoiceValue: expect.stringMatching(/Use 4 or more/) } } });
    expect((await place.ipc.value<ReadinessVerdict>('readiness:get', { fresh: true })).reasons.map((reason) => reason.code)).not.toContain('numbering-unknown');

    const queued = await place.ipc.value<DocumentDetail>('documents:queue', { id: draft.id });
    expect(sequenceOf(queued.number)).toBe(4);
    await place.settled();
    expectNoNumberTwice(before.apiKey);
    await place.stop();
  });
});

describe('the issue as reported, in training mode', () => {
  it('fiscalise INV...1, stop, empty the journal to 0 bytes, start: the next invoice is not INV...1 again', { timeout: 60_000 }, async () => {
    const place = installation();
    await place.start(fastPolls, { trainingProcessingDelayMs: 5 });
    const first = await place.queue();
    await place.settled();
    await place.stop();
    damages['emptied to 0 bytes'](place.journalPath);

    await place.start(fastPolls, { trainingProcessingDelayMs: 5 });
    const second = await place.queue();
    expect(second.number).not.toBe(first.number);
    const notice = (await place.ipc.value<OutboxState>('outbox:state')).journalNotice ?? '';
    expect(notice).toMatch(/^The documents journal was empty, although Fiscal Desk was used on this computer before.*Numbering goes on after the last numbers used, so no number is given twice\./);
    expect(sequenceOf(second.number)).toBe(sequenceOf(first.number) + 1);
    await place.settled();
    const training = await place.app.training.sandbox();
    const numbers = training.documents(DEMO_CREDENTIALS.shop.apiKey).map((doc) => doc.documentNumber);
    expect(numbers).toEqual([first.number, second.number]);
    await place.stop();
  });
});
