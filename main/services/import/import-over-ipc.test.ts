import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentPage } from '../../../shared/contract/documents';
import type { ImportOutcome, ImportPreview, ImportProgress } from '../../../shared/contract/import';
import type { ComposedApp } from '../../compose';
import { composeTestApp, fastTraining, ipcOf } from '../../test-support/compose-test-app';
import { asCsv, salesFile } from './test-support/sales-file';
import { uploadFile } from './test-support/upload-file';

// Import through the IPC router in training mode against the built-in sandbox: preview with the
// shared check, queue, fiscalised; the same file again adds nothing; an overlapping file only its new sales.

let app: ComposedApp;
const { call, value } = ipcOf(() => app);

beforeAll(async () => {
  app = await composeTestApp(fastTraining);
});
afterAll(async () => {
  await app.dispose();
});

async function settled(): Promise<void> {
  if (!app.documents.ok) throw app.documents.error;
  await app.documents.module.outbox.settled();
}

const journal = () => {
  if (!app.documents.ok) throw app.documents.error;
  return app.documents.module.journal;
};

const count = (sql: string): number => (journal().db.prepare(sql).get() as { n: number }).n;

const upload = (name: string, text: string | Uint8Array): Promise<string> => uploadFile(call, name, typeof text === 'string' ? Buffer.from(text, 'utf8') : text);

