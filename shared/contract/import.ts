import { z } from 'zod';
import { channel } from './define';
import { documentKindSchema } from './documents';

/*
 * Importing invoices and credit notes from a CSV, TSV or XLSX file (a till's export, a sheet kept
 * during an outage). The file crosses in chunks (browser mode takes 1 MiB per call), main reads
 * it, and a preview shows every document with the pre-submission check's problems on their row
 * and cell before anything is saved. Money is decimal text, read digit for digit from the cells.
 */

/** Fields a column can fill, in the order the template lists them. */
export const IMPORT_FIELDS = [
  'reference',
  'kind',
  'date',
  'currency',
  'paymentMethod',
  'taxInclusive',
  'buyerName',
  'buyerTin',
  'buyerVat',
  'description',
  'quantity',
  'unitAmount',
  'discountAmount',
  'taxCode',
  'hsCode',
  'originalInvoice',
  'creditReason',
] as const;
export const importFieldSchema = z.enum(IMPORT_FIELDS);
export type ImportField = z.infer<typeof importFieldSchema>;

/** What each field is called on screen and in the template's headings. */
export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  reference: 'Invoice reference',
  kind: 'Document type',
  date: 'Date',
  currency: 'Currency',
  paymentMethod: 'Payment method',
  taxInclusive: 'Prices include tax',
  buyerName: 'Buyer name',
  buyerTin: 'Buyer TIN',
  buyerVat: 'Buyer VAT number',
  description: 'Description',
  quantity: 'Quantity',
  unitAmount: 'Unit price',
  discountAmount: 'Discount',
  taxCode: 'Tax code',
  hsCode: 'HS code',
  originalInvoice: 'Original invoice',
  creditReason: 'Credit reason',
};

/** Without these a line cannot be read. */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['currency', 'description', 'quantity', 'unitAmount', 'taxCode', 'hsCode'];

export const fileIdSchema = z.uuid({ error: 'This is not an import file id' });

/** Each field's column (0-based), or null when no column fills it. */
export const columnMappingSchema = z.partialRecord(importFieldSchema, z.number().int().min(0).max(199).nullable());
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export const importSettingsSchema = z.object({
  mapping: columnMappingSchema,
  /** `reference`: rows with the same invoice reference are one document (one row per line). `row`: each row is a document. */
  grouping: z.enum(['reference', 'row']),
  /** Null: as detected in the file. */
  decimalComma: z.boolean().nullable(),
  /** Prices include tax when no column says so. */
  taxInclusive: z.boolean(),
});
export type ImportSettings = z.infer<typeof importSettingsSchema>;

const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal string');

