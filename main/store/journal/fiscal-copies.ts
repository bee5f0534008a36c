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

/** Keeps a seller block read from the device (once per distinct block) and returns its id. */
function keepSeller(db: DatabaseSync, profileId: string, seller: SellerCopy, readAt: string): number {
  const row = db
    .prepare(
      `INSERT INTO seller_copies (profile_id, seller_json, last_read_at) VALUES (?, ?, ?)
       ON CONFLICT (profile_id, seller_json) DO UPDATE SET last_read_at = max(last_read_at, excluded.last_read_at)
       RETURNING id`,
    )
    .get(profileId, JSON.stringify(seller), readAt) as { id: number };
  return row.id;
}

export function saveFiscalCopy(db: DatabaseSync, documentId: string, profileId: string, copy: FiscalCopy): void {
  const sellerId = copy.seller === null ? null : keepSeller(db, profileId, copy.seller, copy.sellerReadAt ?? copy.capturedAt);
  db.prepare(
    `INSERT INTO fiscal_copies (document_id, captured_at, seller_id, seller_read_at, taxes_json) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (document_id) DO UPDATE SET captured_at = excluded.captured_at, seller_id = excluded.seller_id,
       seller_read_at = excluded.seller_read_at, taxes_json = excluded.taxes_json`,
  ).run(documentId, copy.capturedAt, sellerId, copy.sellerReadAt, JSON.stringify(copy.taxes));
}

const parseSeller = (json: string): SellerCopy | undefined => {
  const seller = sellerCopySchema.safeParse(JSON.parse(json));
  return seller.success ? seller.data : undefined;
};

/** The saved copy, or null for a document queued before copies were kept (or one whose copy cannot be read). */
export function readFiscalCopy(db: DatabaseSync, documentId: string): FiscalCopy | null {
  const row = db
    .prepare(
      `SELECT c.captured_at, s.seller_json, c.seller_read_at, c.taxes_json FROM fiscal_copies AS c
       LEFT JOIN seller_copies AS s ON s.id = c.seller_id WHERE c.document_id = ?`,
    )
    .get(documentId) as { captured_at: string; seller_json: string | null; seller_read_at: string | null; taxes_json: string } | undefined;
  if (row === undefined) return null;
  const seller = row.seller_json === null ? null : parseSeller(row.seller_json);
  const taxes = z.array(taxCopySchema).safeParse(JSON.parse(row.taxes_json));
  if (!taxes.success || seller === undefined) return null;
  return { capturedAt: row.captured_at, seller, sellerReadAt: row.seller_read_at, taxes: taxes.data };
}

/** The seller block last read from a connection's device, kept across restarts; null when none was. */
export function lastSellerRead(db: DatabaseSync, profileId: string): { seller: SellerCopy; readAt: string } | null {
  const row = db
    .prepare('SELECT seller_json, last_read_at FROM seller_copies WHERE profile_id = ? ORDER BY last_read_at DESC, id DESC LIMIT 1')
    .get(profileId) as { seller_json: string; last_read_at: string } | undefined;
  const seller = row === undefined ? undefined : parseSeller(row.seller_json);
  return row === undefined || seller === undefined ? null : { seller, readAt: row.last_read_at };
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
