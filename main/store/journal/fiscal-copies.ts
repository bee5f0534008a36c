import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';

/*
 * The saved copy a fiscal document is printed from (migration 008): the seller block and device
 * as they were when the document was queued, and its tax per rate exactly as sent. Written in
 * queue()'s transaction; never changed afterwards except by a fixed document queued again.
 */

const text = z.string().nullable();
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/);

/** The seller block ZIMRA prints (ZS §10.3 items 2–8) and the device (items 21–22). */
export const sellerCopySchema = z.object({
  legalName: text,
  branchName: text,
  tin: text,
  vatNumber: text,
  /** houseNo street, city, province. */
  address: text,
  phone: text,
  email: text,
  deviceSerial: text,
  deviceId: z.number().int().nullable(),
});
export type SellerCopy = z.infer<typeof sellerCopySchema>;

/** One row of ZIMRA's tax table (items 41–44): net = amount incl. tax − tax. */
export const taxCopySchema = z.object({
  taxCode: z.string(),
  taxName: text,
  /** Decimal text; null = exempt. */
  percent: text,
  net: decimal,
  tax: decimal,
  gross: decimal,
});
export type TaxCopy = z.infer<typeof taxCopySchema>;

export interface FiscalCopy {
  capturedAt: string;
  /** Null when the device could not be read when the document was queued. */
  seller: SellerCopy | null;
  /** When the seller block was read from the device (a cached read may be older than capturedAt). */
  sellerReadAt: string | null;
  taxes: TaxCopy[];
}

export function saveFiscalCopy(db: DatabaseSync, documentId: string, copy: FiscalCopy): void {
  db.prepare(
    `INSERT INTO fiscal_copies (document_id, captured_at, seller_json, seller_read_at, taxes_json) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (document_id) DO UPDATE SET captured_at = excluded.captured_at, seller_json = excluded.seller_json,
       seller_read_at = excluded.seller_read_at, taxes_json = excluded.taxes_json`,
  ).run(documentId, copy.capturedAt, copy.seller === null ? null : JSON.stringify(copy.seller), copy.sellerReadAt, JSON.stringify(copy.taxes));
}

/** The saved copy, or null for a document queued before copies were kept (or one whose copy cannot be read). */
export function readFiscalCopy(db: DatabaseSync, documentId: string): FiscalCopy | null {
  const row = db.prepare('SELECT captured_at, seller_json, seller_read_at, taxes_json FROM fiscal_copies WHERE document_id = ?').get(documentId) as
    | { captured_at: string; seller_json: string | null; seller_read_at: string | null; taxes_json: string }
    | undefined;
  if (row === undefined) return null;
  const seller = row.seller_json === null ? null : sellerCopySchema.safeParse(JSON.parse(row.seller_json));
  const taxes = z.array(taxCopySchema).safeParse(JSON.parse(row.taxes_json));
  if (!taxes.success || (seller !== null && !seller.success)) return null;
  return { capturedAt: row.captured_at, seller: seller === null ? null : seller.data, sellerReadAt: row.seller_read_at, taxes: taxes.data };
}

export type PrintLayout = 'a4' | 'receipt';

/** Counts a printout; `fiscal` = printed as the fiscal document (not the not-fiscal copy). */
export function savePrint(db: DatabaseSync, documentId: string, at: string, layout: PrintLayout, fiscal: boolean): void {
  db.prepare('INSERT INTO document_prints (document_id, at, layout, fiscal) VALUES (?, ?, ?, ?)').run(documentId, at, layout, fiscal ? 1 : 0);
}

/** How many times the document was printed as a fiscal document. */
export function fiscalPrints(db: DatabaseSync, documentId: string): number {
  const row = db.prepare('SELECT count(*) AS n FROM document_prints WHERE document_id = ? AND fiscal = 1').get(documentId) as { n: number };
  return row.n;
}
