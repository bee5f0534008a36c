import { z } from 'zod';
import { channel } from './define';
import { PAYMENT_METHODS } from '../domain/fiscal-harmony/schemas/documents';

/*
 * Invoices and credit notes kept in the local journal (DESIGN.md section 5). Money crosses IPC as
 * decimal strings, never as JS numbers. A draft is saved as typed (half-typed amounts included),
 * so nothing the manager typed is lost; strict checks happen when the draft is queued.
 */

export const DOCUMENT_KINDS = ['invoice', 'credit-note'] as const;
export const documentKindSchema = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof documentKindSchema>;

export const DOCUMENT_STATES = ['draft', 'queued', 'sending', 'submitted', 'fiscalised', 'needs-fix', 'rejected', 'needs-attention'] as const;
export const documentStateSchema = z.enum(DOCUMENT_STATES);
export type DocumentState = z.infer<typeof documentStateSchema>;

/** States the manager may still edit (and so save as a draft). */
export const EDITABLE_STATES: readonly DocumentState[] = ['draft', 'needs-fix'];

export const MAX_LINES = 500;
const MAX_TEXT = 500;

/** Free text as typed: kept whole (up to a generous limit), trimmed only when checked. */
const typed = (max = MAX_TEXT) => z.string().max(max, `Keep this to ${max} characters or fewer`);
/** A decimal as typed in a form field ("12.", "" and "1,5" included); checked when queued. */
const typedAmount = z.string().max(40, 'This number is too long');

export const documentIdSchema = z.uuid({ error: 'This is not a document id' });

export const buyerAddressDraftSchema = z.object({
  province: typed(100),
  street: typed(200),
  houseNo: typed(50),
  city: typed(100),
});
export type BuyerAddressDraft = z.infer<typeof buyerAddressDraftSchema>;

export const buyerDraftSchema = z.object({
  name: typed(200),
  tradeName: typed(200),
  /** 10 digits when given. */
  tin: typed(40),
  /** 9 digits, only with a TIN. */
  vatNumber: typed(40),
  phone: typed(60),
  email: typed(200),
  address: buyerAddressDraftSchema,
});
export type BuyerDraft = z.infer<typeof buyerDraftSchema>;

export const lineDraftSchema = z.object({
  description: typed(),
  quantity: typedAmount,
  unitAmount: typedAmount,
  discountAmount: typedAmount,
  /** The seller's tax code, as mapped in Mappings. */
  taxCode: typed(50),
  /** The 8-digit HS code. */
  hsCode: typed(20),
});
export type LineDraft = z.infer<typeof lineDraftSchema>;

export const paymentMethodSchema = z.enum(PAYMENT_METHODS);

export const documentDraftSchema = z.object({
  kind: documentKindSchema,
  /** ISO date-time with offset (CAT) as the manager set it; empty = the moment it is queued. */
  date: typed(40),
  /** The seller's currency code (a mapped one). */
  currency: typed(10),
  paymentMethod: paymentMethodSchema,
  taxInclusive: z.boolean(),
  /** Order reference on an invoice; the reason on a credit note. */
  reference: typed(),
  buyer: buyerDraftSchema,
  lines: z.array(lineDraftSchema).max(MAX_LINES, `A document can have at most ${MAX_LINES} lines`),
  /** Credit notes: the local id of the fiscalised invoice being credited. */
  originalInvoiceId: documentIdSchema.nullable(),
});
export type DocumentDraft = z.infer<typeof documentDraftSchema>;

export const saveDraftInputSchema = z.object({
  /** Absent: a new draft. Present: that draft (or needs-fix document) is replaced. */
  id: documentIdSchema.optional(),
  draft: documentDraftSchema,
});
export type SaveDraftInput = z.infer<typeof saveDraftInputSchema>;

const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal string');

export const qrInfoSchema = z.object({
  qrCodeUrl: z.string(),
  verificationCode: z.string(),
  fiscalDay: z.number().int(),
  deviceId: z.number().int(),
  /** ZIMRA's receipt number; printed as `zimraInvoiceNumber/fiscalDay`. */
  zimraInvoiceNumber: z.number().int(),
});
export type QrInfo = z.infer<typeof qrInfoSchema>;

/** What the manager reads about a state: a plain sentence and what to do next. */
export const stateExplanationSchema = z.object({
  title: z.string(),
  detail: z.string(),
  nextStep: z.string().nullable(),
});
export type StateExplanation = z.infer<typeof stateExplanationSchema>;

