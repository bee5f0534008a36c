import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../shared/contract/import';
import type { ComposedApp } from '../../compose';
import { silentLogger } from '../../logging/logger';
import { composeTestApp, fastTraining } from '../../test-support/compose-test-app';
import { mappingFactsOf } from '../entry/entry-service';
import { ImportService } from './import-service';
import { asCsv, salesFile } from './test-support/sales-file';

// The import service on the app's real journal and documents service, with a run budget of 0 ms:
// each import:run call saves one document and answers `more`, as a call on a large file does
// after ten seconds; the next call goes on, counts carried over, nothing saved twice.

let app: ComposedApp;
let imports: ImportService;

beforeAll(async () => {
  app = await composeTestApp(fastTraining);
  if (!app.documents.ok) throw app.documents.error;
  const module = app.documents.module;
  imports = new ImportService({
    activeProfile: () => app.connections.activeFiscalHarmony(),
    documents: () => ({ journal: module.journal, documents: module.documents }),
    checkContext: async () => ({ now: new Date(), mappings: mappingFactsOf(await app.mappings.mappedTaxCodes(), await app.mappings.mappedCurrencies()), readiness: (await app.readiness.verdict()).reasons }),
    events: app.events,
    logger: silentLogger,
    clock: () => new Date(),
    runBudgetMs: 0,
  });
});
afterAll(async () => {
  await app.dispose();
});

function open(name: string, text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  const { fileId } = imports.open(name, bytes.length);
  imports.chunk(fileId, 0, bytes.toString('base64'));
  return fileId;
}

describe('a long import over several calls', () => {
  it('goes on where the last call stopped, with the counts carried over and the progress across calls', async () => {
    const file = salesFile({ documents: 4, lines: () => 2, problems: new Map([[1, 'hs-code' as const]]), prefix: 'L' });
    const fileId = open('long.csv', asCsv(file));
    const { settings } = await imports.preview(fileId, null);
    const progress: ImportProgress[] = [];
    const stop = app.events.subscribe((name, payload) => {
      if (name === 'import:progress') progress.push(payload as ImportProgress);
    });
    const first = await imports.run(fileId, settings, 'queue');
    expect(first).toMatchObject({ saved: 1, queued: 1, more: true, message: 'Saved 1 of 3 documents so far.' });
    const second = await imports.run(fileId, settings, 'queue');
    expect(second).toMatchObject({ saved: 2, queued: 2, more: true });
    const last = await imports.run(fileId, settings, 'queue');
    stop();
    expect(last).toMatchObject({ saved: 3, queued: 3, alreadyImported: 0, rejected: 1, more: false, cancelled: false });
    expect(last.message).toBe('3 documents imported and queued for sending. 1 document with problems was left out: export the rejected rows to fix them.');
    expect(progress.at(-1)).toEqual({ fileId, done: 3, total: 3 });
    expect(Math.max(...progress.map((p) => p.total))).toBe(3);
    // Finished: a new run of the same file starts afresh and finds everything imported.
    expect(await imports.run(fileId, settings, 'queue')).toMatchObject({ saved: 0, alreadyImported: 3, more: false });
  });

  it('a cancel between calls drops what was carried: the next run counts afresh', async () => {
    const fileId = open('cancelled.csv', asCsv(salesFile({ documents: 3, lines: () => 1, prefix: 'K' })));
    const { settings } = await imports.preview(fileId, null);
    expect(await imports.run(fileId, settings, 'draft')).toMatchObject({ saved: 1, more: true });
    expect(imports.cancel(fileId)).toEqual({ cancelling: false });
    expect(await imports.run(fileId, settings, 'draft')).toMatchObject({ saved: 1, alreadyImported: 1, more: true });
  });
});

describe('a file on its way', () => {
  it('is refused by its name or size before any byte is sent, and its parts must arrive in order and whole', async () => {
    expect(() => imports.open('sales.pdf', 10)).toThrow(/imports .csv, .tsv and .xlsx files/);
    expect(() => imports.open('sales.xls', 10)).toThrow(/old Excel file/);
    expect(() => imports.open('sales.csv', 0)).toThrow(/empty/);
    expect(() => imports.open('sales.csv', 21 * 1024 * 1024)).toThrow(/21 MB; Fiscal Desk imports files of up to 20 MB/);
    const { fileId } = imports.open('sales.csv', 10);
    expect(() => imports.chunk(fileId, 4, Buffer.from('abcd').toString('base64'))).toThrow(/went missing/);
    expect(imports.chunk(fileId, 0, Buffer.from('abcd').toString('base64'))).toEqual({ received: 4 });
    await expect(imports.preview(fileId, null)).rejects.toThrow(/not arrived whole/);
    expect(() => imports.chunk(fileId, 4, Buffer.from('much too long').toString('base64'))).toThrow(/larger than it said/);
    expect(imports.close(fileId)).toEqual({ closed: true });
    await expect(imports.preview(fileId, null)).rejects.toThrow(/no longer open/);
  });
});
