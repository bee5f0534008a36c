import { randomUUID } from 'node:crypto';
import {
  IMPORT_FIELDS,
  importSettingsSchema,
  type ImportOutcome,
  type ImportPreview,
  type ImportSettings,
} from '../../../shared/contract/import';
import { resolveLineTax } from '../../../shared/domain/fiscal-harmony/document-checks';
import { parseFhDate } from '../../../shared/domain/fiscal-harmony/fh-date';
import { AppError, isAppError } from '../../../shared/errors';
import type { EventBus } from '../../events/event-bus';
import type { Logger } from '../../logging/logger';
import { EntryQueries } from '../../store/journal/entry-queries';
import { ImportSources } from '../../store/journal/import-sources';
import type { Journal } from '../../store/journal/journal';
import type { DocumentsService } from '../documents/documents-service';
import type { CheckContext } from '../entry/draft-check';
import { layoutKey, matchColumns, missingFields } from './column-mapping';
import { usesDecimalComma } from './decimal-text';
import { formatOfName, type ImportFormat } from './file-sniff';
import { checkSourceDocuments, inDateOrder, previewOf, type CheckedDocument } from './import-check';
import { readImportFile, type ReadFile } from './import-file';
import { IMPORT_LIMITS, MEGABYTES } from './import-limits';
import { rejectedRowsCsv } from './rejected-rows';
import { sourceDocuments } from './source-documents';

export interface ImportServiceDeps {
  activeProfile: () => { id: string };
  /** The journal and the documents service, or the error saying why the journal is not open. */
  documents: () => { journal: Journal; documents: DocumentsService };
  /** Mappings and readiness of the active connection, as invoice entry checks with them. */
  checkContext: () => Promise<Omit<CheckContext, 'original' | 'lastFiscalisedDate'>>;
  events: EventBus;
  logger: Logger;
  clock: () => Date;
  /** How long one import:run call saves before it answers `more` (tests shorten it). */
  runBudgetMs?: number;
}

/** One call's share of a long import: a third of browser mode's 30 seconds per request. */
const RUN_BUDGET_MS = 10_000;

interface OpenFile {
  fileName: string;
  format: ImportFormat;
  bytes: Buffer;
  received: number;
  read: ReadFile | null;
  running: { cancelled: boolean } | null;
  /** What an import that ran out of its budget has done so far (the next call goes on from it). */
  carry: { mode: 'draft' | 'queue'; outcome: ImportOutcome; total: number; done: number } | null;
  openedAt: number;
}

interface Checked {
  file: OpenFile;
  read: ReadFile;
  settings: ImportSettings;
  source: ImportPreview['settingsSource'];
  decimalComma: boolean;
  missing: ImportPreview['missing'];
  checked: CheckedDocument[];
  base: Omit<CheckContext, 'original'>;
}

const PREVIEW_DOCUMENTS = 300;
const PREVIEW_PROBLEMS = 1000;
const AMOUNT_FIELDS = ['quantity', 'unitAmount', 'discountAmount'] as const;

/**
 * Invoices and credit notes from a spreadsheet or a till's export: the file is read and checked
 * here, and each document without problems is saved through the documents service (as a draft,
 * then queued like any other), in one transaction with its source key, so it is never imported twice.
 */
export class ImportService {
  private readonly files = new Map<string, OpenFile>();

  constructor(private readonly deps: ImportServiceDeps) {}

  open(fileName: string, size: number): { fileId: string } {
    const format = formatOfName(fileName);
    if (size === 0) throw new AppError('INVALID_INPUT', 'The file is empty. Choose the file your sales were saved in.');
    if (size > IMPORT_LIMITS.maxFileBytes) {
      throw new AppError('INVALID_INPUT', `The file is ${MEGABYTES(size)}; Fiscal Desk imports files of up to ${MEGABYTES(IMPORT_LIMITS.maxFileBytes)}. Split it into smaller files (a day or a week each) and import them one by one.`);
    }
    this.makeRoom();
    const fileId = randomUUID();
    this.files.set(fileId, { fileName, format, bytes: Buffer.alloc(size), received: 0, read: null, running: null, carry: null, openedAt: Date.now() });
    return { fileId };
  }

