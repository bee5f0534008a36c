import type pg from 'pg';
import type { DocumentEvent, DocumentState } from '../../../shared/contract/documents';
import type { ShopDocumentDetail } from '../../../shared/contract/shop-office';
import { AppError } from '../../../shared/errors';
import { Dec } from '../../../shared/domain/money';
import { OFFICE_SUMMARY_COLUMNS, isoText, officeSummaryOf, type OfficeSummaryRow } from './office-rows';

/**
 * Credit notes that count against an invoice, from every till: the states the journal counts
 * (COUNTING_CREDIT in main/store/journal/entry-queries.ts), all but drafts and those refused.
 */
export const COUNTING_CREDIT_SQL = `c.kind = 'credit-note' AND c.state NOT IN ('draft', 'rejected', 'needs-fix') AND c.total IS NOT NULL`;

type DetailRow = OfficeSummaryRow & {
  sub_total: string | null;
  total_tax: string | null;
  original_id: string | null;
  original_number: string | null;
  qr_url: string | null;
  copied_at: string;
  credited: string | null;
};

interface LineRow {
  description: string;
  quantity: string | null;
  unit_amount: string | null;
  discount_amount: string;
  tax_code: string;
  hs_code: string;
  line_amount: string | null;
}

interface EventRow {
  at: string;
  from_state: DocumentState | null;
  to_state: DocumentState;
  note: string;
}

/** One document as the shop database has it, with its lines, events and what remains creditable. */
export async function officeDocument(db: pg.Pool, id: string): Promise<ShopDocumentDetail> {
  const [documents, lines, events] = await Promise.all([
    db.query<DetailRow>(
      `SELECT ${OFFICE_SUMMARY_COLUMNS}, d.sub_total::text AS sub_total, d.total_tax::text AS total_tax, d.original_id::text AS original_id,
         o.number AS original_number, d.qr_url, ${isoText('d.copied_at')} AS copied_at,
         CASE WHEN d.kind = 'invoice' THEN (SELECT coalesce(sum(c.total), 0)::text FROM shop.documents c WHERE c.original_id = d.id AND ${COUNTING_CREDIT_SQL}) END AS credited
       FROM shop.documents d LEFT JOIN shop.tills t ON t.station_id = d.station_id LEFT JOIN shop.documents o ON o.id = d.original_id
       WHERE d.id = $1`,
      [id],
    ),
    db.query<LineRow>(
      `SELECT description, quantity::text AS quantity, unit_amount::text AS unit_amount, discount_amount::text AS discount_amount, tax_code, hs_code, line_amount::text AS line_amount
       FROM shop.document_lines WHERE document_id = $1 ORDER BY position`,
      [id],
    ),
    db.query<EventRow>(`SELECT ${isoText('at')} AS at, from_state, to_state, note FROM shop.document_events WHERE document_id = $1 ORDER BY at, station_id, journal_id, event_seq`, [id]),
  ]);
  const row = documents.rows[0];
  if (row === undefined) throw new AppError('NOT_FOUND', 'No till has copied this document to the shop database (yet). If a till made it while away from the shop database, it is copied once that till is back.');
  const credited = row.credited === null ? null : new Dec(row.credited);
  return {
    ...officeSummaryOf(row),
    lines: lines.rows.map((line) => ({
      description: line.description,
      quantity: line.quantity ?? '',
      unitAmount: line.unit_amount ?? '',
      discountAmount: line.discount_amount,
      taxCode: line.tax_code,
      hsCode: line.hs_code,
      lineAmount: line.line_amount,
    })),
    subTotal: row.sub_total,
    totalTax: row.total_tax,
    originalId: row.original_id,
    originalNumber: row.original_number,
    qrUrl: row.qr_url,
    events: events.rows.map((event): DocumentEvent => ({ at: event.at, from: event.from_state, to: event.to_state, note: event.note })),
    credited: credited === null ? null : credited.toFixed(2),
    remaining: credited === null ? null : new Dec(row.total ?? '0').minus(credited).toFixed(2),
    copiedAt: row.copied_at,
  };
}
