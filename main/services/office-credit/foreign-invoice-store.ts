// Another till's fiscalised invoice kept in this journal (migration 010) for the credit notes
// started here: written when the back office starts one, its "credited by other tills" brought
// up to date before such a credit note is queued.
import type { DatabaseSync } from 'node:sqlite';
import { Dec, sum } from '../../../shared/domain/money';
import type { ShopInvoice } from './shop-invoice-read';

/**
 * Whether the invoice's amounts included tax, worked out from its figures (the shop database
 * does not keep the flag): exclusive when its total is its lines plus their tax.
 */
export function taxInclusiveOf(invoice: Pick<ShopInvoice, 'total' | 'totalTax' | 'lineAmounts'>): boolean {
  const tax = new Dec(invoice.totalTax ?? '0');
  if (tax.isZero() || invoice.total === null) return true;
  return !sum(invoice.lineAmounts).plus(tax).eq(invoice.total);
}

export function keepForeignInvoice(
  db: DatabaseSync,
  invoice: ShopInvoice & { number: string; issuedAt: string; total: string },
  facts: { profileId: string; taxInclusive: boolean; creditedElsewhere: string; fetchedAt: string },
): void {
  db.prepare(
    `INSERT INTO foreign_invoices (id, profile_id, station_id, branch, number, issued_at, currency, total, tax_inclusive, buyer_json, lines_json,
       zimra_number, fiscal_day, device_id, qr_url, verification_code, credited_elsewhere, fetched_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET profile_id = excluded.profile_id, station_id = excluded.station_id, branch = excluded.branch, number = excluded.number,
       issued_at = excluded.issued_at, currency = excluded.currency, total = excluded.total, tax_inclusive = excluded.tax_inclusive, buyer_json = excluded.buyer_json,
       lines_json = excluded.lines_json, zimra_number = excluded.zimra_number, fiscal_day = excluded.fiscal_day, device_id = excluded.device_id, qr_url = excluded.qr_url,
       verification_code = excluded.verification_code, credited_elsewhere = excluded.credited_elsewhere, fetched_at = excluded.fetched_at`,
  ).run(
    invoice.id,
    facts.profileId,
    invoice.stationId,
    invoice.branch,
    invoice.number,
    invoice.issuedAt,
    invoice.currency,
    invoice.total,
    facts.taxInclusive ? 1 : 0,
    JSON.stringify(invoice.buyer),
    JSON.stringify(invoice.lines),
    invoice.zimraNumber,
    invoice.fiscalDay,
    invoice.deviceId,
    invoice.qrUrl,
    invoice.verificationCode,
    facts.creditedElsewhere,
    facts.fetchedAt,
  );
}

/** Answers whether the invoice is kept here (only then is there a figure to bring up to date). */
export function updateCreditedElsewhere(db: DatabaseSync, invoiceId: string, credited: string, fetchedAt: string): boolean {
  return db.prepare('UPDATE foreign_invoices SET credited_elsewhere = ?, fetched_at = ? WHERE id = ?').run(credited, fetchedAt, invoiceId).changes > 0;
}
