import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringifyExactJson } from '../../../shared/domain/exact-json';
import { documentBody } from '../../../shared/domain/fiscal-harmony/document-body';
import { InvoiceSchema } from '../../../shared/domain/fiscal-harmony/schemas';
import { toDecimal } from '../../../shared/domain/money';
import { silentLogger } from '../../logging/logger';
import { createDemoAccount, uniqueCredentials } from '../../sandbox/demo-accounts';
import { startFiscalHarmonySandbox, type RunningSandbox } from '../../sandbox/fiscal-harmony-sandbox';
import { startLocalHttpServer, type LocalHttpServer } from '../../test-support/local-http-server';
import { FiscalHarmonyClient } from './fh-client';
import type { FiscalHarmonyCredentials } from './fh-http';
import { signBody } from './signature';

// 90071992547409.93 is the amount a double cannot hold: JSON.parse makes it ...94.
const AMOUNT = '90071992547409.93';
const run = promisify(execFile);
let sandbox: RunningSandbox;
let echo: LocalHttpServer;
let credentials: FiscalHarmonyCredentials;
let dir: string;

beforeAll(async () => {
  credentials = uniqueCredentials('exact-money');
  sandbox = await startFiscalHarmonySandbox({ accounts: [createDemoAccount('shop', credentials)], processingDelayMs: 60_000, onError: () => undefined });
  // A service answering with the amount as a JSON number (the sandbox's plans are priced in whole dollars).
  echo = await startLocalHttpServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(`{"Plan":{"Name":"Big","Price":${AMOUNT},"Currency":"USD"},"Status":"Active"}`);
  });
  dir = await mkdtemp(join(tmpdir(), 'fh-exact-money-'));
});
afterAll(async () => {
  await Promise.all([sandbox.close(), echo.close(), rm(dir, { recursive: true, force: true })]);
});

function clientAt(baseUrl: string) {
  const sent: { body: string | null; signature: string | null }[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    const body = init?.body === undefined || init.body === null ? null : Buffer.from(init.body as Uint8Array).toString('utf8');
    sent.push({ body, signature: headers.get('x-api-signature') });
    return fetch(input, init);
  };
  const client = new FiscalHarmonyClient({
    profileName: 'Harare shop',
    baseUrl,
    applicationName: 'FiscalDesk',
    stationId: 'c0ffee00-1111-4222-8333-444455556666',
    appVersion: '0.1.0',
    credentials: async () => credentials,
    timeoutMs: 5_000,
    fetch: recordingFetch,
    logger: silentLogger,
  });
  return { client, sent };
}

function bigInvoice() {
  const amount = toDecimal(AMOUNT);
  return {
    InvoiceId: 'exact-money-1',
    InvoiceNumber: 'INV-EXACT-1',
    IsTaxInclusive: true,
    BuyerContact: { Name: 'Cash Tendai' },
    Date: '2026-11-21T09:30:00+02:00',
    LineItems: [{ Description: 'Mine', Quantity: toDecimal('1'), UnitAmount: amount, LineAmount: amount, TaxCode: 'EX', ProductCode: '73170000' }],
    SubTotal: amount,
    TotalTax: toDecimal('0'),
    Total: amount,
    CurrencyCode: 'USD',
    PaymentMethod: 'Cash',
    IsRetry: false,
  };
}

describe('money on the Fiscal Harmony wire, exactly', () => {
  it(`${AMOUNT} goes client -> sandbox -> client without losing a cent, and the signed bytes are the sent bytes`, async () => {
    const { client, sent } = clientAt(sandbox.baseUrl);
    const invoice = bigInvoice();
    const requestId = await client.submitInvoice(invoice);

    // Sent as JSON numbers, digit for digit, and signed over exactly those bytes.
    const [submitted] = sent;
    expect(submitted!.body).toBe(stringifyExactJson(invoice));
    expect(submitted!.body).toContain(`"Total":${AMOUNT},`);
    expect(submitted!.body).toContain(`"UnitAmount":${AMOUNT},`);
    expect(submitted!.signature).toBe(signBody(submitted!.body!, credentials.apiSecret));

    // The sandbox read the amounts from their text.
    const stored = sandbox.documents(credentials.apiKey).find((doc) => doc.requestId === requestId);
    expect(stored?.payload).toMatchObject({ Total: AMOUNT, SubTotal: AMOUNT, LineItems: [{ UnitAmount: AMOUNT, LineAmount: AMOUNT }] });

    // Fiscalised (its arithmetic checks passed on the exact figures), and the fiscal PDF says so.
    expect(sandbox.processNow()).toBe(1);
    const [status] = await client.checkStatus([requestId]);
    expect(status).toMatchObject({ Success: true, Error: null });
    const pdf = await client.downloadPdf(status!.FiscalInvoicePdf!);
    const file = join(dir, 'exact.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', '-raw', file, '-']);
    expect(stdout).toContain(AMOUNT);
    expect(stdout).not.toContain('90071992547409.94');
  });

  it('a validated wire document (amounts as text) goes out with JSON numbers through documentBody()', async () => {
    const { client, sent } = clientAt(sandbox.baseUrl);
    const parsed = InvoiceSchema.parse({
      ...bigInvoice(),
      InvoiceId: 'exact-money-2',
      InvoiceNumber: 'INV-EXACT-2',
      LineItems: [{ Description: 'Mine', Quantity: '1', UnitAmount: AMOUNT, LineAmount: AMOUNT, TaxCode: 'EX', ProductCode: '73170000' }],
      SubTotal: AMOUNT,
      TotalTax: '0.00',
      Total: AMOUNT,
    });
    const requestId = await client.submitInvoice(documentBody(parsed));
    expect(sent[0]!.body).toContain(`"SubTotal":${AMOUNT},"TotalTax":0,"Total":${AMOUNT}`);
    const stored = sandbox.documents(credentials.apiKey).find((doc) => doc.requestId === requestId);
    expect(stored?.payload).toMatchObject({ Total: AMOUNT, LineItems: [{ UnitAmount: AMOUNT }] });
  });

  it('reads an amount the service sends as a JSON number from its text', async () => {
    const subscription = await clientAt(`${echo.origin}/api`).client.getSubscription();
    expect(subscription.Plan?.Price).toBe(AMOUNT);
  });
});
