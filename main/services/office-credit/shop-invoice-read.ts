// The shop database's reads a credit note for another till's invoice needs: whether this login
// may read other tills, the invoice with its lines and buyer, and what other tills' credit notes
// took from it. Read-only; the back office's own reads are in main/shop-db/back-office/.
import type pg from 'pg';
import type { BuyerDraft, LineDraft } from '../../../shared/contract/documents';
import { Dec } from '../../../shared/domain/money';

/** An invoice (or whatever document has that id) as the till that made it copied it. */
export interface ShopInvoice {
  id: string;
  stationId: string;
  tillLabel: string;
  branch: string;
  kind: string;
  state: string;
  number: string | null;
  issuedAt: string | null;
  currency: string;
  subTotal: string | null;
  totalTax: string | null;
  total: string | null;
  qrUrl: string | null;
  verificationCode: string | null;
  fiscalDay: number | null;
  deviceId: number | null;
  zimraNumber: number | null;
  buyer: BuyerDraft;
  lines: LineDraft[];
  /** Each line's amount as the till worked it out (empty when it had none). */
  lineAmounts: string[];
}

/** Credit notes that count against an invoice, as the journal counts them: all but drafts and refused ones. */
const COUNTING_CREDIT = `kind = 'credit-note' AND state NOT IN ('draft', 'rejected', 'needs-fix') AND total IS NOT NULL`;

/** Whether this login has the back office's right to read every till's documents. */
export async function readsOtherTills(client: pg.ClientBase): Promise<boolean> {
  const result = await client.query<{ office: boolean }>(`SELECT pg_has_role(current_user, 'fiscal_desk_office', 'USAGE') AS office`);
  return result.rows[0]?.office === true;
}

export async function readShopInvoice(client: pg.ClientBase, id: string): Promise<ShopInvoice | null> {
  const found = await client.query<{
    id: string; station_id: string; label: string | null; branch: string; kind: string; state: string; number: string | null; issued_at: string | null; currency: string;
    sub_total: string | null; total_tax: string | null; total: string | null; qr_url: string | null; verification_code: string | null;
    fiscal_day: number | null; device_id: number | null; zimra_number: number | null; buyer_name: string; buyer_tin: string | null;
    b_name: string | null; trade_name: string | null; tin: string | null; vat_number: string | null; phone: string | null; email: string | null; address: unknown;
  }>(
    `SELECT d.id::text AS id, d.station_id, t.label, d.branch, d.kind, d.state, d.number, d.issued_at, d.currency,
            d.sub_total::text AS sub_total, d.total_tax::text AS total_tax, d.total::text AS total, d.qr_url, d.verification_code,
            d.fiscal_day, d.device_id, d.zimra_number, d.buyer_name, d.buyer_tin,
            b.name AS b_name, b.trade_name, b.tin, b.vat_number, b.phone, b.email, b.address
     FROM shop.documents d
     LEFT JOIN shop.tills t ON t.station_id = d.station_id
     LEFT JOIN shop.buyers b ON b.station_id = d.station_id AND b.local_id = d.buyer_local_id
     WHERE d.id = $1::uuid`,
    [id],
  );
  const row = found.rows[0];
  if (row === undefined) return null;
  const lines = await client.query<{ description: string; quantity: string | null; unit_amount: string | null; discount_amount: string; tax_code: string; hs_code: string; line_amount: string | null }>(
    `SELECT description, quantity::text AS quantity, unit_amount::text AS unit_amount, discount_amount::text AS discount_amount, tax_code, hs_code, line_amount::text AS line_amount
     FROM shop.document_lines WHERE document_id = $1::uuid ORDER BY position`,
    [id],
  );
  return {
    id: row.id,
    stationId: row.station_id,
    tillLabel: row.label ?? '',
    branch: row.branch,
    kind: row.kind,
    state: row.state,
    number: row.number,
    issuedAt: row.issued_at,
    currency: row.currency,
    subTotal: row.sub_total,
    totalTax: row.total_tax,
    total: row.total,
    qrUrl: row.qr_url,
    verificationCode: row.verification_code,
    fiscalDay: row.fiscal_day,
    deviceId: row.device_id,
    zimraNumber: row.zimra_number,
    // The register's entry the invoice was sent with; without it, what the document row itself names.
    buyer: {
      name: row.b_name ?? row.buyer_name,
      tradeName: row.trade_name ?? '',
      tin: row.tin ?? row.buyer_tin ?? '',
      vatNumber: row.vat_number ?? '',
      phone: row.phone ?? '',
      email: row.email ?? '',
      address: addressOf(row.address),
    },
    lines: lines.rows.map((line) => ({
      description: line.description,
      quantity: line.quantity ?? '',
      unitAmount: line.unit_amount ?? '',
      // The shop database keeps "no discount" as 0; invoice entry leaves it empty.
      discountAmount: new Dec(line.discount_amount).isZero() ? '' : line.discount_amount,
      taxCode: line.tax_code,
      hsCode: line.hs_code,
    })),
    lineAmounts: lines.rows.map((line) => line.line_amount ?? '0'),
  };
}

/** What credit notes of tills other than `stationId` took from the invoice (this till's own are counted from its journal). */
export async function creditedByOtherTills(client: pg.ClientBase, invoiceId: string, stationId: string): Promise<string> {
  const result = await client.query<{ credited: string }>(
    `SELECT coalesce(sum(total), 0)::text AS credited FROM shop.documents WHERE original_id = $1::uuid AND ${COUNTING_CREDIT} AND station_id <> $2`,
    [invoiceId, stationId],
  );
  return result.rows[0]?.credited ?? '0';
}

function addressOf(value: unknown): BuyerDraft['address'] {
  const text = (key: string): string => {
    const field = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
    return typeof field === 'string' ? field : '';
  };
  return { province: text('province'), street: text('street'), houseNo: text('houseNo'), city: text('city') };
}
