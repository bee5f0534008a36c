// Turns an accepted document into a fiscal record: next receipt numbers, ZIMRA QR data, PDF token.
import { randomBytes } from 'node:crypto';
import { parseFhDate } from '../../../shared/domain/fiscal-harmony/fh-date';
import { lineTax } from '../../../shared/domain/fiscal-harmony/arithmetic';
import type { AccountState, DeviceState, FiscalRecord, SellerSnapshot, StoredDocument } from '../state/account-state';
import type { LineTax } from '../processing/mapping-rules';
import { nextReceipt } from './fiscal-counters';
import { buildZimraQr } from './zimra-qr';

function sellerOf(account: AccountState, device: DeviceState): SellerSnapshot {
  const c = device.config;
  const a = c.deviceBranchAddress;
  return {
    name: c.taxPayerName,
    tradeName: account.profile.TradeName ?? null,
    tin: c.taxPayerTIN,
    vatNumber: c.vatNumber ?? null,
    branchName: c.deviceBranchName,
    address: [`${a.houseNo} ${a.street}`.trim(), a.city, a.province].filter((s) => s !== '').join(', '),
    phone: c.deviceBranchContacts.phoneNo ?? null,
    email: c.deviceBranchContacts.email ?? null,
    deviceSerialNo: c.deviceSerialNo,
  };
}

export function fiscalise(
  account: AccountState,
  device: DeviceState,
  doc: StoredDocument,
  lineTaxes: readonly LineTax[],
  currency: string,
  original: FiscalRecord['original'],
  now: Date,
): FiscalRecord {
  const numbers = nextReceipt(device.counters, now);
  const receiptDate = parseFhDate(doc.payload.Date) ?? now;
  const p = doc.payload;
  const qr = buildZimraQr({
    qrUrl: device.config.qrUrl,
    deviceId: device.deviceId,
    receiptDate,
    receiptGlobalNo: numbers.receiptGlobalNo,
    receiptText: [device.deviceId, doc.kind, currency, numbers.receiptGlobalNo, p.Date, p.Total, p.TotalTax, doc.documentNumber].join('|'),
    signingKey: device.signingKey,
  });
  const pdfToken = `fh-${device.deviceId}-${numbers.receiptGlobalNo}-${randomBytes(6).toString('hex')}.pdf`;
  account.pdfTokens.set(pdfToken, doc.requestId);
  return {
    deviceId: device.deviceId,
    ...numbers,
    qrCodeUrl: qr.qrCodeUrl,
    verificationCode: qr.verificationCode,
    pdfToken,
    fiscalisedAt: now.toISOString(),
    currency,
    lines: p.LineItems.map((line, i) => {
      const t = lineTaxes[i] ?? { taxId: 0, taxName: '', taxPercent: null };
      return { ...t, tax: lineTax(line.LineAmount, t.taxPercent, p.IsTaxInclusive).toFixed(2) };
    }),
    seller: sellerOf(account, device),
    original,
  };
}
