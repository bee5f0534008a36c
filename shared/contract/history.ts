import { z } from 'zod';
import { channel } from './define';
import { documentIdSchema, documentKindSchema, documentStateSchema, listDocumentsInputSchema } from './documents';

/*
 * What the history needs beyond documents:*: the service's PDF kept in the data folder, saving
 * and exporting files, the dashboard and the data of the app's own print layouts. Money crosses
 * as decimal strings.
 */

const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal string');

/**
 * A file main produced. The desktop app saves it through a save dialog in main (`saved` or
 * `cancelled`); browser mode has no dialog in main, so it answers the bytes for the page to
 * download (`download`).
 */
export const fileDeliverySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('saved'), path: z.string() }),
  z.object({ kind: z.literal('cancelled') }),
  z.object({ kind: z.literal('download'), fileName: z.string(), mimeType: z.string(), base64: z.string() }),
]);
export type FileDelivery = z.infer<typeof fileDeliverySchema>;

export const pdfFileSchema = z.object({
  fileName: z.string(),
  base64: z.string(),
  /** Made by the training simulator: not a fiscal document. */
  training: z.boolean(),
});
export type PdfFile = z.infer<typeof pdfFileSchema>;

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const exportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

/** The list's filters and sort (paging aside) and the file format. */
export const exportInputSchema = listDocumentsInputSchema.omit({ offset: true, limit: true }).extend({ format: exportFormatSchema });
export type ExportInput = z.input<typeof exportInputSchema>;

export const currencyTotalSchema = z.object({ currency: z.string(), documents: z.number().int(), total: decimalString });
export type CurrencyTotal = z.infer<typeof currencyTotalSchema>;

export const exportResultSchema = z.object({
  rows: z.number().int(),
  totals: z.array(currencyTotalSchema),
  file: fileDeliverySchema,
});
export type ExportResult = z.infer<typeof exportResultSchema>;

export const dashboardAlertSchema = z.object({
  code: z.enum(['needs-attention', 'needs-fix', 'status-window', 'subscription', 'certificate', 'outbox-offline', 'outbox-paused', 'account-unchecked', 'disk-full']),
  severity: z.enum(['info', 'warning', 'blocker']),
  message: z.string(),
  /** What to do, in plain words. */
  nextStep: z.string(),
  /** Where the manager fixes it: a renderer route (with a query string for document filters). */
  link: z.string().nullable(),
  /** How many documents it concerns, when it is about documents. */
  count: z.number().int().nullable(),
  /** What the alert's button does right there: ask about every waiting document now, or resume sending. */
  action: z.enum(['retry-now', 'resume-sending']).nullable(),
});
export type DashboardAlert = z.infer<typeof dashboardAlertSchema>;