  chunk(fileId: string, offset: number, data: string): { received: number } {
    const file = this.file(fileId);
    if (offset !== file.received) throw new AppError('CONFLICT', 'Part of the file went missing on its way. Choose the file again.');
    const bytes = Buffer.from(data, 'base64');
    if (file.received + bytes.length > file.bytes.length) throw new AppError('INVALID_INPUT', 'The file is larger than it said it was. Choose the file again.');
    bytes.copy(file.bytes, file.received);
    file.received += bytes.length;
    return { received: file.received };
  }

  async preview(fileId: string, settings: ImportSettings | null): Promise<ImportPreview> {
    const c = await this.check(fileId, settings);
    const percentOf = (date: string) => (code: string) => {
      const resolved = resolveLineTax(c.base.mappings, code, parseFhDate(date) ?? c.base.now);
      return resolved.ok ? resolved.tax.percent : undefined;
    };
    const count = (status: CheckedDocument['status']): number => c.checked.filter((d) => d.status === status).length;
    const problems = c.checked.flatMap((d) => d.problems).sort((a, b) => a.row - b.row);
    return {
      fileId,
      fileName: c.file.fileName,
      reading: { ...c.read.reading, decimalComma: c.decimalComma, rows: c.read.table.rows.length, fingerprint: c.read.fingerprint.slice(0, 12) },
      headers: c.read.table.headers,
      settings: c.settings,
      settingsSource: c.source,
      missing: c.missing,
      summary: {
        documents: c.checked.length,
        ready: count('ready'),
        withProblems: count('problem'),
        alreadyImported: count('already-imported'),
        rejectedRows: c.checked.filter((d) => d.status === 'problem').reduce((n, d) => n + d.source.rows.length, 0),
      },
      documents: c.checked.slice(0, PREVIEW_DOCUMENTS).map((d) => previewOf(d, percentOf(d.draft.date))),
      problems: problems.slice(0, PREVIEW_PROBLEMS),
    };
  }

  /**
   * Saves (and queues) the file's valid documents, earliest first, for at most the run budget: a
   * call that runs out answers `more`, and the next call goes on where it stopped (the source keys
   * know what is saved), with the counts carried over. One call stays well inside browser mode's
   * 30-second limit on a request, however large the file.
   */
  async run(fileId: string, settings: ImportSettings, mode: 'draft' | 'queue'): Promise<ImportOutcome> {
    const file = this.file(fileId);
    if (file.running !== null) throw new AppError('CONFLICT', 'This file is being imported already. Wait for it to finish.');
    const running = { cancelled: false };
    file.running = running;
    try {
      const c = await this.check(fileId, settings);
      if (c.missing.length > 0) throw new AppError('INVALID_INPUT', 'Choose a column for every field marked as needed before importing.');
      const { journal, documents } = this.deps.documents();
      const sources = new ImportSources(journal.db);
      const profileId = this.deps.activeProfile().id;
      const ready = inDateOrder(c.checked.filter((d) => d.status === 'ready'), c.base.now);
      const carry = file.carry?.mode === mode ? file.carry : null;
      file.carry = null;
      if (carry === null) sources.rememberLayout(layoutKey(c.read.table.headers), JSON.stringify(c.settings), this.deps.clock().toISOString());
      const outcome: ImportOutcome =
        carry === null
          ? { saved: 0, queued: 0, alreadyImported: c.checked.filter((d) => d.status === 'already-imported').length, rejected: 0, cancelled: false, more: false, message: '', notQueued: [] }
          : { ...carry.outcome, notQueued: [...carry.outcome.notQueued], more: false };
      outcome.rejected = c.checked.filter((d) => d.status === 'problem').length;
      const total = carry?.total ?? ready.length;
      let done = carry?.done ?? 0;
      let lastProgress = 0;
      const progress = (force: boolean): void => {
        const now = Date.now();
        if (!force && now - lastProgress < 100) return;
        lastProgress = now;
        this.deps.events.emit('import:progress', { fileId, done, total });
      };
      progress(true);
      const deadline = performance.now() + (this.deps.runBudgetMs ?? RUN_BUDGET_MS);
      for (const [i, document] of ready.entries()) {
        if (running.cancelled) {
          outcome.cancelled = true;
          break;
        }
        const id = this.saveOne(journal, documents, sources, { profileId, document, fingerprint: c.read.fingerprint, fileName: file.fileName });
        if (id === null) outcome.alreadyImported += 1;
        else {
          outcome.saved += 1;
          if (mode === 'queue') {
            try {
              await documents.queue(id, 'first');
              outcome.queued += 1;
            } catch (error) {
              if (!isAppError(error)) throw error;
              outcome.notQueued.push({ document: document.source.name, message: error.message });
            }
          }
        }
        done += 1;
        progress(false);
        if (i < ready.length - 1 && performance.now() > deadline) {
          outcome.more = true;
          break;
        }
        // Lets a cancel (and the rest of the app) in between documents.
        if (mode === 'draft') await new Promise((resolve) => setImmediate(resolve));
      }
      progress(true);
      if (outcome.more) file.carry = { mode, outcome, total, done };
      outcome.message = outcome.more ? `Saved ${done} of ${total} documents so far.` : outcomeMessage(outcome, mode);
      if (!outcome.more) this.deps.logger.info('Import finished', { file: file.fileName, saved: outcome.saved, queued: outcome.queued, alreadyImported: outcome.alreadyImported, rejected: outcome.rejected, cancelled: outcome.cancelled });
      return outcome;
    } finally {
      file.running = null;
    }
  }

