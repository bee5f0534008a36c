import type { DatabaseSync } from 'node:sqlite';
import { documentDraftSchema, type DocumentDraft, type DocumentKind } from '../../../shared/contract/documents';
import type { DeviceView } from '../../../shared/contract/device';
import type { PrintKind, Receipt } from '../../../shared/contract/history';
import type { MappedTaxCode } from '../mappings/mappings-service';
import { draftFigures } from '../../../shared/domain/fiscal-harmony/draft-figures';
import { parseZimraQrUrl, qrProblemOf } from '../../../shared/domain/fiscal-harmony/zimra-qr-url';
import { Dec, formatMoney } from '../../../shared/domain/money';
import type { DocumentRow, LineRow } from '../../store/journal/document-rows';
import { unpackBody } from '../../store/journal/document-body';
import type { FiscalCopy, SellerCopy, TaxCopy } from '../../store/journal/fiscal-copies';
import { sellerCopyOf, taxCopyOf } from '../documents/fiscal-copy-source';

/** The credited invoice of a credit note, as the journal has it. */
export type OriginalSource = Pick<DocumentRow, 'number' | 'issued_at' | 'qr_url'> & { deviceSerial: string | null };

/** A credit note's invoice fiscalised by another till, as kept when the back office started the credit note (migration 010). */
export function foreignOriginalRow(db: DatabaseSync, invoiceId: string): Pick<DocumentRow, 'id' | 'number' | 'issued_at' | 'qr_url'> | undefined {
  return db.prepare('SELECT id, number, issued_at, qr_url FROM foreign_invoices WHERE id = ?').get(invoiceId) as Pick<DocumentRow, 'id' | 'number' | 'issued_at' | 'qr_url'> | undefined;
}

export interface ReceiptSources {
  row: DocumentRow;
  lines: LineRow[];
  /** The copy saved when the document was queued; null for documents from before copies were kept. */
  copy: FiscalCopy | null;
  original: OriginalSource | null;
  /**
   * Today's device and mappings: only read for a document without a saved copy (or whose copy
   * has no seller block), and said so on the printout.
   */
  live: () => Promise<{ device: { ok: true; value: DeviceView } | { ok: false; reason: string }; taxCodes: readonly MappedTaxCode[] }>;
  fiscalPrints: number;
  training: boolean;
  /** Today, for "as read on" notes. */
  now: Date;
}