export const importProblemSchema = z.object({
  /** The row in the file (the heading row is 1). */
  row: z.number().int(),
  /** The cell (`D17`) and its column's heading, when the problem is in one cell. */
  cell: z.string().nullable(),
  column: z.string().nullable(),
  /** The document it belongs to, as the file names it (its reference, or `Row 17`). */
  document: z.string(),
  /** A stable name of the rule: the pre-submission check's (`hs-code`, `tax-unmapped`...) or the file's own (`import-...`). */
  rule: z.string(),
  message: z.string(),
  fix: z.string(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

export const importDocumentStatusSchema = z.enum(['ready', 'problem', 'already-imported']);

export const previewDocumentSchema = z.object({
  /** The document as the file names it: its reference, or `Row 17`. */
  name: z.string(),
  kind: documentKindSchema,
  status: importDocumentStatusSchema,
  rows: z.array(z.number().int()),
  date: z.string(),
  buyerName: z.string(),
  currency: z.string(),
  lines: z.array(
    z.object({
      row: z.number().int(),
      description: z.string(),
      quantity: z.string(),
      unitAmount: z.string(),
      discountAmount: z.string(),
      taxCode: z.string(),
      hsCode: z.string(),
      lineAmount: decimalString.nullable(),
    }),
  ),
  totals: z.object({ subTotal: decimalString, totalTax: decimalString, total: decimalString }).nullable(),
  problemCount: z.number().int(),
});
export type PreviewDocument = z.infer<typeof previewDocumentSchema>;

export const fileReadingSchema = z.object({
  format: z.enum(['csv', 'tsv', 'xlsx']),
  encoding: z.string().nullable(),
  separator: z.string().nullable(),
  decimalComma: z.boolean(),
  /** Data rows below the headings. */
  rows: z.number().int(),
  /** The first 12 hex digits of the file's SHA-256: the same file always shows the same. */
  fingerprint: z.string(),
});
export type FileReadingView = z.infer<typeof fileReadingSchema>;

export const importPreviewSchema = z.object({
  fileId: fileIdSchema,
  fileName: z.string(),
  reading: fileReadingSchema,
  headers: z.array(z.string()),
  settings: importSettingsSchema,
  /** Where the mapping came from: remembered for this file layout, matched from the headings, or as chosen. */
  settingsSource: z.enum(['remembered', 'matched', 'chosen']),
  /** Required fields with no column yet. */
  missing: z.array(importFieldSchema),
  summary: z.object({
    documents: z.number().int(),
    ready: z.number().int(),
    withProblems: z.number().int(),
    alreadyImported: z.number().int(),
    rejectedRows: z.number().int(),
  }),
  /** The first documents (all of them up to a few hundred). */
  documents: z.array(previewDocumentSchema),
  /** The first problems (all of them up to a thousand), in row order. */
  problems: z.array(importProblemSchema),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importOutcomeSchema = z.object({
  saved: z.number().int(),
  queued: z.number().int(),
  alreadyImported: z.number().int(),
  rejected: z.number().int(),
  cancelled: z.boolean(),
  /** The call used its time: call import:run again to go on (the counts so far are carried over). */
  more: z.boolean(),
  /** What happened, in one or two sentences. */
  message: z.string(),
  /** Documents saved as drafts that could not be queued, and why (e.g. the numbering must be confirmed first). */
  notQueued: z.array(z.object({ document: z.string(), message: z.string() })),
});
export type ImportOutcome = z.infer<typeof importOutcomeSchema>;

export const importProgressSchema = z.object({
  fileId: z.string(),
  done: z.number().int(),
  total: z.number().int(),
});
export type ImportProgress = z.infer<typeof importProgressSchema>;

const textFileSchema = z.object({ fileName: z.string(), mimeType: z.string(), text: z.string() });

const byFile = z.object({ fileId: fileIdSchema });

export const importChannels = {
  open: channel({
    input: z.object({ fileName: z.string().min(1).max(255), size: z.number().int().min(0) }),
    output: z.object({ fileId: fileIdSchema }),
    description: 'Start reading a chosen file (its name and size are checked first); its bytes follow with import:chunk.',
  }),
  chunk: channel({
    input: z.object({ fileId: fileIdSchema, offset: z.number().int().min(0), data: z.string().max(700_000).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64') }),
    output: z.object({ received: z.number().int() }),
    description: 'The next part of the file, base64 (at most 700,000 characters), at its byte offset.',
  }),
  preview: channel({
    input: byFile.extend({ settings: importSettingsSchema.nullable() }),
    output: importPreviewSchema,
    description: 'Read the file (settings null: the mapping remembered for its layout, or matched from its headings) and check every document as invoice entry would, saving nothing.',
  }),
  run: channel({
    input: byFile.extend({ settings: importSettingsSchema, mode: z.enum(['draft', 'queue']) }),
    output: importOutcomeSchema,
    description: 'Save every document without problems (as drafts, or queued for sending), each with its source key so it is never imported twice; progress as import:progress. A call answers `more` after about ten seconds: call it again to go on.',
  }),
  cancel: channel({
    input: byFile,
    output: z.object({ cancelling: z.boolean() }),
    description: 'Stop a running import after the document being saved (every document is saved whole or not at all).',
  }),
  rejectedRows: channel({
    input: byFile.extend({ settings: importSettingsSchema }),
    output: textFileSchema,
    description: 'The rows left out, as CSV with the reason in its own column (cells that a spreadsheet would run as formulas neutralised).',
  }),
  template: channel({
    input: z.undefined(),
    output: textFileSchema,
    description: 'A CSV with the expected column headings and two example lines.',
  }),
  close: channel({
    input: byFile,
    output: z.object({ closed: z.boolean() }),
    description: 'Forget a file that was read (its bytes are dropped).',
  }),
};
