import { z } from 'zod';
import { channel } from './define';
import { documentDetailSchema, documentEventSchema, documentIdSchema, documentStateSchema, documentSummarySchema, lineViewSchema, listDocumentsInputSchema } from './documents';
import { currencyTotalSchema, exportFormatSchema, exportResultSchema } from './history';

/*
 * The back office: every till's documents, answered from the shop database (PostgreSQL) that
 * the tills copy to. Only a login with the back office's rights (fiscal_desk_office) reads other
 * tills; everything here is read-only, except starting a credit note, which becomes a draft of
 * this computer's own journal. Money crosses as decimal strings.
 */

const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal string');
const stationIdSchema = z.string().min(1).max(100);
const branchSchema = z.string().max(80);

/** Which documents a list or a total covers: every till, one branch, or one till (by station id). */
export const shopScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('shop') }).strict(),
  z.object({ kind: z.literal('branch'), branch: branchSchema }).strict(),
  z.object({ kind: z.literal('station'), stationId: stationIdSchema }).strict(),
]);
export type ShopScope = z.infer<typeof shopScopeSchema>;

export const shopTillSchema = z.object({
  stationId: z.string(),
  /** The till's own name for itself (its computer's station label). */
  label: z.string(),
  branch: z.string(),
  appVersion: z.string(),
  /** Whether this is the computer asking. */
  thisTill: z.boolean(),
  /** When the till last copied to the shop database (ISO); null before its first copy. */
  lastReplicatedAt: z.string().nullable(),
  /** What the till reported at its last copy. */
  eventsWaiting: z.number().int().nonnegative(),
  outboxBacklog: z.number().int().nonnegative(),
  needsAttention: z.number().int().nonnegative(),
  /** Documents of the till in the shop database. */
  documents: z.number().int().nonnegative(),
});
export type ShopTill = z.infer<typeof shopTillSchema>;

/**
 * Whether this computer can show the back office, and why not: no shop database set up, a login
 * with a till's rights only, the database unreachable. `message` says what to do.
 */
export const shopOfficeReachSchema = z.object({
  available: z.boolean(),
  message: z.string(),
  branches: z.array(z.string()),
  tills: z.array(shopTillSchema),
});
export type ShopOfficeReach = z.infer<typeof shopOfficeReachSchema>;

export const shopListInputSchema = listDocumentsInputSchema.extend({ scope: shopScopeSchema });
export type ShopListInput = z.input<typeof shopListInputSchema>;
export type ShopListQuery = z.output<typeof shopListInputSchema>;

export const shopDocumentSummarySchema = documentSummarySchema.extend({
  stationId: z.string(),
  tillLabel: z.string(),
  branch: z.string(),
});
export type ShopDocumentSummary = z.infer<typeof shopDocumentSummarySchema>;

export const shopDocumentPageSchema = z.object({
  items: z.array(shopDocumentSummarySchema),
  total: z.number().int(),
  offset: z.number().int(),
});
export type ShopDocumentPage = z.infer<typeof shopDocumentPageSchema>;

/** One document as the shop database has it (another till's documents are read here, never changed). */
export const shopDocumentDetailSchema = shopDocumentSummarySchema.extend({
  lines: z.array(lineViewSchema.pick({ description: true, quantity: true, unitAmount: true, discountAmount: true, taxCode: true, hsCode: true, lineAmount: true })),
  subTotal: decimalString.nullable(),
  totalTax: decimalString.nullable(),
  /** A credit note's invoice: its number and id. */
  originalId: z.string().nullable(),
  originalNumber: z.string().nullable(),
  qrUrl: z.string().nullable(),
  events: z.array(documentEventSchema),
  /** An invoice: what every till's credit notes took from it, and what remains creditable. */
  credited: decimalString.nullable(),
  remaining: decimalString.nullable(),
  /** When the till last copied this document. */
  copiedAt: z.string(),
});
export type ShopDocumentDetail = z.infer<typeof shopDocumentDetailSchema>;

export const shopTotalsRowSchema = z.object({
  /** The till's station id, or the branch's name, the row is for. */
  key: z.string(),
  label: z.string(),
  branch: z.string(),
  today: z.array(currencyTotalSchema),
  month: z.array(currencyTotalSchema),
});
export type ShopTotalsRow = z.infer<typeof shopTotalsRowSchema>;

export const shopDashboardSchema = z.object({
  /** The day and month the totals are for (CAT). */
  today: z.string(),
  month: z.string(),
  /** Fiscalised documents only; credit notes are subtracted. */
  todayTotals: z.array(currencyTotalSchema),
  monthTotals: z.array(currencyTotalSchema),
  byTill: z.array(shopTotalsRowSchema),
  byBranch: z.array(shopTotalsRowSchema),
  countsByState: z.record(documentStateSchema, z.number().int()),
  refusalReasons: z.array(z.object({ reason: z.string(), documents: z.number().int() })),
  /** Documents needing the manager (needs-fix, needs-attention, rejected in the last 30 days) across the scope, per till. */
  needsAttention: z.array(z.object({ stationId: z.string(), label: z.string(), branch: z.string(), documents: z.number().int() })),
});
export type ShopDashboard = z.infer<typeof shopDashboardSchema>;

export const shopExportInputSchema = shopListInputSchema.omit({ offset: true, limit: true }).extend({ format: exportFormatSchema });
export type ShopExportInput = z.input<typeof shopExportInputSchema>;

export const shopOfficeChannels = {
  reach: channel({
    input: z.undefined(),
    output: shopOfficeReachSchema,
    description: 'Whether this computer may show every till from the shop database (and why not), with the branches and tills it knows.',
  }),
  list: channel({
    input: shopListInputSchema,
    output: shopDocumentPageSchema,
    description: 'A page of every till’s documents (or a branch’s, or one till’s) from the shop database, filtered and sorted as the local list is.',
  }),
  get: channel({
    input: z.object({ id: documentIdSchema }),
    output: shopDocumentDetailSchema,
    description: 'One document as the shop database has it, with its lines, events and, for an invoice, what remains creditable across every till.',
  }),
  dashboard: channel({
    input: z.object({ scope: shopScopeSchema }),
    output: shopDashboardSchema,
    description: 'Totals per currency for the shop, each branch and each till, refusal reasons and documents needing attention across the scope.',
  }),
  export: channel({
    input: shopExportInputSchema,
    output: exportResultSchema,
    description: 'The filtered list of every till’s documents as a CSV or Excel file, with the till and branch of each.',
  }),
  startCreditNote: channel({
    input: z.object({ invoiceId: documentIdSchema }),
    output: documentDetailSchema,
    description: 'Start a credit note on this computer for an invoice another till fiscalised: a draft with the invoice’s buyer and lines, limited by what every till has credited.',
  }),
};
