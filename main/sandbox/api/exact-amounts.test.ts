import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoInvoice } from '../test-support/demo-documents';
import { startTestSandbox, type TestSandbox } from '../test-support/sandbox-fixture';

// The sandbox reads amounts from their text: a JSON number a double cannot hold arrives intact.
const AMOUNT = '90071992547409.93';
let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ processingDelayMs: 60_000 });
});
afterAll(() => t.close());

/** A demo invoice for one exempt line of AMOUNT, with the amounts written as `write` says. */
function bodyWith(write: (amount: string) => string): string {
  const invoice = demoInvoice({ lines: [{ quantity: '1', unitAmount: '1', taxCode: 'EX' }] });
  const text = JSON.stringify({ ...invoice, LineItems: [{ ...invoice.LineItems[0], UnitAmount: 0, LineAmount: 0 }], SubTotal: 0, Total: 0, TotalTax: 1 });
  return text
    .replace(/"(UnitAmount|LineAmount|SubTotal|Total)":0/g, (_match, field: string) => `"${field}":${write(AMOUNT)}`)
    .replace('"TotalTax":1', '"TotalTax":0.00');
}

describe('sandbox: amounts read exactly', () => {
  for (const [name, write] of [
    ['JSON numbers', (amount: string) => amount],
    ['numeric strings', (amount: string) => `"${amount}"`],
  ] as const) {
    it(`takes ${AMOUNT} as ${name}, stores and fiscalises it digit for digit`, async () => {
      const client = t.freshClient('shop');
      const rawBody = bodyWith(write);
      expect(rawBody).toContain(`"Total":${write(AMOUNT)}`);
      const response = await client.request('POST', '/invoice', undefined, { rawBody });
      expect(response.status, response.text).toBe(200);
      const [stored] = t.sandbox.documents(client.credentials.apiKey);
      expect(stored?.payload).toMatchObject({ Total: AMOUNT, SubTotal: AMOUNT, TotalTax: '0', LineItems: [{ UnitAmount: AMOUNT, LineAmount: AMOUNT }] });
      t.sandbox.processNow();
      const [status] = await client.status([response.text]);
      expect(status).toMatchObject({ Success: true, Error: null });
    });
  }
});
