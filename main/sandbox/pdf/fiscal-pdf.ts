// The fiscal PDF of a fiscalised document: heading, seller and buyer, lines with HS codes, tax
// summary, totals, and the QR code with its verification code. Rendered on download, not on submit.
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { Dec, formatMoney } from '../../../shared/domain/money';
import { formatFhDate, parseFhDate } from '../../../shared/domain/fiscal-harmony/fh-date';
import type { FiscalRecord, StoredDocument } from '../state/account-state';

const MARGIN = 40;
const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;

/** The standard PDF fonts only encode Latin-1 (WinAnsi); anything else is shown as "?". */
function latin1(text: string | null | undefined): string {
  return (text ?? '').replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
}

function humanDate(fhDate: string): string {
  const instant = parseFhDate(fhDate);
  if (!instant) return latin1(fhDate);
  const text = formatFhDate(instant);
  return `${text.slice(8, 10)}/${text.slice(5, 7)}/${text.slice(0, 4)} ${text.slice(11, 16)} CAT`;
}

/** Unit prices keep their own decimals (3.333 stays 3.333), with at least two. */
function unitPrice(value: string): string {
  const d = new Dec(value);
  return d.toFixed(Math.max(2, d.decimalPlaces()));
}

interface TaxSummaryRow {
  name: string;
  rate: string;
  amount: Dec;
  tax: Dec;
}

function taxSummary(doc: StoredDocument, fiscal: FiscalRecord): TaxSummaryRow[] {
  const rows = new Map<number, TaxSummaryRow>();
  doc.payload.LineItems.forEach((line, i) => {
    const t = fiscal.lines[i];
    if (!t) return;
    const row = rows.get(t.taxId) ?? { name: t.taxName, rate: t.taxPercent === null ? 'Exempt' : `${t.taxPercent}%`, amount: new Dec(0), tax: new Dec(0) };
    row.amount = row.amount.plus(line.LineAmount);
    row.tax = row.tax.plus(t.tax);
    rows.set(t.taxId, row);
  });
  return [...rows.values()];
}

export async function renderFiscalPdf(doc: StoredDocument, fiscal: FiscalRecord): Promise<Buffer> {
  const qrPng = await QRCode.toBuffer(fiscal.qrCodeUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 6 });
  const pdf = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: `${heading(doc)} ${doc.documentNumber}`, Producer: 'Fiscal Desk sandbox' } });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  draw(pdf, doc, fiscal, qrPng);
  pdf.end();
  return done;
}

function heading(doc: StoredDocument): string {
  return doc.kind === 'invoice' ? 'Fiscal Tax Invoice' : 'Fiscal Credit Note';
}

