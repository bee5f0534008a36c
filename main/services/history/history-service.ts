import type { DatabaseSync } from 'node:sqlite';
import type { DeviceView } from '../../../shared/contract/device';
import type { Dashboard, ExportResult, FileDelivery, PdfFile, PrintKind, PrintLayoutName, Receipt } from '../../../shared/contract/history';
import type { exportInputSchema } from '../../../shared/contract/history';
import type { OutboxState } from '../../../shared/contract/outbox';
import { AppError, isAppError } from '../../../shared/errors';
import type { z } from 'zod';
import type { Logger } from '../../logging/logger';
import type { DocumentRow, LineRow } from '../../store/journal/document-rows';
import type { DocumentsRepo } from '../../store/journal/documents-repo';
import { countHistory, iterateHistory } from '../../store/journal/history-query';
import type { MappedTaxCode } from '../mappings/mappings-service';
import { dashboardAlerts, readDashboardFacts } from './dashboard';
import type { DiskFull } from '../../store/storage-health';
import { buildExport, deliverFile, EXPORT_MAX_ROWS } from './history-export';
import type { PdfDownloader, PdfStore } from './pdf-store';
import { buildReceipt, foreignOriginalRow, printKindOf } from './receipt';
import { fiscalPrints, readFiscalCopy, savePrint } from '../../store/journal/fiscal-copies';
import { fiscalTaxesOf } from '../../store/journal/fiscal-taxes';

/** A file for the manager to keep. */
export interface FileToSave {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

/**
 * Saves a file where the manager chooses (the desktop app's save dialog, in main/app). Resolves
 * to the path, or null when the manager cancelled. Browser mode has none: the page downloads.
 */
export type FileSaver = (file: FileToSave) => Promise<string | null>;

export interface HistoryDeps {
  /** The journal's connection. */
  db: () => DatabaseSync;
  /** The journal's documents, for the timeline's print events. */
  repo: DocumentsRepo;
  /** The active connection: its id and whether it is the training simulator. */
  activeProfile: () => { id: string; training: boolean };
  /** The active connection's PDF download (Fiscal Harmony client). */
  pdfDownloader: () => Promise<PdfDownloader>;
  device: () => Promise<DeviceView>;
  taxCodes: () => Promise<MappedTaxCode[]>;
  outboxState: () => Promise<OutboxState>;
  /** Where the last write failed for lack of space, or null once one went through. */
  diskFull?: () => DiskFull | null;
  pdfs: PdfStore;
  saveFile: FileSaver | null;
  logger: Logger;
  clock: () => Date;
  /** How long the dashboard waits for the device check before showing what it has. */
  deviceTimeoutMs?: number;
}

type ExportInput = z.output<typeof exportInputSchema>;

const notFound = () => new AppError('NOT_FOUND', 'This document is not in the journal of the active connection. It may belong to another connection.');

/** What the Documents screen and the dashboard need beyond documents:* (issue 12). */
export class HistoryService {
  constructor(private readonly deps: HistoryDeps) {}

  private document(id: string): { row: DocumentRow; training: boolean } {
    const profile = this.deps.activeProfile();
    const row = this.deps.db().prepare('SELECT * FROM documents WHERE id = ? AND profile_id = ?').get(id, profile.id) as DocumentRow | undefined;
    if (row === undefined) throw notFound();
    return { row, training: profile.training };
  }

  private async pdfBytes(id: string): Promise<{ bytes: Uint8Array; row: DocumentRow; training: boolean }> {
    const { row, training } = this.document(id);
    if (row.pdf_token === null) {
      throw new AppError('NOT_FOUND', row.state === 'fiscalised'
        ? 'Fiscal Harmony has not given a PDF for this document. Print it with Fiscal Desk\'s own layout instead.'
        : 'This document has no PDF yet: Fiscal Harmony makes one when it fiscalises the document.');
    }
    const token = row.pdf_token;
    const bytes = await this.deps.pdfs.get(row.id, token, async (file) => (await this.deps.pdfDownloader())(file));
    return { bytes, row, training };
  }

  private static pdfName(row: DocumentRow): string {
    return `${(row.number ?? row.id).replace(/[^\p{L}\p{N}\-_.]/gu, '_')}.pdf`;
  }

  async pdf(id: string): Promise<PdfFile> {
    const { bytes, row, training } = await this.pdfBytes(id);
    return { fileName: HistoryService.pdfName(row), base64: Buffer.from(bytes).toString('base64'), training };
  }