  cancel(fileId: string): { cancelling: boolean } {
    const file = this.file(fileId);
    file.carry = null;
    if (file.running === null) return { cancelling: false };
    file.running.cancelled = true;
    return { cancelling: true };
  }

  async rejectedRows(fileId: string, settings: ImportSettings): Promise<{ fileName: string; mimeType: string; text: string }> {
    const c = await this.check(fileId, settings);
    const base = c.file.fileName.replace(/\.[^.]+$/, '');
    return { fileName: `${base} - rejected rows.csv`, mimeType: 'text/csv', text: rejectedRowsCsv(c.read.table, c.checked) };
  }

  close(fileId: string): { closed: boolean } {
    const file = this.files.get(fileId);
    if (file?.running !== null && file?.running !== undefined) file.running.cancelled = true;
    return { closed: this.files.delete(fileId) };
  }

  private saveOne(journal: Journal, documents: DocumentsService, sources: ImportSources, entry: { profileId: string; document: CheckedDocument; fingerprint: string; fileName: string }): string | null {
    try {
      return journal.transaction(() => {
        // Another window may have imported it since the check: the key decides, in this transaction.
        if (sources.imported(entry.profileId, [entry.document.source.sourceKey]).size > 0) return null;
        const saved = documents.saveDraft({ draft: entry.document.draft });
        sources.record({ profileId: entry.profileId, sourceKey: entry.document.source.sourceKey, documentId: saved.id, fingerprint: entry.fingerprint, fileName: entry.fileName, at: this.deps.clock().toISOString() });
        return saved.id;
      });
    } catch (error) {
      this.deps.logger.warn('Import: a document could not be saved; nothing of it was kept', { document: entry.document.source.name, error });
      throw error;
    }
  }