function draftOf(row: DocumentRow): DocumentDraft | null {
  try {
    const parsed = documentDraftSchema.safeParse(JSON.parse(unpackBody(row.draft, { documentId: row.id })));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** ZIMRA's heading (ZS §10.3 item 9; LUC for credit notes), or null when the document is not fiscal. */
export function fiscalHeading(kind: DocumentKind, vatNumber: string | null, printAs: PrintKind): string | null {
  if (printAs === 'not-fiscal') return null;
  if (kind === 'credit-note') return 'FISCAL CREDIT NOTE';
  return vatNumber === null || vatNumber.trim() === '' ? 'FISCAL INVOICE' : 'FISCAL TAX INVOICE';
}

export function printKindOf(state: DocumentRow['state'], fiscalPrints: number): PrintKind {
  if (state !== 'fiscalised') return 'not-fiscal';
  return fiscalPrints > 0 ? 'copy' : 'fiscal';
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** What the app's own A4 invoice and 80 mm receipt print: from the saved copy, or said where else from. */
export async function buildReceipt(sources: ReceiptSources): Promise<Receipt> {
  const { row, lines, copy, original, fiscalPrints, training } = sources;
  const draft = draftOf(row);
  const taxInclusive = draft?.taxInclusive ?? true;
  const needsLive = copy === null || copy.seller === null;
  const live = needsLive ? await sources.live() : null;

  let seller: SellerCopy | null = copy?.seller ?? null;
  let sellerNote: string | null = null;
  if (seller === null && live !== null) {
    // A draft is not printed: today's device is simply what it will be sent with.
    const why = row.state === 'draft' ? null : copy === null ? 'this document was sent before Fiscal Desk kept a copy of them' : 'the fiscal device could not be read when it was sent';
    if (live.device.ok && live.device.value.config !== null) {
      seller = sellerCopyOf(live.device.value);
      sellerNote = why === null ? null : `Seller details as of ${day(sources.now)}, read from the fiscal device: ${why}.`;
    } else {
      const reason = live.device.ok ? (live.device.value.configProblem ?? 'the device has no configuration') : live.device.reason;
      sellerNote = `Seller details unavailable: ${why === null ? '' : `${why}, and `}${reason}`;
    }
  }

  let taxes: TaxCopy[];
  let taxesNote: string | null = null;
  if (copy !== null) {
    taxes = copy.taxes;
  } else {
    const byCode = new Map((live?.taxCodes ?? []).map((code) => [code.taxCode, code]));
    const figures = draftFigures(
      { lines: lines.map((line) => ({ description: line.description, quantity: line.quantity, unitAmount: line.unit_amount, discountAmount: line.discount_amount, taxCode: line.tax_code, hsCode: line.hs_code })), taxInclusive },
      (code) => {
        const mapped = byCode.get(code);
        return mapped === undefined || mapped.deviceTax === null ? undefined : mapped.deviceTax.percent;
      },
    );
    taxes = taxCopyOf(figures.rates, taxInclusive, (code) => byCode.get(code)?.deviceTax?.name ?? byCode.get(code)?.taxName ?? null);
    taxesNote = row.state === 'draft' ? null : `Tax per rate worked out on ${day(sources.now)} from today's tax mappings: this document was sent before Fiscal Desk kept what it sent.`;
  }
  const percentOf = new Map(taxes.map((rate) => [rate.taxCode, rate.percent]));

  const printAs = printKindOf(row.state, fiscalPrints);
  const vatNumber = seller?.vatNumber ?? null;
  const vatRegistered = vatNumber !== null && vatNumber.trim() !== '';
  const qr = row.state === 'fiscalised' && row.qr_url !== null && row.verification_code !== null && row.zimra_number !== null
    ? { url: row.qr_url, code: row.verification_code, parsed: parseZimraQrUrl(row.qr_url), problem: qrProblemOf(row.qr_url, row.verification_code) }
    : null;
  const address = draft?.buyer.address;
  const itemCount = lines.reduce((total, line) => {
    try {
      return total.plus(new Dec(line.quantity));
    } catch {
      return total;
    }
  }, new Dec(0));
  const totals = row.total === null || row.sub_total === null || row.total_tax === null ? null : { subTotal: row.sub_total, totalTax: row.total_tax, total: row.total };
  const legalName = seller?.legalName ?? null;
  const branchName = seller?.branchName ?? null;
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    training,
    printAs,
    heading: fiscalHeading(row.kind, vatNumber, printAs),
    number: row.number,
    date: row.issued_at,
    currency: row.currency,
    taxInclusive,
    reference: draft?.reference ?? '',
    seller: {
      legalName,
      branchName: branchName === null || branchName.trim() === '' || branchName.trim() === legalName?.trim() ? null : branchName,
      tin: seller?.tin ?? null,
      vatNumber: vatRegistered ? vatNumber : null,
      address: seller?.address ?? null,
      phone: seller?.phone ?? null,
      email: seller?.email ?? null,
    },
    sellerNote,
    device: { serial: seller?.deviceSerial ?? null, id: qr?.parsed?.deviceId ?? row.device_id ?? seller?.deviceId ?? null },
    buyer: {
      name: row.buyer_name,
      tradeName: draft?.buyer.tradeName ?? '',
      tin: row.buyer_tin ?? draft?.buyer.tin ?? '',
      vatNumber: draft?.buyer.vatNumber ?? '',
      address: address === undefined ? '' : [[address.houseNo, address.street].filter(Boolean).join(' '), address.city, address.province].filter(Boolean).join(', '),
      phone: draft?.buyer.phone ?? '',
      email: draft?.buyer.email ?? '',
    },
    lines: lines.map((line) => ({
      description: line.description,
      hsCode: line.hs_code,
      quantity: line.quantity,
      unitAmount: line.unit_amount,
      discountAmount: line.discount_amount,
      taxCode: line.tax_code,
      taxPercent: percentOf.get(line.tax_code) ?? null,
      lineAmount: line.line_amount,
    })),
    itemCount: itemCount.toFixed(),
    // ZS items 40–44: not shown when the seller is not a VAT payer.
    taxTable: vatRegistered ? taxes : [],
    taxesNote: vatRegistered ? taxesNote : null,
    totals,
    payments: totals === null || draft === null || draft.paymentMethod.trim() === '' ? [] : [{ method: draft.paymentMethod.trim(), amount: formatMoney(totals.total) }],
    fiscal:
      qr === null
        ? null
        : {
            receiptCounter: row.zimra_number ?? 0,
            receiptGlobalNo: qr.problem === null ? (qr.parsed?.receiptGlobalNo ?? null) : null,
            fiscalDay: row.fiscal_day ?? 0,
            qrCodeUrl: qr.url,
            verificationCode: qr.code,
            verifySite: qr.problem === null ? (qr.parsed?.site ?? null) : null,
            qrProblem: qr.problem,
          },
    creditedInvoice:
      original === null
        ? null
        : {
            number: original.number,
            date: original.issued_at,
            deviceSerial: original.deviceSerial,
            receiptGlobalNo: original.qr_url === null ? null : (parseZimraQrUrl(original.qr_url)?.receiptGlobalNo ?? null),
          },
    fiscalPrints,
  };
}