export const documentSummarySchema = z.object({
  id: z.string(),
  profileId: z.string(),
  kind: documentKindSchema,
  state: documentStateSchema,
  /** The seller's number (assigned when queued); null for a draft. */
  number: z.string().nullable(),
  date: z.string().nullable(),
  buyerName: z.string(),
  buyerTin: z.string().nullable(),
  currency: z.string(),
  /** Decimal string; null while a draft's amounts cannot be computed. */
  total: decimalString.nullable(),
  verificationCode: z.string().nullable(),
  /** `InvoiceNumber/FiscalDay` from ZIMRA, once fiscalised. */
  zimraNumber: z.string().nullable(),
  /** The service's words when it refused (or null). */
  serviceError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DocumentSummary = z.infer<typeof documentSummarySchema>;

export const lineViewSchema = lineDraftSchema.extend({
  /** Computed `LineAmount`, or null while the line's numbers are incomplete. */
  lineAmount: decimalString.nullable(),
});

export const documentEventSchema = z.object({
  at: z.string(),
  from: documentStateSchema.nullable(),
  to: documentStateSchema,
  note: z.string(),
});
export type DocumentEvent = z.infer<typeof documentEventSchema>;

export const documentDetailSchema = documentSummarySchema.extend({
  draft: documentDraftSchema,
  lines: z.array(lineViewSchema),
  totals: z
    .object({ subTotal: decimalString, totalTax: decimalString, total: decimalString })
    .nullable(),
  explanation: stateExplanationSchema,
  /** The invoice a credit note credits: its seller's number. */
  originalInvoiceNumber: z.string().nullable(),
  /** Whether the next send says `IsRetry`. */
  isRetry: z.boolean(),
  attempts: z.number().int(),
  requestId: z.string().nullable(),
  qr: qrInfoSchema.nullable(),
  /** True when the service has a PDF of the fiscalised document. */
  pdfAvailable: z.boolean(),
  training: z.boolean(),
  events: z.array(documentEventSchema),
  /** Fiscalised on the manager's word, from the verification code or QR address found in the portal (not from the service). */
  confirmedFromPortal: z.boolean(),
  /** Needs attention, and the last check found none of its requests at Fiscal Harmony: "It never arrived" may re-send it as a retry. */
  neverArrivedOffered: z.boolean(),
});
export type DocumentDetail = z.infer<typeof documentDetailSchema>;

export const LIST_PAGE_MAX = 200;

export const listDocumentsInputSchema = z.object({
  /** Seller number, buyer name or TIN, amount, ZIMRA number or verification code. */
  search: z.string().max(100).default(''),
  kinds: z.array(documentKindSchema).max(DOCUMENT_KINDS.length).default([]),
  states: z.array(documentStateSchema).max(DOCUMENT_STATES.length).default([]),
  currency: z.string().max(10).default(''),
  /** Inclusive day bounds, `YYYY-MM-DD` in CAT. */
  dateFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-21').nullable().default(null),
  dateTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-21').nullable().default(null),
  sort: z.enum(['newest', 'oldest', 'number', 'total-desc', 'total-asc']).default('newest'),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(LIST_PAGE_MAX).default(50),
});
export type ListDocumentsInput = z.input<typeof listDocumentsInputSchema>;
export type ListDocumentsQuery = z.output<typeof listDocumentsInputSchema>;

export const documentPageSchema = z.object({
  items: z.array(documentSummarySchema),
  /** How many documents match the filters in all. */
  total: z.number().int(),
  offset: z.number().int(),
  /** True: a broad search, counted only this far; more documents match than `total`. */
  capped: z.literal(true).optional(),
});
export type DocumentPage = z.infer<typeof documentPageSchema>;

/** ZIMRA's invoiceNo is String(50) (zimra-rules.md, RCPT013). */
export const NUMBER_MAX_LENGTH = 50;
/** At most 12 digits after the prefix. */
export const NUMBER_VALUE_MAX = 999_999_999_999;
/** Short enough for a receipt; with the 12 digits a number stays within NUMBER_MAX_LENGTH (20 + 12 <= 50). */
export const PREFIX_MAX_LENGTH = 20;

const prefixSchema = z
  .string()
  .max(PREFIX_MAX_LENGTH, `At most ${PREFIX_MAX_LENGTH} characters: a number may not be longer than ${NUMBER_MAX_LENGTH}`)
  .regex(/^[\p{L}\p{N}\-_/.]*$/u, 'Use letters, digits and - _ / . only');
const nextValueSchema = z.number().int().min(1).max(NUMBER_VALUE_MAX);

export const numberingSchema = z.object({
  invoicePrefix: prefixSchema,
  creditNotePrefix: prefixSchema,
  /**
   * The next invoice (credit note) number's value, when the manager sets or confirms it: refused
   * at or below the highest number known to be used. Absent: the sequence goes on as it is.
   */
  nextInvoiceValue: nextValueSchema.optional(),
  nextCreditNoteValue: nextValueSchema.optional(),
});
export type Numbering = z.infer<typeof numberingSchema>;

export const numberingViewSchema = z.object({
  invoicePrefix: z.string(),
  creditNotePrefix: z.string(),
  /** The next numbers that will be given, e.g. `INV-7K2Q-000042`. */
  nextInvoiceNumber: z.string(),
  nextCreditNoteNumber: z.string(),
  nextInvoiceValue: z.number().int(),
  nextCreditNoteValue: z.number().int(),
  /** The highest values known to be used (0: none); a confirmed next value must be above. */
  highestInvoiceValue: z.number().int(),
  highestCreditNoteValue: z.number().int(),
  /** The kinds whose next number the manager must confirm before anything is queued (the journal was lost). */
  unconfirmed: z.array(documentKindSchema),
  /** Why queuing is refused and what to do, while `unconfirmed` is not empty; else null. */
  blockedBecause: z.string().nullable(),
  /** Another connection of this computer on the same Fiscal Harmony account uses the same prefix; else null. */
  sharedPrefixWarning: z.string().nullable(),
});
export type NumberingView = z.infer<typeof numberingViewSchema>;

const byId = z.object({ id: documentIdSchema });

/** What "Check with Fiscal Harmony" found about a document that needs attention. */
export const ATTENTION_CHECK_OUTCOMES = ['fiscalised', 'needs-fix', 'rejected', 'already-received', 'conflicting', 'nothing'] as const;
export type AttentionCheckOutcome = (typeof ATTENTION_CHECK_OUTCOMES)[number];

export const attentionCheckSchema = z.object({
  outcome: z.enum(ATTENTION_CHECK_OUTCOMES),
  /** The outcome in the manager's words. */
  message: z.string(),
  document: documentDetailSchema,
});
export type AttentionCheck = z.infer<typeof attentionCheckSchema>;

export const confirmFromPortalInputSchema = z.object({
  id: documentIdSchema,
  /** The verification code (XXXX-XXXX-XXXX-XXXX) or the QR address as found in the Fiscal Harmony portal. */
  found: z.string().trim().min(1, 'Paste the verification code or the QR address').max(300, 'This is longer than a verification code or a QR address'),
});

export const documentsChannels = {
  saveDraft: channel({
    input: saveDraftInputSchema,
    output: documentDetailSchema,
    description: 'Create or replace a draft (or a document that needs a fix) exactly as typed; nothing is checked or sent.',
  }),
  discardDraft: channel({
    input: byId,
    output: z.object({ id: z.string() }),
    description: 'Delete a draft that was never queued (queued documents are never deleted).',
  }),
  queue: channel({
    input: byId,
    output: documentDetailSchema,
    description: 'Check a draft against every rule, give it its number and hand it to the outbox; problems come back as field errors.',
  }),
  resend: channel({
    input: byId,
    output: documentDetailSchema,
    description: 'Check a fixed document again and queue it once more with IsRetry.',
  }),
  get: channel({
    input: byId,
    output: documentDetailSchema,
    description: 'One document with its lines, totals, state explanation, QR data and event history.',
  }),
  list: channel({
    input: listDocumentsInputSchema,
    output: documentPageSchema,
    description: 'A page of the active connection\'s documents, filtered and sorted in main.',
  }),
  checkStatus: channel({
    input: z.object({ ids: z.array(documentIdSchema).min(1).max(100) }),
    output: z.object({ checked: z.number().int(), changed: z.number().int() }),
    description: 'Ask Fiscal Harmony now for the result of submitted documents (at most 100).',
  }),
  checkAttention: channel({
    input: byId,
    output: attentionCheckSchema,
    description: 'Ask Fiscal Harmony again about a document that needs attention, by every request id it was sent with; a result completes it or records the refusal.',
  }),
  confirmFromPortal: channel({
    input: confirmFromPortalInputSchema,
    output: documentDetailSchema,
    description: 'Mark a document that needs attention as fiscalised with the verification code or QR address the manager found in the portal.',
  }),
  resendNeverArrived: channel({
    input: byId,
    output: documentDetailSchema,
    description: 'Send a document that needs attention again as a retry of the same document id, once a check found none of its requests.',
  }),
  numbering: channel({
    input: z.undefined(),
    output: numberingViewSchema,
    description: 'The number prefixes of the active connection and the next numbers.',
  }),
  setNumbering: channel({
    input: numberingSchema,
    output: numberingViewSchema,
    description: 'Change the number prefixes of the active connection (numbers already given stay) and set or confirm the next numbers.',
  }),
};
