import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { QrInfo } from '../../../shared/contract/documents';
import type { Receipt } from '../../../shared/contract/history';
import { FiscalFacts } from './fiscal-facts';
import { A4Invoice } from './print/a4-invoice';
import { ThermalReceipt } from './print/thermal-receipt';

// The screens given a QR address from the service that is not ZIMRA's, as main hands it over
// (main/services/history/hostile-qr.test.ts gets exactly this from the sandbox's hostile-QR
// fault): no crash, a plain message, no QR drawn. The A4 layout used to call `new URL` on this
// text, which throws. Rendered by React itself: a throw while rendering fails the test.

/** `new URL` throws on it: an https look, an unclosed IPv6 bracket. */
const HOSTILE = 'https://[fdmstest.zimra.co.zw/0000023401031220260000000121';

const qr: QrInfo = { qrCodeUrl: HOSTILE, verificationCode: 'CC86-EF9C-DFA9-68E3', fiscalDay: 42, deviceId: 23401, zimraInvoiceNumber: 3 };

const receipt: Receipt = {
  id: '7d1c8a40-1b5e-4c39-9f0a-2a6b8c9d0e1f',
  kind: 'invoice',
  state: 'fiscalised',
  training: true,
  printAs: 'fiscal',
  heading: 'FISCAL TAX INVOICE',
  number: 'INV-000001',
  date: '2026-12-03T15:53:49+02:00',
  currency: 'USD',
  taxInclusive: true,
  reference: '',
  seller: { legalName: 'Msasa Hardware (Private) Limited', branchName: 'Msasa Main Branch', tin: '2000123456', vatNumber: '220012345', address: '112 Mutare Road, Harare, Harare', phone: null, email: null },
  sellerNote: null,
  device: { serial: 'SBX-023401', id: 23401 },
  buyer: { name: 'Walk-in customer', tradeName: '', tin: '', vatNumber: '', address: '', phone: '', email: '' },
  lines: [{ description: 'Cooking oil 2 l', hsCode: '15079000', quantity: '2', unitAmount: '4.60', discountAmount: '', taxCode: 'VAT15', taxPercent: '15.5', lineAmount: '9.20' }],
  itemCount: '2',
  taxTable: [{ taxCode: 'VAT15', taxName: 'Standard rated 15.5%', percent: '15.5', net: '7.97', tax: '1.23', gross: '9.20' }],
  taxesNote: null,
  totals: { subTotal: '7.97', totalTax: '1.23', total: '9.20' },
  payments: [{ method: 'Cash', amount: '9.20' }],
  fiscal: { receiptCounter: 3, receiptGlobalNo: null, fiscalDay: 42, qrCodeUrl: HOSTILE, verificationCode: 'CC86-EF9C-DFA9-68E3', verifySite: null, qrProblem: "The QR address is not an https address in ZIMRA's form" },
  creditedInvoice: null,
  fiscalPrints: 0,
};

/** The text a screen shows (tags dropped), and whether it holds a QR image or its placeholder. */
function rendered(element: React.ReactElement): { text: string; qr: boolean } {
  const html = renderToStaticMarkup(element);
  return { text: html.replace(/<[^>]+>/g, ' ').replace(/&#x27;/g, "'").replace(/\s+/g, ' '), qr: /qr-(image|placeholder)/.test(html) };
}

describe('a QR address that is not ZIMRA\'s', () => {
  it('shows the detail\'s fiscal data as an unreadable QR code, with no QR image', () => {
    const { text, qr: drawn } = rendered(<FiscalFacts qr={qr} />);
    expect(text).toContain('The service sent an unreadable QR code');
    expect(drawn).toBe(false);
  });

  it.each([
    ['A4 invoice', () => <A4Invoice receipt={receipt} />],
    ['80 mm receipt', () => <ThermalReceipt receipt={receipt} />],
  ])('prints the %s with a plain message instead of the QR code', (_layout, element) => {
    const { text, qr: drawn } = rendered(element());
    expect(text).toContain('The service sent an unreadable QR code, so none is printed.');
    expect(text).toContain('FISCAL TAX INVOICE');
    expect(drawn).toBe(false);
    expect(text).not.toContain('You can verify this receipt manually');
  });
});