function draw(pdf: PDFKit.PDFDocument, doc: StoredDocument, fiscal: FiscalRecord, qrPng: Buffer): void {
  const p = doc.payload;
  const s = fiscal.seller;

  pdf.font('Helvetica').fontSize(7).fillColor('#a33').text('TRAINING SANDBOX - NOT A VALID TAX DOCUMENT', MARGIN, 20, { width: CONTENT_WIDTH, align: 'center' });
  pdf.fillColor('black').font('Helvetica-Bold').fontSize(20).text(heading(doc), MARGIN, MARGIN);

  // QR block, top right.
  const qrSize = 120;
  const qrX = PAGE_WIDTH - MARGIN - qrSize;
  pdf.image(qrPng, qrX, MARGIN, { width: qrSize, height: qrSize });
  pdf.font('Helvetica').fontSize(8);
  const qrLines = [
    'Verification code',
    fiscal.verificationCode,
    `Invoice ${fiscal.receiptCounter}/${fiscal.fiscalDayNo}`,
    `Device ID ${fiscal.deviceId}  Fiscal day ${fiscal.fiscalDayNo}`,
    `Receipt global no ${fiscal.receiptGlobalNo}`,
  ];
  let qy = MARGIN + qrSize + 4;
  for (const [i, text] of qrLines.entries()) {
    pdf.font(i === 1 ? 'Helvetica-Bold' : 'Helvetica').fontSize(i === 1 ? 10 : 8).text(text, qrX - 30, qy, { width: qrSize + 30, align: 'right' });
    qy = pdf.y + 1;
  }

  // Seller.
  const leftWidth = CONTENT_WIDTH - qrSize - 40;
  let y = MARGIN + 30;
  pdf.font('Helvetica-Bold').fontSize(11).text(latin1(s.name), MARGIN, y, { width: leftWidth });
  pdf.font('Helvetica').fontSize(9);
  const sellerLines = [
    s.tradeName ? `Trading as ${s.tradeName}` : '',
    `TIN ${s.tin}${s.vatNumber ? `   VAT ${s.vatNumber}` : ''}`,
    `${s.branchName}, ${s.address}`,
    [s.phone, s.email].filter(Boolean).join('   '),
    `Device serial ${s.deviceSerialNo}`,
  ].filter((line) => line !== '');
  for (const line of sellerLines) pdf.text(latin1(line), { width: leftWidth });

  // Document details.
  y = pdf.y + 12;
  const numberLabel = doc.kind === 'invoice' ? 'Invoice number' : 'Credit note number';
  const details: Array<[string, string]> = [
    [numberLabel, doc.documentNumber],
    ['Date', humanDate(p.Date)],
    ['Currency', fiscal.currency],
  ];
  if (p.PaymentMethod) details.push(['Payment', p.PaymentMethod]);
  if (doc.kind === 'credit-note') {
    const o = fiscal.original;
    details.push(['Credits invoice', o ? `${o.invoiceNumber} (fiscal invoice ${o.receiptCounter}/${o.fiscalDayNo})` : doc.payload.OriginalInvoiceId]);
    if (p.Reference) details.push(['Reason', p.Reference]);
  } else if (p.Reference) {
    details.push(['Reference', p.Reference]);
  }
  for (const [label, value] of details) {
    pdf.font('Helvetica-Bold').fontSize(9).text(`${label}:`, MARGIN, y, { width: 95 });
    pdf.font('Helvetica').text(latin1(value), MARGIN + 95, y, { width: leftWidth - 95 });
    y = pdf.y + 2;
  }

  // Buyer.
  const b = p.BuyerContact;
  y = Math.max(y, qy) + 12;
  pdf.font('Helvetica-Bold').fontSize(10).text('Buyer', MARGIN, y);
  pdf.font('Helvetica').fontSize(9);
  const address = b.Address ? [`${b.Address.HouseNo ?? ''} ${b.Address.Street ?? ''}`.trim(), b.Address.City, b.Address.Province].filter((x) => x) : [];
  const buyerLines = [
    b.Name,
    b.TradeName ? `Trading as ${b.TradeName}` : '',
    b.Tin ? `TIN ${b.Tin}${b.VatNumber ? `   VAT ${b.VatNumber}` : ''}` : '',
    address.join(', '),
    [b.Phone, b.Email].filter(Boolean).join('   '),
  ].filter((line) => line !== '');
  for (const line of buyerLines) pdf.text(latin1(line), { width: CONTENT_WIDTH });

  // Lines.
  y = pdf.y + 14;
  const cols = [
    { title: 'HS code', width: 62, align: 'left' as const },
    { title: 'Description', width: 183, align: 'left' as const },
    { title: 'Qty', width: 45, align: 'right' as const },
    { title: 'Unit price', width: 65, align: 'right' as const },
    { title: 'Tax rate', width: 60, align: 'right' as const },
    { title: 'Amount', width: 100, align: 'right' as const },
  ];
  const row = (cells: string[], bold: boolean): void => {
    if (y > PAGE_HEIGHT - MARGIN - 40) {
      pdf.addPage();
      y = MARGIN;
    }
    let x = MARGIN;
    let height = 0;
    pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5);
    cells.forEach((cell, i) => {
      const col = cols[i];
      if (!col) return;
      pdf.text(latin1(cell), x, y, { width: col.width - 4, align: col.align });
      height = Math.max(height, pdf.y - y);
      x += col.width;
    });
    y += height + 4;
  };
  row(cols.map((c) => c.title), true);
  pdf.moveTo(MARGIN, y - 2).lineTo(PAGE_WIDTH - MARGIN, y - 2).lineWidth(0.5).stroke();
  p.LineItems.forEach((line, i) => {
    const tax = fiscal.lines[i];
    const rate = tax?.taxPercent === null || tax === undefined ? 'Ex' : `${tax.taxPercent}%`;
    const discount = line.DiscountAmount && new Dec(line.DiscountAmount).gt(0) ? ` (discount ${formatMoney(line.DiscountAmount)})` : '';
    row([line.ProductCode ?? '', `${line.Description}${discount}`, new Dec(line.Quantity).toFixed(), unitPrice(line.UnitAmount), rate, formatMoney(line.LineAmount)], false);
  });

  // Tax summary and totals.
  y += 10;
  const sumCols = [
    { title: 'Tax', width: 200 },
    { title: 'Rate', width: 60 },
    { title: p.IsTaxInclusive ? 'Amount incl. tax' : 'Amount excl. tax', width: 120 },
    { title: 'Tax', width: 135 },
  ];
  const summaryRow = (cells: string[], bold: boolean): void => {
    if (y > PAGE_HEIGHT - MARGIN - 40) {
      pdf.addPage();
      y = MARGIN;
    }
    let x = MARGIN;
    pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5);
    cells.forEach((cell, i) => {
      const col = sumCols[i];
      if (!col) return;
      pdf.text(latin1(cell), x, y, { width: col.width - 4, align: i === 0 ? 'left' : 'right' });
      x += col.width;
    });
    y = pdf.y + 3;
  };
  summaryRow(['Tax summary', 'Rate', sumCols[2]?.title ?? '', 'Tax'], true);
  for (const t of taxSummary(doc, fiscal)) summaryRow([t.name, t.rate, formatMoney(t.amount), formatMoney(t.tax)], false);

  y += 8;
  const totals: Array<[string, string]> = [
    ['Subtotal', formatMoney(p.SubTotal)],
    ['Total tax', formatMoney(p.TotalTax)],
    [`Total ${fiscal.currency}`, formatMoney(p.Total)],
  ];
  for (const [i, [label, value]] of totals.entries()) {
    const bold = i === totals.length - 1;
    pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(bold ? 11 : 9);
    pdf.text(label, MARGIN + CONTENT_WIDTH - 260, y, { width: 140, align: 'right' });
    pdf.text(value, MARGIN + CONTENT_WIDTH - 110, y, { width: 110, align: 'right' });
    y = pdf.y + 2;
  }

  y += 16;
  pdf.font('Helvetica').fontSize(7.5).fillColor('#444');
  pdf.text(
    `Verify this ${doc.kind === 'invoice' ? 'invoice' : 'credit note'} by scanning the QR code or at ${latin1(fiscal.qrCodeUrl.slice(0, fiscal.qrCodeUrl.length - 44))} with verification code ${fiscal.verificationCode}.`,
    MARGIN,
    y,
    { width: CONTENT_WIDTH },
  );
  pdf.fillColor('black');
}
