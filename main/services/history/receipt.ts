import { documentDraftSchema, type DocumentDraft } from '../../../shared/contract/documents';
import type { DeviceView } from '../../../shared/contract/device';
import type { Receipt } from '../../../shared/contract/history';
import type { MappedTaxCode } from '../mappings/mappings-service';
import { draftFigures } from '../../../shared/domain/fiscal-harmony/draft-figures';
import type { DocumentRow, LineRow } from '../../store/journal/document-rows';
import { unpackBody } from '../../store/journal/document-body';

export interface ReceiptSources {
  row: DocumentRow;
  lines: LineRow[];
  /** The credited invoice of a credit note. */
  original: Pick<DocumentRow, 'number' | 'zimra_number' | 'fiscal_day'> | null;
  /** The fiscal device (the seller's details), or why it could not be read. */
  device: { ok: true; value: DeviceView } | { ok: false; reason: string };
  taxCodes: readonly MappedTaxCode[];
  training: boolean;
}

const zimraNumberOf = (row: Pick<DocumentRow, 'zimra_number' | 'fiscal_day'>) =>
  row.zimra_number === null ? null : `${row.zimra_number}/${row.fiscal_day ?? ''}`;

function draftOf(row: DocumentRow): DocumentDraft | null {
  try {
    const parsed = documentDraftSchema.safeParse(JSON.parse(unpackBody(row.draft, { documentId: row.id })));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** What the app's own A4 invoice and 80 mm receipt print, from the journal and the device. */
export function buildReceipt(sources: ReceiptSources): Receipt {
  const { row, lines, original, device, taxCodes, training } = sources;
  const draft = draftOf(row);
  const byCode = new Map(taxCodes.map((code) => [code.taxCode, code]));
  const lineDrafts = lines.map((line) => ({
    description: line.description,
    quantity: line.quantity,
    unitAmount: line.unit_amount,
    discountAmount: line.discount_amount,
    taxCode: line.tax_code,
    hsCode: line.hs_code,
  }));
  const figures = draftFigures({ lines: lineDrafts, taxInclusive: draft?.taxInclusive ?? true }, (code) => {
    const mapped = byCode.get(code);
    return mapped === undefined || mapped.deviceTax === null ? undefined : mapped.deviceTax.percent;
  });
  const config = device.ok ? device.value.config : null;
  const address = draft?.buyer.address;
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    training,
    number: row.number,
    date: row.issued_at,
    currency: row.currency,
    paymentMethod: draft?.paymentMethod ?? '',
    taxInclusive: draft?.taxInclusive ?? true,
    reference: draft?.reference ?? '',
    seller: {
      name: config?.taxPayerName ?? null,
      tin: config?.taxPayerTin ?? null,
      vatNumber: config?.vatNumber ?? null,
      branchName: config?.branchName ?? null,
      address: config?.branchAddress ?? null,
      phone: config?.branchPhone ?? null,
      email: config?.branchEmail ?? null,
      deviceSerial: device.ok ? device.value.serialNumber : null,
    },
    sellerProblem: device.ok ? (device.value.configProblem ?? null) : device.reason,
    buyer: {
      name: row.buyer_name,
      tradeName: draft?.buyer.tradeName ?? '',
      tin: row.buyer_tin ?? draft?.buyer.tin ?? '',
      vatNumber: draft?.buyer.vatNumber ?? '',
      address: address === undefined ? '' : [[address.houseNo, address.street].filter(Boolean).join(' '), address.city, address.province].filter(Boolean).join(', '),
      phone: draft?.buyer.phone ?? '',
      email: draft?.buyer.email ?? '',
    },
    lines: lines.map((line, index) => ({
      description: line.description,
      hsCode: line.hs_code,
      quantity: line.quantity,
      unitAmount: line.unit_amount,
      discountAmount: line.discount_amount,
      taxCode: line.tax_code,
      lineAmount: line.line_amount ?? figures.lines[index]?.lineAmount ?? null,
    })),
    taxSummary: figures.rates.map((rate) => ({
      taxCode: rate.taxCode,
      taxName: byCode.get(rate.taxCode)?.taxName ?? byCode.get(rate.taxCode)?.deviceTax?.name ?? null,
      percent: rate.percent,
      amount: rate.amount,
      tax: rate.tax,
    })),
    totals: row.total === null || row.sub_total === null || row.total_tax === null ? figures.totals : { subTotal: row.sub_total, totalTax: row.total_tax, total: row.total },
    qr:
      row.qr_url === null || row.verification_code === null || row.zimra_number === null
        ? null
        : { qrCodeUrl: row.qr_url, verificationCode: row.verification_code, fiscalDay: row.fiscal_day ?? 0, deviceId: row.device_id ?? 0, zimraInvoiceNumber: row.zimra_number },
    creditedInvoice: original === null ? null : { number: original.number, zimraNumber: zimraNumberOf(original) },
  };
}
