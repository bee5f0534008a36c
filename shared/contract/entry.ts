import { z } from 'zod';
import { channel } from './define';
import { buyerDraftSchema, documentDraftSchema, documentIdSchema, lineDraftSchema } from './documents';
import { PAYMENT_METHODS } from '../domain/fiscal-harmony/schemas/documents';

/*
 * Invoice and credit-note entry: what the form offers (mapped currencies and tax codes with the
 * device's tax for each), the pre-submission check run live while typing, and the journal's
 * memory (returning buyers, earlier lines, invoices that can be credited). Money is decimal text.
 */

const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal string');

export const entryTaxCodeSchema = z.object({
  /** The seller's tax code, as typed on lines. */
  code: z.string(),
  /** The device's (ZIMRA) tax name, or null when the device no longer lists the mapped tax. */
  zimraName: z.string().nullable(),
  /** Decimal text ("15.5"); null for an exempt tax or an unknown one. */
  percent: z.string().nullable(),
  /** False when the device no longer lists the tax: documents with this code would be refused. */
  usable: z.boolean(),
});
export type EntryTaxCode = z.infer<typeof entryTaxCodeSchema>;

export const entryOptionsSchema = z.object({
  currencies: z.array(z.object({ code: z.string(), destination: z.string(), usable: z.boolean() })),
  taxCodes: z.array(entryTaxCodeSchema),
  paymentMethods: z.array(z.enum(PAYMENT_METHODS)),
  /** Why the device's taxes are not known (then percents are missing), or null. */
  deviceProblem: z.string().nullable(),
  /** Whether the active connection is the training simulator. */
  training: z.boolean(),
  /** The shop's standard rate (Settings): the tax code new lines start with; null when none is chosen (or it is no longer usable). */
  standardTaxCode: z.string().nullable(),
});
export type EntryOptions = z.infer<typeof entryOptionsSchema>;

/**
 * A form field a problem belongs to, as a path into the draft: `lines.0.hsCode`, `buyer.tin`,
 * `currency`, `reference`, `date`, `lines` (the lines as a whole), or `document` (nothing the
 * manager can change on this form, e.g. the device or the subscription).
 */
export const fieldPathSchema = z.string().max(60);

export const entryProblemSchema = z.object({
  field: fieldPathSchema,
  /** A stable name of the rule, for tests and for grouping. */
  rule: z.string(),
  /** What is wrong, in a shop manager's words. */
  message: z.string(),
  /** What to do about it. */
  fix: z.string(),
  /** A screen where it is fixed, when not on this form. */
  screen: z.enum(['/mappings', '/device', '/account', '/connections', '/home']).nullable(),
});
export type EntryProblem = z.infer<typeof entryProblemSchema>;

export const documentTotalsSchema = z.object({
  subTotal: decimalString,
  totalTax: decimalString,
  total: decimalString,
});

export const entryCheckInputSchema = z.object({
  /** The document being edited (a draft or a needs-fix document), so it is not counted against itself. */
  id: documentIdSchema.optional(),
  draft: documentDraftSchema,
});
export type EntryCheckInput = z.infer<typeof entryCheckInputSchema>;

export const creditBasisSchema = z.object({
  invoiceId: z.string(),
  number: z.string().nullable(),
  state: z.string(),
  currency: z.string(),
  total: decimalString,
  /** Total of earlier credit notes (fiscalised or on their way). */
  credited: decimalString,
  remaining: decimalString,
  /** The invoice's lines: a credit note's line may not exceed the quantity here. */
  lines: z.array(lineDraftSchema),
});
export type CreditBasis = z.infer<typeof creditBasisSchema>;

export const entryCheckResultSchema = z.object({
  ok: z.boolean(),
  problems: z.array(entryProblemSchema),
  /** Totals as they will be sent, or null while a line's numbers are incomplete. */
  totals: documentTotalsSchema.nullable(),
  /** For a credit note: what the invoice still allows. */
  credit: creditBasisSchema.nullable(),
  /** The buyer name as it will be sent ("Cash <name>" for a buyer without TIN). */
  buyerNameSent: z.string(),
});
export type EntryCheckResult = z.infer<typeof entryCheckResultSchema>;

export const buyerRecordSchema = buyerDraftSchema.extend({
  lastUsedAt: z.string(),
  useCount: z.number().int(),
});
export type BuyerRecord = z.infer<typeof buyerRecordSchema>;

export const lineSuggestionSchema = z.object({
  description: z.string(),
  hsCode: z.string(),
  taxCode: z.string(),
  /** The last unit price used for this description in the currency asked for; null when never sold in it. */
  unitAmount: z.string().nullable(),
  /** The currency of that price (the one asked for). */
  currency: z.string(),
  lastUsedAt: z.string(),
});
export type LineSuggestion = z.infer<typeof lineSuggestionSchema>;

export const creditableInvoiceSchema = z.object({
  id: z.string(),
  number: z.string().nullable(),
  date: z.string().nullable(),
  buyerName: z.string(),
  currency: z.string(),
  total: decimalString,
  remaining: decimalString,
  zimraNumber: z.string().nullable(),
});
export type CreditableInvoice = z.infer<typeof creditableInvoiceSchema>;

const query = z.object({ query: z.string().max(100) });

export const entryChannels = {
  options: channel({
    input: z.undefined(),
    output: entryOptionsSchema,
    description: 'What the form offers: mapped currencies, mapped tax codes with the device\'s tax name and percent, payment methods.',
  }),
  check: channel({
    input: entryCheckInputSchema,
    output: entryCheckResultSchema,
    description: 'Run the pre-submission check on a draft without saving it: each problem on its field, with the fix.',
  }),
  findBuyers: channel({
    input: query,
    output: z.array(buyerRecordSchema),
    description: 'Returning buyers of the active connection whose name or TIN starts with the text typed (most used first).',
  }),
  suggestLines: channel({
    input: query.extend({ currency: z.string().max(10) }),
    output: z.array(lineSuggestionSchema),
    description: 'Earlier lines whose description starts with the text typed: HS code, tax code and the last price in the document\'s currency.',
  }),
  findInvoices: channel({
    input: query,
    output: z.array(creditableInvoiceSchema),
    description: 'Fiscalised invoices by number (or buyer) that still have something left to credit.',
  }),
  creditBasis: channel({
    input: z.object({ invoiceId: documentIdSchema }),
    output: z.object({ basis: creditBasisSchema, draft: documentDraftSchema }),
    description: 'A credit note draft prefilled from a fiscalised invoice, with what remains creditable.',
  }),
};