  async savePdf(id: string): Promise<FileDelivery> {
    const { bytes, row } = await this.pdfBytes(id);
    return this.deliver({ fileName: HistoryService.pdfName(row), mimeType: 'application/pdf', bytes });
  }

  async export(input: ExportInput): Promise<ExportResult> {
    const profile = this.deps.activeProfile();
    const db = this.deps.db();
    const { format, sort, ...filter } = input;
    const count = countHistory(db, profile.id, filter);
    if (count > EXPORT_MAX_ROWS) {
      throw new AppError('INVALID_INPUT', `The list has ${count.toLocaleString('en')} documents; an export holds at most ${EXPORT_MAX_ROWS.toLocaleString('en')}. Narrow it with a date range or other filters, then export again.`);
    }
    const file = await buildExport(iterateHistory(db, profile.id, filter, sort), format, this.deps.clock(), fiscalTaxesOf(db));
    return { rows: file.rows, totals: file.totals, file: await this.deliver(file) };
  }

  async dashboard(): Promise<Dashboard> {
    const profile = this.deps.activeProfile();
    const facts = readDashboardFacts(this.deps.db(), profile.id, this.deps.clock());
    const [outbox, device] = await Promise.all([
      this.deps.outboxState().catch((error: unknown) => {
        this.deps.logger.warn('Dashboard: the outbox state could not be read', { error });
        return null;
      }),
      this.deviceOrReason(),
    ]);
    const { nearStatusWindow: _near, ...shown } = facts;
    return { ...shown, alerts: dashboardAlerts({ facts, outbox, device, diskFull: this.deps.diskFull?.() ?? null }) };
  }

  async receipt(id: string): Promise<Receipt> {
    const { row, training } = this.document(id);
    const db = this.deps.db();
    const lines = db.prepare('SELECT * FROM document_lines WHERE document_id = ? ORDER BY position').all(id) as unknown as LineRow[];
    const copy = readFiscalCopy(db, id);
    const originalRow = row.original_id === null
      ? undefined
      : ((db.prepare('SELECT id, number, issued_at, qr_url FROM documents WHERE id = ?').get(row.original_id) as (Pick<DocumentRow, 'id' | 'number' | 'issued_at' | 'qr_url'>) | undefined) ?? foreignOriginalRow(db, row.original_id));
    const original = originalRow === undefined
      ? null
      : { ...originalRow, deviceSerial: readFiscalCopy(db, originalRow.id)?.seller?.deviceSerial ?? copy?.seller?.deviceSerial ?? null };
    return buildReceipt({
      row,
      lines,
      copy,
      original,
      fiscalPrints: fiscalPrints(db, id),
      training,
      now: this.deps.clock(),
      live: async () => {
        const [device, taxCodes] = await Promise.all([this.deviceOrReason(), this.deps.taxCodes().catch(() => [] as MappedTaxCode[])]);
        return { device, taxCodes };
      },
    });
  }

  /**
   * Notes a printout: counted, and in the document's timeline (no change of state). The first
   * fiscal printout is the original; every later one prints as COPY.
   */
  recordPrint(id: string, layout: PrintLayoutName): { printAs: PrintKind } {
    const { row } = this.document(id);
    const db = this.deps.db();
    const at = this.deps.clock().toISOString();
    const printAs = printKindOf(row.state, fiscalPrints(db, id));
    const what = layout === 'a4' ? 'A4' : '80 mm';
    const note = printAs === 'fiscal' ? `Printed (${what})` : printAs === 'copy' ? `Reprinted as COPY (${what})` : `Printed as NOT A FISCAL DOCUMENT (${what})`;
    this.deps.repo.note(id, at, note, () => savePrint(db, id, at, layout, printAs !== 'not-fiscal'));
    return { printAs };
  }

  private async deviceOrReason(): Promise<{ ok: true; value: DeviceView } | { ok: false; reason: string }> {
    const timeoutMs = this.deps.deviceTimeoutMs ?? 5000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new AppError('TIMEOUT', 'Fiscal Harmony did not answer in time.')), timeoutMs);
    });
    try {
      return { ok: true, value: await Promise.race([this.deps.device(), timeout]) };
    } catch (error) {
      return { ok: false, reason: isAppError(error) ? error.message : 'Fiscal Harmony could not be asked.' };
    } finally {
      clearTimeout(timer);
    }
  }

  private deliver(file: FileToSave): Promise<FileDelivery> {
    return deliverFile(this.deps.saveFile, file);
  }
}
