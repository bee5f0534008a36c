import { describe, expect, it } from 'vitest';
import { nextReceipt } from './fiscal-counters';
import { VERIFICATION_CODE, buildZimraQr, ddMMyyyy } from './zimra-qr';

describe('buildZimraQr', () => {
  const receipt = {
    qrUrl: 'https://fdmstest.zimra.co.zw/',
    deviceId: 23401,
    receiptDate: new Date('2026-11-21T22:30:00Z'), // 22 November in CAT
    receiptGlobalNo: 121,
    receiptText: 'receipt',
    signingKey: 'key',
  };

  it('concatenates qrUrl, device id, date, global number and 16 hex characters', () => {
    const qr = buildZimraQr(receipt);
    expect(qr.qrCodeUrl).toMatch(/^https:\/\/fdmstest\.zimra\.co\.zw\/0000023401221120260000000121[0-9A-F]{16}$/);
    expect(qr.verificationCode).toMatch(VERIFICATION_CODE);
    expect(qr.qrCodeUrl.endsWith(qr.verificationCode.replace(/-/g, ''))).toBe(true);
  });

  it('is deterministic for one receipt and differs between receipts', () => {
    expect(buildZimraQr(receipt)).toEqual(buildZimraQr(receipt));
    expect(buildZimraQr({ ...receipt, receiptText: 'other' }).verificationCode).not.toBe(buildZimraQr(receipt).verificationCode);
  });

  it('writes dates as ddMMyyyy in CAT', () => {
    expect(ddMMyyyy(new Date('2026-01-05T21:59:59Z'))).toBe('05012026');
    expect(ddMMyyyy(new Date('2026-01-05T22:00:00Z'))).toBe('06012026');
  });
});

describe('nextReceipt', () => {
  it('counts receipts per fiscal day and globally, opening a day per CAT date', () => {
    const counters = { fiscalDayNo: 41, fiscalDayDate: null, receiptCounter: 0, receiptGlobalNo: 120 };
    const day1 = new Date('2026-11-21T08:00:00Z');
    expect(nextReceipt(counters, day1)).toEqual({ fiscalDayNo: 42, receiptCounter: 1, receiptGlobalNo: 121 });
    expect(nextReceipt(counters, day1)).toEqual({ fiscalDayNo: 42, receiptCounter: 2, receiptGlobalNo: 122 });
    expect(nextReceipt(counters, new Date('2026-11-21T22:00:00Z'))).toEqual({ fiscalDayNo: 43, receiptCounter: 1, receiptGlobalNo: 123 });
  });
});
