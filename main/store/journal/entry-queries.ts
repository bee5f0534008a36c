// Invoice entry's reads of the journal: the buyer register, earlier lines as suggestions, and
// fiscalised invoices with what remains creditable. Read-only; the documents repo writes.
import type { DatabaseSync } from 'node:sqlite';
import { buyerAddressDraftSchema, documentDraftSchema, type BuyerDraft, type DocumentDraft, type LineDraft } from '../../../shared/contract/documents';
import type { BuyerRecord, CreditableInvoice, CreditBasis, LineSuggestion } from '../../../shared/contract/entry';
import { Dec, sum } from '../../../shared/domain/money';
import { unpackBody } from './document-body';
import type { BuyerRow } from './document-rows';

const SUGGESTIONS = 8;
/** How many matching lines are looked at before picking the latest per description. */
const LINE_SCAN = 400;

/** `LIKE` pattern for text that starts with `text` (wildcards in it taken literally). */
export function startsWith(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
const contains = (text: string): string => `%${startsWith(text)}`;

/** Credit notes that count against an invoice: all but drafts and those refused. */
const COUNTING_CREDIT = `kind = 'credit-note' AND state NOT IN ('draft', 'rejected', 'needs-fix') AND total IS NOT NULL`;


interface InvoiceRow {
  id: string;
  state: string;
  number: string | null;
  issued_at: string | null;
  buyer_name: string;
  currency: string;
  total: string | null;
  zimra_number: number | null;
  fiscal_day: number | null;
  draft: Uint8Array;
}

/**
 * An invoice another till fiscalised, kept here when a credit note for it was started from the
 * back office (migration 010): its fiscal facts as read from the shop database, and what other
 * tills' credit notes had taken from it when last read (`credited_elsewhere`).
 */
export interface ForeignInvoiceRow {
  id: string;
  profile_id: string;
  station_id: string;
  branch: string;
  number: string;
  issued_at: string;
  currency: string;
  total: string;
  tax_inclusive: number;
  buyer_json: string;
  lines_json: string;
  zimra_number: number | null;
  fiscal_day: number | null;
  device_id: number | null;
  qr_url: string | null;
  verification_code: string | null;
  credited_elsewhere: string;
  fetched_at: string;
}

/** The invoice a credit note credits: what remains creditable, the date it was sent with and its buyer. */
export type CreditedInvoice = CreditBasis & {
  fiscalised: boolean;
  /** The Fiscal Harmony date it was sent with (null while never queued). */
  issuedAt: string | null;
  buyer: BuyerDraft;
};

export class EntryQueries {
  constructor(private readonly db: DatabaseSync) {}

  /** Returning buyers whose name contains, or whose TIN starts with, the text; most used first. */
  findBuyers(profileId: string, query: string): BuyerRecord[] {
    const text = query.trim();
    if (text === '') {
      return (this.db.prepare('SELECT * FROM buyers WHERE profile_id = ? ORDER BY last_used_at DESC LIMIT ?').all(profileId, SUGGESTIONS) as unknown as BuyerRow[]).map(buyerOf);
    }
    const rows = this.db
      .prepare(
        `SELECT * FROM buyers WHERE profile_id = ? AND (name LIKE ? ESCAPE '\\' OR tin LIKE ? ESCAPE '\\')
         ORDER BY (name LIKE ? ESCAPE '\\') DESC, use_count DESC, last_used_at DESC LIMIT ?`,
      )
      .all(profileId, contains(text), startsWith(text), startsWith(text), SUGGESTIONS) as unknown as BuyerRow[];
    return rows.map(buyerOf);
  }

  /**
   * The latest line of each description starting with the text, from documents that were sent:
   * its HS code and tax code whatever the currency, its price only from a document in `currency`
   * (a USD price is never offered on a ZWG invoice).
   */
  suggestLines(profileId: string, query: string, currency: string): LineSuggestion[] {
    const text = query.trim();
    if (text === '') return [];
    const rows = this.db
      .prepare(
        `SELECT s.description, s.hs_code, s.tax_code, s.at,
                (SELECT p.unit_amount FROM document_lines p JOIN documents pd ON pd.id = p.document_id
                  WHERE pd.profile_id = ? AND pd.state NOT IN ('draft') AND pd.currency = ? AND p.description = s.description COLLATE NOCASE
                  ORDER BY pd.updated_at DESC LIMIT 1) AS unit_amount
         FROM (
           SELECT l.description, l.hs_code, l.tax_code, d.updated_at AS at,
                  row_number() OVER (PARTITION BY lower(trim(l.description)) ORDER BY d.updated_at DESC) AS latest
           FROM (SELECT * FROM document_lines WHERE description LIKE ? ESCAPE '\\' LIMIT ${LINE_SCAN}) AS l
           JOIN documents d ON d.id = l.document_id
           WHERE d.profile_id = ? AND d.state NOT IN ('draft')
         ) AS s WHERE latest = 1 ORDER BY at DESC LIMIT ?`,
      )
      .all(profileId, currency, startsWith(text), profileId, SUGGESTIONS) as unknown as Array<{ description: string; hs_code: string; tax_code: string; unit_amount: string | null; at: string }>;
    return rows.map((r) => ({ description: r.description.trim(), hsCode: r.hs_code, taxCode: r.tax_code, unitAmount: r.unit_amount, currency, lastUsedAt: r.at }));
  }

  /** Fiscalised invoices by number (or buyer) that still have something left to credit, newest first. */
  findInvoices(profileId: string, query: string): CreditableInvoice[] {
    const text = query.trim();
    const rows = this.db
      .prepare(
        `SELECT * FROM documents WHERE profile_id = ? AND kind = 'invoice' AND state = 'fiscalised'
           AND (? = '' OR number LIKE ? ESCAPE '\\' OR buyer_name LIKE ? ESCAPE '\\')
         ORDER BY coalesce(issued_at, created_at) DESC LIMIT 40`,
      )
      .all(profileId, text, contains(text), contains(text)) as unknown as InvoiceRow[];
    return rows
      .map((row) => ({ row, remaining: new Dec(row.total ?? '0').minus(this.credited(row.id, null)) }))
      .filter(({ remaining }) => remaining.gt(0))
      .slice(0, 10)
      .map(({ row, remaining }) => ({
        id: row.id,
        number: row.number,
        date: row.issued_at,
        buyerName: row.buyer_name,
        currency: row.currency,
        total: new Dec(row.total ?? '0').toFixed(2),
        remaining: remaining.toFixed(2),
        zimraNumber: zimraNumberOf(row),
      }));
  }

  /** An invoice as a credit note sees it (any state: the check says why a non-fiscalised one cannot be credited). */
  creditBasis(profileId: string, invoiceId: string, exceptCreditNoteId: string | null): (CreditBasis & { fiscalised: boolean; draft: DocumentDraft }) | null {
    const row = this.db.prepare(`SELECT * FROM documents WHERE id = ? AND profile_id = ? AND kind = 'invoice'`).get(invoiceId, profileId) as InvoiceRow | undefined;
    if (row === undefined) return this.foreignCreditBasis(profileId, invoiceId, exceptCreditNoteId);
    const parsed = documentDraftSchema.safeParse(JSON.parse(unpackBody(row.draft, { documentId: invoiceId })));
    if (!parsed.success) return null;
    const draft = parsed.data;
    const total = new Dec(row.total ?? '0');
    const credited = this.credited(invoiceId, exceptCreditNoteId);
    return {
      invoiceId,
      number: row.number,
      state: row.state,
      currency: row.currency,
      total: total.toFixed(2),
      credited: credited.toFixed(2),
      remaining: total.minus(credited).toFixed(2),
      lines: draft.lines.filter((line: LineDraft) => Object.values(line).some((v) => v.trim() !== '')),
      fiscalised: row.state === 'fiscalised',
      draft,
    };
  }

  /** The credit basis with what the credit note's own rules need: the date the invoice was sent with and its buyer. */
  creditedInvoice(profileId: string, invoiceId: string, exceptCreditNoteId: string | null): CreditedInvoice | null {
    const basis = this.creditBasis(profileId, invoiceId, exceptCreditNoteId);
    if (basis === null) return null;
    const row = this.db.prepare('SELECT issued_at FROM documents WHERE id = ?').get(invoiceId) as { issued_at: string | null } | undefined;
    return { ...basis, issuedAt: row?.issued_at ?? this.foreignInvoice(invoiceId)?.issued_at ?? null, buyer: basis.draft.buyer };
  }

  /** Another till's invoice kept here for a credit note (of any connection: the caller checks whose). */
  foreignInvoice(invoiceId: string): ForeignInvoiceRow | undefined {
    return this.db.prepare('SELECT * FROM foreign_invoices WHERE id = ?').get(invoiceId) as ForeignInvoiceRow | undefined;
  }

  /** Another till's invoice as a credit note sees it: credited by this journal's credit notes and, as last read, by other tills'. */
  private foreignCreditBasis(profileId: string, invoiceId: string, exceptCreditNoteId: string | null): (CreditBasis & { fiscalised: boolean; draft: DocumentDraft }) | null {
    const row = this.foreignInvoice(invoiceId);
    if (row === undefined || row.profile_id !== profileId) return null;
    const parsed = documentDraftSchema.safeParse({
      kind: 'invoice',
      date: row.issued_at,
      currency: row.currency,
      paymentMethod: 'Cash',
      taxInclusive: row.tax_inclusive === 1,
      reference: '',
      buyer: safeJson(row.buyer_json),
      lines: safeJson(row.lines_json),
      originalInvoiceId: null,
    });
    if (!parsed.success) return null;
    const total = new Dec(row.total);
    const credited = this.credited(invoiceId, exceptCreditNoteId).plus(row.credited_elsewhere);
    return {
      invoiceId,
      number: row.number,
      state: 'fiscalised',
      currency: row.currency,
      total: total.toFixed(2),
      credited: credited.toFixed(2),
      remaining: total.minus(credited).toFixed(2),
      lines: parsed.data.lines,
      fiscalised: true,
      draft: parsed.data,
    };
  }

  /**
   * The date the connection's last fiscalised document was sent with (ZIMRA takes a device's
   * documents in date order), or null before the first. Dates are kept as Fiscal Harmony dates
   * in CAT (`2026-11-21T09:30:00+02:00`), so their text sorts as their time does.
   */
  lastFiscalisedDate(profileId: string): string | null {
    const row = this.db.prepare(`SELECT max(date) AS date FROM document_history WHERE profile_id = ? AND state = 'fiscalised'`).get(profileId) as { date: string | null } | undefined;
    return row?.date ?? null;
  }

  private credited(invoiceId: string, exceptId: string | null): Dec {
    const rows = this.db.prepare(`SELECT total FROM documents WHERE original_id = ? AND ${COUNTING_CREDIT} AND id IS NOT ?`).all(invoiceId, exceptId) as Array<{ total: string }>;
    return sum(rows.map((r) => r.total));
  }
}

function buyerOf(row: BuyerRow): BuyerRecord {
  const address = buyerAddressDraftSchema.safeParse(safeJson(row.address_json));
  return {
    name: row.name,
    tradeName: row.trade_name,
    tin: row.tin,
    vatNumber: row.vat_number,
    phone: row.phone,
    email: row.email,
    address: address.success ? address.data : { province: '', street: '', houseNo: '', city: '' },
    lastUsedAt: row.last_used_at,
    useCount: row.use_count,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function zimraNumberOf(row: InvoiceRow): string | null {
  return row.zimra_number === null ? null : `${row.zimra_number}/${row.fiscal_day ?? ''}`;
}
