import type { Receipt } from '../../../../shared/contract/history';
import { formatAmount } from '../../../components/format';
import { QrImage } from '../qr-image';

/*
 * The blocks of ZIMRA's print views (ZS §10.1–10.3, zimra-rules.md section 1), shared by the A4
 * invoice and the 80 mm receipt, in ZIMRA's order: seller, heading, buyer, receipt data, credit
 * note data, lines, settlement, number of items, tax table, verification. docs/zimra-print.md
 * lists each field, where it comes from and the test that proves it.
 */

export const NOT_FISCAL_HEADING = 'NOT A FISCAL DOCUMENT — awaiting ZIMRA verification';

export const money = (value: string | null | undefined) => formatAmount(value);

/** The document's own date and time as it was issued (CAT), whatever this computer's time zone: "03/12/2026 15:53". */
export function printedDateTime(value: string | null): string {
  if (value === null) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  return match === null ? value : `${match[3]}/${match[2]}/${match[1]} ${match[4]}:${match[5]}`;
}

/** The document's own date: "03/12/2026". */
export function printedDate(value: string | null): string {
  return printedDateTime(value).split(' ')[0] ?? '—';
}

/** Training, COPY and not-fiscal marks, above everything else. */
export function PrintMarks({ receipt }: { receipt: Receipt }) {
  return (
    <>
      {receipt.training ? <p className="print-mark">TRAINING — NOT A VALID TAX DOCUMENT</p> : null}
      {receipt.printAs === 'copy' ? <p className="print-mark print-mark--copy">COPY</p> : null}
      {receipt.printAs === 'not-fiscal' ? <p className="print-mark">NOT A FISCAL DOCUMENT</p> : null}
    </>
  );
}

/** ZS items 2–8: legal name, branch name when it differs, TIN, VAT No, branch address, contacts. */
export function sellerLines(receipt: Receipt): string[] {
  const seller = receipt.seller;
  return [
    seller.branchName,
    seller.tin === null ? null : `TIN: ${seller.tin}`,
    seller.vatNumber === null ? null : `VAT No: ${seller.vatNumber}`,
    seller.address,
    seller.phone === null ? null : `Tel: ${seller.phone}`,
    seller.email === null ? null : `Email: ${seller.email}`,
  ].filter((line): line is string => line !== null && line !== '');
}

export function SellerBlock({ receipt, className }: { receipt: Receipt; className?: string }) {
  return (
    <div className={className} data-block="seller">
      <p className="print-seller">{receipt.seller.legalName ?? 'Seller details unavailable'}</p>
      {sellerLines(receipt).map((line) => (
        <p key={line}>{line}</p>
      ))}
      {receipt.sellerNote === null ? null : <p className="print-note">{receipt.sellerNote}</p>}
    </div>
  );
}

/** ZS item 9, or the not-fiscal heading (VasBox's "Pending ZIMRA Verification" practice). */
export function Heading({ receipt, className }: { receipt: Receipt; className?: string }) {
  return <p className={['print-heading', className].filter(Boolean).join(' ')}>{receipt.heading ?? NOT_FISCAL_HEADING}</p>;
}

/** ZS items 10–16, only when buyer data is given. */
export function buyerLines(receipt: Receipt): string[] {
  const buyer = receipt.buyer;
  return [
    buyer.tradeName,
    buyer.tin === '' ? null : `TIN: ${buyer.tin}`,
    buyer.vatNumber === '' ? null : `VAT No: ${buyer.vatNumber}`,
    buyer.address,
    buyer.phone === '' ? null : `Tel: ${buyer.phone}`,
    buyer.email === '' ? null : `Email: ${buyer.email}`,
  ].filter((line): line is string => line !== null && line !== '');
}

export function BuyerBlock({ receipt }: { receipt: Receipt }) {
  if (receipt.buyer.name.trim() === '') return null;
  return (
    <div data-block="buyer">
      <p className="print-label">Buyer</p>
      <p className="print-buyer">{receipt.buyer.name}</p>
      {buyerLines(receipt).map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}

/** ZS items 17–23: receipt counter/global number, fiscal day, the seller's number, device, date and time. */
export function receiptLines(receipt: Receipt): string[] {
  const fiscal = receipt.fiscal;
  return [
    fiscal === null ? null : `Receipt No: ${fiscal.receiptCounter}/${fiscal.receiptGlobalNo ?? '(unreadable)'}`,
    fiscal === null ? null : `Fiscal day No: ${fiscal.fiscalDay}`,
    `Invoice No: ${receipt.number ?? '—'}`,
    `Device Serial No: ${receipt.device.serial ?? '—'}`,
    `Device ID: ${receipt.device.id ?? '—'}`,
    `Date: ${printedDateTime(receipt.date)}`,
  ].filter((line): line is string => line !== null);
}

export function ReceiptBlock({ receipt, className }: { receipt: Receipt; className?: string }) {
  return (
    <div className={className} data-block="receipt">
      {receiptLines(receipt).map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}

/** ZS items 24–28 and the reason: the credited invoice's device serial, global number, date and number. */
export function CreditNoteBlock({ receipt }: { receipt: Receipt }) {
  const credited = receipt.creditedInvoice;
  if (receipt.kind !== 'credit-note' || credited === null) return null;
  return (
    <div data-block="credit-note">
      <p className="print-label">Credit note</p>
      <p>Credited invoice No: {credited.number ?? '—'}</p>
      <p>Device Serial No: {credited.deviceSerial ?? '—'}</p>
      <p>Receipt global No: {credited.receiptGlobalNo ?? '—'}</p>
      <p>Invoice date: {printedDate(credited.date)}</p>
      <p>Reason: {receipt.reference === '' ? '—' : receipt.reference}</p>
    </div>
  );
}

/** ZS items 35–38: total and what was paid by which method. */
export function PaymentLines({ receipt }: { receipt: Receipt }) {
  return (
    <>
      {receipt.payments.map((payment) => (
        <p key={payment.method} className="print-row">
          <span>Paid by {payment.method}</span>
          <span>{money(payment.amount)}</span>
        </p>
      ))}
    </>
  );
}

/** ZS items 45–46: the QR code, "Verification code:" and where to verify by hand. */
export function FiscalFooter({ receipt, size }: { receipt: Receipt; size: number }) {
  const fiscal = receipt.fiscal;
  if (fiscal === null) {
    return <p className="print-note">Not fiscalised yet: ZIMRA has not verified this document, so it has no QR code or verification code.</p>;
  }
  if (fiscal.qrProblem !== null || fiscal.verifySite === null) {
    return (
      <p className="print-note" role="note">
        The service sent an unreadable QR code, so none is printed. Check this document in the Fiscal Harmony portal.
      </p>
    );
  }
  return (
    <footer className="print-fiscal" data-block="verification">
      <QrImage value={fiscal.qrCodeUrl} size={size} label={`QR code, verification code ${fiscal.verificationCode}`} />
      <div>
        <p>
          Verification code: <strong className="mono" data-testid="print-verification-code">{fiscal.verificationCode}</strong>
        </p>
        <p>You can verify this receipt manually at {fiscal.verifySite}</p>
      </div>
    </footer>
  );
}