export const dashboardSchema = z.object({
  /** The day and month the totals are for (CAT), `YYYY-MM-DD` and `YYYY-MM`. */
  today: z.string(),
  month: z.string(),
  /** Fiscalised documents only; credit notes are subtracted. */
  todayTotals: z.array(currencyTotalSchema),
  monthTotals: z.array(currencyTotalSchema),
  countsByState: z.record(documentStateSchema, z.number().int()),
  /** The service's most frequent refusal reasons over the last 30 days. */
  refusalReasons: z.array(z.object({ reason: z.string(), documents: z.number().int() })),
  alerts: z.array(dashboardAlertSchema),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

const text = z.string().nullable();

/** How a document prints: the fiscal original, a reprint of it (COPY), or not fiscal yet. */
export const PRINT_KINDS = ['fiscal', 'copy', 'not-fiscal'] as const;
export const printKindSchema = z.enum(PRINT_KINDS);
export type PrintKind = z.infer<typeof printKindSchema>;

export const PRINT_LAYOUTS = ['a4', 'receipt'] as const;
export const printLayoutSchema = z.enum(PRINT_LAYOUTS);
export type PrintLayoutName = z.infer<typeof printLayoutSchema>;

/**
 * What the A4 invoice and the 80 mm receipt print (docs/zimra-print.md: ZIMRA's fields and where
 * each comes from). Seller, device and tax table come from the copy saved when the document was
 * queued; `sellerNote` and `taxesNote` say so when a document has none (fiscalised before copies
 * were kept, or the device could not be read then).
 */
export const receiptSchema = z.object({
  id: z.string(),
  kind: documentKindSchema,
  state: documentStateSchema,
  training: z.boolean(),
  printAs: printKindSchema,
  /** "FISCAL TAX INVOICE", "FISCAL INVOICE" or "FISCAL CREDIT NOTE"; null when not fiscal yet. */
  heading: text,
  number: text,
  date: text,
  currency: z.string(),
  taxInclusive: z.boolean(),
  reference: z.string(),
  seller: z.object({
    legalName: text,
    /** Only when it differs from the legal name (ZS item 5). */
    branchName: text,
    tin: text,
    vatNumber: text,
    address: text,
    phone: text,
    email: text,
  }),
  /** Where the seller block comes from, when not from the saved copy; or why it is missing. */
  sellerNote: text,
  device: z.object({ serial: text, id: z.number().int().nullable() }),
  buyer: z.object({
    name: z.string(),
    tradeName: z.string(),
    tin: z.string(),
    vatNumber: z.string(),
    address: z.string(),
    phone: z.string(),
    email: z.string(),
  }),
  lines: z.array(
    z.object({
      description: z.string(),
      hsCode: z.string(),
      quantity: z.string(),
      unitAmount: z.string(),
      discountAmount: z.string(),
      taxCode: z.string(),
      /** ZIMRA's tax % of the line (null = exempt or unknown). */
      taxPercent: text,
      lineAmount: decimalString.nullable(),
    }),
  ),
  /** ZIMRA's "Number of Items": the sum of the quantities. */
  itemCount: decimalString,
  /** Per rate: net, VAT and amount including VAT (empty when the seller is not VAT-registered). */
  taxTable: z.array(z.object({ taxCode: z.string(), taxName: text, percent: text, net: decimalString, tax: decimalString, gross: decimalString })),
  /** Set when the tax table was worked out again from today's mappings (no saved copy). */
  taxesNote: text,
  totals: z.object({ subTotal: decimalString, totalTax: decimalString, total: decimalString }).nullable(),
  payments: z.array(z.object({ method: z.string(), amount: decimalString })),
  /** ZIMRA's receipt data; null until fiscalised. */
  fiscal: z
    .object({
      receiptCounter: z.number().int(),
      /** From the QR address's tail; null when the service's QR address cannot be read. */
      receiptGlobalNo: z.number().int().nullable(),
      fiscalDay: z.number().int(),
      qrCodeUrl: z.string(),
      verificationCode: z.string(),
      /** Where to verify by hand (the QR address without its tail); null when unreadable. */
      verifySite: text,
      /** Why the service's QR code cannot be used, or null. */
      qrProblem: text,
    })
    .nullable(),
  /** A credit note's invoice, as ZIMRA prints it (items 25–28). */
  creditedInvoice: z
    .object({ number: text, date: text, deviceSerial: text, receiptGlobalNo: z.number().int().nullable() })
    .nullable(),
  /** Fiscal printouts so far: a further one is a COPY. */
  fiscalPrints: z.number().int(),
});
export type Receipt = z.infer<typeof receiptSchema>;

const byId = z.object({ id: documentIdSchema });

export const historyChannels = {
  pdf: channel({
    input: byId,
    output: pdfFileSchema,
    description: "The service's PDF of a fiscalised document, downloaded once and then read from the data folder.",
  }),
  savePdf: channel({
    input: byId,
    output: fileDeliverySchema,
    description: "Save the service's PDF of a document where the manager chooses.",
  }),
  export: channel({
    input: exportInputSchema,
    output: exportResultSchema,
    description: 'The filtered list as CSV or XLSX, with totals per currency.',
  }),
  dashboard: channel({
    input: z.undefined(),
    output: dashboardSchema,
    description: "Today's and this month's totals, counts by state, refusal reasons and alerts for the active connection.",
  }),
  receipt: channel({
    input: byId,
    output: receiptSchema,
    description: 'Everything the A4 invoice and the 80 mm receipt print: seller, buyer, lines, tax per rate, QR.',
  }),
  recordPrint: channel({
    input: z.object({ id: documentIdSchema, layout: printLayoutSchema }),
    output: z.object({ printAs: printKindSchema }),
    description: "Notes a printout in the document's timeline; a fiscal document's next printout is a COPY.",
  }),
};