describe('import over IPC in training mode', () => {
  const file = salesFile({ documents: 6, lines: (i) => 1 + (i % 3), problems: new Map([[4, 'hs-code' as const]]) });

  it('previews every document with the shared check: the planted problem on its row and cell, nothing saved', async () => {
    const before = count('SELECT count(*) AS n FROM documents');
    const fileId = await upload('till-export.csv', asCsv(file));
    const preview = await value<ImportPreview>('import:preview', { fileId, settings: null });
    expect(preview.settingsSource).toBe('matched');
    expect(preview.missing).toEqual([]);
    expect(preview.settings.grouping).toBe('reference');
    expect(preview.reading).toMatchObject({ format: 'csv', encoding: 'UTF-8', separator: ',', decimalComma: false, rows: file.rows.length });
    expect(preview.summary).toMatchObject({ documents: 6, ready: 5, withProblems: 1, alreadyImported: 0 });
    const planted = file.planted[0]!;
    expect(preview.problems).toEqual([expect.objectContaining({ row: planted.row, cell: `I${planted.row}`, column: 'HS Code', document: planted.document, message: expect.stringMatching(/HS code "1234" .*not 8 digits/) })]);
    const first = preview.documents[0]!;
    // 1 x 4.60 cooking oil, VAT15 inclusive.
    expect(first).toMatchObject({ name: 'T-1001', status: 'ready', buyerName: 'Msasa Builders', totals: { total: '4.60' } });
    expect(count('SELECT count(*) AS n FROM documents')).toBe(before);
  });

  it('queues what is valid, which the sandbox fiscalises; the same file again imports nothing and says so', async () => {
    const fileId = await upload('till-export.csv', asCsv(file));
    const preview = await value<ImportPreview>('import:preview', { fileId, settings: null });
    const progress: ImportProgress[] = [];
    const stop = app.events.subscribe((name, payload) => {
      if (name === 'import:progress') progress.push(payload as ImportProgress);
    });
    const outcome = await value<ImportOutcome>('import:run', { fileId, settings: preview.settings, mode: 'queue' });
    stop();
    expect(outcome).toMatchObject({ saved: 5, queued: 5, alreadyImported: 0, rejected: 1, cancelled: false, notQueued: [] });
    expect(outcome.message).toMatch(/5 documents imported and queued for sending\. 1 document with problems/);
    expect(progress.at(-1)).toEqual({ fileId, done: 5, total: 5 });
    await settled();
    const page = await value<DocumentPage>('documents:list', {});
    const imported = page.items.filter((item) => item.state === 'fiscalised');
    expect(imported).toHaveLength(5);
    expect(count('SELECT count(*) AS n FROM import_sources')).toBe(5);

    const again = await upload('till-export (copy).csv', asCsv(file));
    const second = await value<ImportPreview>('import:preview', { fileId: again, settings: null });
    expect(second.settingsSource).toBe('remembered');
    expect(second.summary).toMatchObject({ documents: 6, ready: 0, alreadyImported: 5, withProblems: 1 });
    const none = await value<ImportOutcome>('import:run', { fileId: again, settings: second.settings, mode: 'queue' });
    expect(none).toMatchObject({ saved: 0, queued: 0, alreadyImported: 5 });
    expect(none.message).toMatch(/had been imported before/);
    expect((await value<DocumentPage>('documents:list', {})).total).toBe(page.total);
  });

  it('imports only the new sales of an overlapping file', async () => {
    const overlapping = salesFile({ documents: 8, lines: (i) => 1 + (i % 3) });
    // T-1006 to T-1008: T-1006 was imported above, T-1005 (the refused one) is now fixed, T-1007 and T-1008 are new.
    const rows = overlapping.rows.filter((row) => ['T-1005', 'T-1006', 'T-1007', 'T-1008'].includes(row[0]!));
    const fileId = await upload('next-export.csv', asCsv({ headings: overlapping.headings, rows }));
    const preview = await value<ImportPreview>('import:preview', { fileId, settings: null });
    expect(preview.summary).toMatchObject({ documents: 4, ready: 3, alreadyImported: 1 });
    const outcome = await value<ImportOutcome>('import:run', { fileId, settings: preview.settings, mode: 'draft' });
    expect(outcome).toMatchObject({ saved: 3, queued: 0, alreadyImported: 1, rejected: 0 });
    const drafts = (await value<DocumentPage>('documents:list', {})).items.filter((item) => item.state === 'draft');
    expect(drafts).toHaveLength(3);
  });

  it('imports credit notes for an invoice it imported (named by its reference), each checked against what remains, and the sandbox fiscalises them', async () => {
    const headings = 'Invoice,Type,Customer,Currency,Description,Qty,Price,Tax,HS Code,Original invoice,Reason';
    const invoice = await upload('invoice.csv', `${headings}\r\nCN-INV-1,Invoice,Rudo,USD,Cooking oil 2 l,2,4.60,VAT15,15079000,,\r\n`);
    const first = await value<ImportPreview>('import:preview', { fileId: invoice, settings: null });
    expect(await value<ImportOutcome>('import:run', { fileId: invoice, settings: first.settings, mode: 'queue' })).toMatchObject({ saved: 1, queued: 1 });
    await settled();
    const notes = await upload(
      'returns.csv',
      [
        headings,
        'CR-1,Credit note,Rudo,USD,Cooking oil 2 l,1,4.60,VAT15,15079000,CN-INV-1,Returned',
        'CR-2,Credit note,Rudo,USD,Cooking oil 2 l,1,4.60,VAT15,15079000,CN-INV-1,Returned',
        'CR-3,Credit note,Rudo,USD,Cooking oil 2 l,1,4.60,VAT15,15079000,CN-INV-1,Returned',
        'CR-4,Credit note,Rudo,USD,Cooking oil 2 l,1,4.60,VAT15,15079000,NOPE-9,Returned',
      ].join('\r\n'),
    );
    const preview = await value<ImportPreview>('import:preview', { fileId: notes, settings: null });
    expect(preview.documents.map((d) => [d.name, d.kind, d.status])).toEqual([
      ['CR-1', 'credit-note', 'ready'],
      ['CR-2', 'credit-note', 'ready'],
      ['CR-3', 'credit-note', 'problem'],
      ['CR-4', 'credit-note', 'problem'],
    ]);
    // The first two take the invoice's 9.20; the third would credit more than remains.
    expect(preview.problems.map((p) => [p.document, p.row, p.rule])).toEqual([
      ['CR-3', 4, 'credit-limit'],
      ['CR-4', 5, 'credit-original'],
    ]);
    expect(preview.problems[1]).toMatchObject({ cell: 'J5', column: 'Original invoice', message: 'The invoice being credited is not known here.' });
    const outcome = await value<ImportOutcome>('import:run', { fileId: notes, settings: preview.settings, mode: 'queue' });
    expect(outcome).toMatchObject({ saved: 2, queued: 2, rejected: 2 });
    await settled();
    const credited = await value<DocumentPage>('documents:list', { kinds: ['credit-note'], states: ['fiscalised'] });
    expect(credited.total).toBe(2);
  });

  it('one row per document without references: two identical sales are two documents, and the same rows again are none', async () => {
    const rows = ['Customer,Currency,Description,Qty,Price,Tax,HS Code', ',USD,Bread,1,1.15,ZR,19059000', ',USD,Bread,1,1.15,ZR,19059000', ',USD,Cooking oil 2 l,1,4.60,VAT15,15079000'];
    const fileId = await upload('no-references.csv', rows.join('\r\n'));
    const preview = await value<ImportPreview>('import:preview', { fileId, settings: null });
    expect(preview.settings.grouping).toBe('row');
    expect(preview.documents.map((d) => [d.name, d.rows])).toEqual([['Row 2', [2]], ['Row 3', [3]], ['Row 4', [4]]]);
    expect(await value<ImportOutcome>('import:run', { fileId, settings: preview.settings, mode: 'draft' })).toMatchObject({ saved: 3 });
    // The same two bread sales in another file (its last row new): only the new one is imported.
    const next = await upload('no-references-2.csv', [...rows.slice(0, 3), ',USD,Bread,2,1.15,ZR,19059000'].join('\r\n'));
    const again = await value<ImportPreview>('import:preview', { fileId: next, settings: null });
    expect(again.documents.map((d) => d.status)).toEqual(['already-imported', 'already-imported', 'ready']);
    expect(await value<ImportOutcome>('import:run', { fileId: next, settings: again.settings, mode: 'draft' })).toMatchObject({ saved: 1, alreadyImported: 2 });
  });

  it('one row per document with a reference on two rows: the second is refused on its row', async () => {
    const fileId = await upload('twice.csv', ['Invoice,Currency,Description,Qty,Price,Tax,HS Code', 'D-1,USD,Bread,1,1.15,ZR,19059000', 'D-1,USD,Bread,2,1.15,ZR,19059000'].join('\r\n'));
    const preview = await value<ImportPreview>('import:preview', { fileId, settings: null });
    const preview2 = await value<ImportPreview>('import:preview', { fileId, settings: { ...preview.settings, grouping: 'row' } });
    expect(preview2.settingsSource).toBe('chosen');
    expect(preview2.problems).toEqual([expect.objectContaining({ row: 3, rule: 'import-duplicate', document: 'D-1' })]);
  });

  it('exports the rejected rows with the reason, a cell that would run as a formula neutralised', async () => {
    const hostile = salesFile({ documents: 1, lines: () => 2, problems: new Map([[0, 'tax-unmapped' as const]]), prefix: 'H' });
    hostile.rows[0]![4] = '=HYPERLINK("http://x.example","Click")';
    const fileId = await upload('hostile.csv', asCsv({ headings: hostile.headings, rows: hostile.rows.map((row) => row.map((cell) => (cell.includes(',') ? `"${cell.replaceAll('"', '""')}"` : cell))) }));
    const preview = await value<ImportPreview>('import:preview', { fileId, settings: null });
    expect(preview.documents[0]?.lines[0]?.description).toBe('=HYPERLINK("http://x.example","Click")');
    const csv = await value<{ fileName: string; text: string }>('import:rejectedRows', { fileId, settings: preview.settings });
    expect(csv.fileName).toBe('hostile - rejected rows.csv');
    const lines = csv.text.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Row,Reason,Invoice,Customer,TIN,Currency,Description,Qty,Price,Tax,HS Code');
    expect(lines[1]).toMatch(/^2,"?Left out with the rest of H-1001: see row 3\.,/);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x.example"",""Click"")"`);
    expect(lines[2]).toMatch(/^3,"?H3: Tax code ""XX"" on line 2 has no tax mapping/);
  });

  it('refuses a file that is not what it says, saving nothing', async () => {
    const pdf = await upload('sales.csv', Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n'));
    const result = await call('import:preview', { fileId: pdf, settings: null });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/it is a PDF document/) } });
    const tooBig = await call('import:open', { fileName: 'huge.csv', size: 100 * 1024 * 1024 });
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/100 MB.*up to 20 MB/) } });
  });

  it('cancels between documents: each document is saved with its source key, or not at all', async () => {
    const big = salesFile({ documents: 150, lines: () => 1, prefix: 'C' });
    const fileId = await upload('big.csv', asCsv(big));
    const preview = await value<ImportPreview>('import:preview', { fileId, settings: null });
    const stop = app.events.subscribe((name, payload) => {
      if (name === 'import:progress' && (payload as ImportProgress).done >= 1) void call('import:cancel', { fileId });
    });
    const outcome = await value<ImportOutcome>('import:run', { fileId, settings: preview.settings, mode: 'draft' });
    stop();
    expect(outcome.cancelled).toBe(true);
    expect(outcome.saved).toBeGreaterThan(0);
    expect(outcome.saved).toBeLessThan(150);
    expect(outcome.message).toMatch(/cancelled/);
    // Every saved document has its key, and no key is without its document.
    expect(count(`SELECT count(*) AS n FROM import_sources WHERE source_key LIKE 'ref:C-%'`)).toBe(outcome.saved);
    expect(count(`SELECT count(*) AS n FROM documents d JOIN import_sources s ON s.document_id = d.id WHERE s.source_key LIKE 'ref:C-%'`)).toBe(outcome.saved);
    // The rest comes with the next run, nothing twice.
    const rest = await value<ImportOutcome>('import:run', { fileId, settings: preview.settings, mode: 'draft' });
    expect(rest).toMatchObject({ saved: 150 - outcome.saved, alreadyImported: outcome.saved });
  });

  it('keeps a document whose source key cannot be written out of the journal entirely (one transaction)', async () => {
    const crash = salesFile({ documents: 3, lines: () => 2, prefix: 'X' });
    const fileId = await upload('crash.csv', asCsv(crash));
    const preview = await value<ImportPreview>('import:preview', { fileId, settings: null });
    // The write of X-1002's key fails, as a crash or a full disk would fail it, after its document was written.
    journal().db.exec(`CREATE TEMP TRIGGER fail_x1002 BEFORE INSERT ON import_sources WHEN NEW.source_key = 'ref:X-1002' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
    const before = count('SELECT count(*) AS n FROM document_lines');
    const failed = await call('import:run', { fileId, settings: preview.settings, mode: 'draft' });
    journal().db.exec('DROP TRIGGER fail_x1002');
    expect(failed.ok).toBe(false);
    // X-1001 whole (document, 2 lines, key); nothing of X-1002.
    expect(count(`SELECT count(*) AS n FROM import_sources WHERE source_key LIKE 'ref:X-%'`)).toBe(1);
    expect(count('SELECT count(*) AS n FROM document_lines') - before).toBe(2);
    const rest = await value<ImportOutcome>('import:run', { fileId, settings: preview.settings, mode: 'draft' });
    expect(rest).toMatchObject({ saved: 2, alreadyImported: 1 });
  });
});