  private async check(fileId: string, given: ImportSettings | null): Promise<Checked> {
    const file = this.file(fileId);
    if (file.received !== file.bytes.length) throw new AppError('CONFLICT', 'The file has not arrived whole. Choose the file again.');
    file.read ??= await readImportFile(file.format, file.bytes);
    const read = file.read;
    const { journal } = this.deps.documents();
    const sources = new ImportSources(journal.db);
    const queries = new EntryQueries(journal.db);
    const profileId = this.deps.activeProfile().id;
    const chosen = given === null ? this.remembered(sources, read) : { settings: given, source: 'chosen' as const };
    const settings = chosen.settings;
    const missing = missingFields(settings.mapping, Math.max(read.table.headers.length, 1));
    const amountColumns = AMOUNT_FIELDS.flatMap((field) => (settings.mapping[field] ?? null) === null ? [] : [settings.mapping[field] as number]);
    const decimalComma = settings.decimalComma ?? usesDecimalComma(read.table, amountColumns, read.reading.separator);
    const base = { ...(await this.deps.checkContext()), lastFiscalisedDate: queries.lastFiscalisedDate(profileId) };
    const checked =
      missing.length > 0
        ? []
        : checkSourceDocuments(sourceDocuments(read.table, settings, decimalComma), base, {
            imported: (keys) => sources.imported(profileId, keys),
            invoiceNamed: (text) => sources.invoiceByNumber(profileId, text) ?? sources.documentOfReference(profileId, text),
            creditedInvoice: (id) => queries.creditedInvoice(profileId, id, null),
          }, settings.mapping, read.table.headers);
    return { file, read, settings, source: chosen.source, decimalComma, missing, checked, base };
  }

  /** The settings last used for this layout of headings, or those its headings suggest. */
  private remembered(sources: ImportSources, read: ReadFile): { settings: ImportSettings; source: 'remembered' | 'matched' } {
    const saved = sources.layout(layoutKey(read.table.headers));
    if (saved !== null) {
      const parsed = importSettingsSchema.safeParse(JSON.parse(saved));
      if (parsed.success) return { settings: parsed.data, source: 'remembered' };
    }
    const mapping = matchColumns(read.table.headers);
    for (const field of IMPORT_FIELDS) mapping[field] ??= null;
    return { settings: { mapping, grouping: mapping.reference === null ? 'row' : 'reference', decimalComma: null, taxInclusive: true }, source: 'matched' };
  }

  private file(fileId: string): OpenFile {
    const file = this.files.get(fileId);
    if (file === undefined) throw new AppError('NOT_FOUND', 'This file is no longer open. Choose it again.');
    return file;
  }

  /** Keeps at most a few files open: the oldest one not being imported goes first. */
  private makeRoom(): void {
    while (this.files.size >= IMPORT_LIMITS.maxOpenFiles) {
      const oldest = [...this.files.entries()].filter(([, file]) => file.running === null).sort((a, b) => a[1].openedAt - b[1].openedAt)[0];
      if (oldest === undefined) throw new AppError('CONFLICT', 'Several files are being imported already. Wait for them to finish.');
      this.files.delete(oldest[0]);
    }
  }
}

function outcomeMessage(o: ImportOutcome, mode: 'draft' | 'queue'): string {
  const docs = (n: number): string => (n === 1 ? '1 document' : `${n} documents`);
  const were = (n: number): string => (n === 1 ? 'was' : 'were');
  const parts: string[] = [];
  if (o.saved === 0 && o.alreadyImported > 0 && o.rejected === 0 && !o.cancelled) return `Nothing new to import: all ${docs(o.alreadyImported)} of this file ${were(o.alreadyImported)} imported before.`;
  if (o.saved === 0) parts.push('Nothing was imported.');
  else if (mode === 'queue') parts.push(`${docs(o.saved)} imported${o.queued === o.saved ? ' and queued for sending.' : `, ${o.queued} of them queued for sending.`}`);
  else parts.push(`${docs(o.saved)} imported as drafts.`);
  if (o.cancelled) parts.push('The import was cancelled: the rest of the file was not imported.');
  if (o.alreadyImported > 0) parts.push(`${docs(o.alreadyImported)} had been imported before and ${were(o.alreadyImported)} left out.`);
  if (o.rejected > 0) parts.push(`${docs(o.rejected)} with problems ${were(o.rejected)} left out: export the rejected rows to fix them.`);
  if (o.notQueued.length > 0) parts.push(`${docs(o.notQueued.length)} could not be queued and ${o.notQueued.length === 1 ? 'waits as a draft' : 'wait as drafts'} in Documents.`);
  return parts.join(' ');
}
