// QR data built the ZIMRA way: qrUrl + device id (10 digits) + receipt date (ddMMyyyy) +
// receipt global number (10 digits) + the first 16 hex characters of the MD5 of the receipt's
// device signature; the verification code is those 16 characters as XXXX-XXXX-XXXX-XXXX.
import { createHash, createHmac } from 'node:crypto';
import { catParts } from '../../../shared/domain/fiscal-harmony/fh-date';

export interface ReceiptForQr {
  qrUrl: string;
  deviceId: number;
  receiptDate: Date;
  receiptGlobalNo: number;
  /** The canonical receipt text the device signs. */
  receiptText: string;
  signingKey: string;
}

export interface ZimraQr {
  qrCodeUrl: string;
  verificationCode: string;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function ddMMyyyy(date: Date): string {
  const p = catParts(date);
  return `${pad(p.day, 2)}${pad(p.month, 2)}${pad(p.year, 4)}`;
}

export function buildZimraQr(receipt: ReceiptForQr): ZimraQr {
  // The sandbox stands in for the device's signature with an HMAC under a per-device key.
  const signature = createHmac('sha256', receipt.signingKey).update(receipt.receiptText).digest();
  const qrData = createHash('md5').update(signature).digest('hex').slice(0, 16).toUpperCase();
  const base = receipt.qrUrl.replace(/\/+$/, '');
  return {
    qrCodeUrl: `${base}/${pad(receipt.deviceId, 10)}${ddMMyyyy(receipt.receiptDate)}${pad(receipt.receiptGlobalNo, 10)}${qrData}`,
    verificationCode: qrData.match(/.{4}/g)?.join('-') ?? qrData,
  };
}

// The app reads what this builds with the one parser, shared/domain/fiscal-harmony/zimra-qr-url.ts.
export { VERIFICATION_CODE } from '../../../shared/domain/fiscal-harmony/zimra-qr-url';
