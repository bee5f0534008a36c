import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appErrorOf } from '../../test-support/app-error-of';
import { startLocalHttpServer, type LocalHttpServer } from '../../test-support/local-http-server';
import { unreadableAnswer } from './fh-errors';
import { localFhClient } from './test-support/local-fh-client';

// A service whose /status answer is the test's to choose: the client reads plain results without
// zod, and must refuse what the schema refuses with the same error.
const REAL = 'https://fdmstest.zimra.co.zw/0000033389140520260000000068CC86EF9CDFA968E3';
const qr = { QrCodeUrl: REAL, VerificationCode: 'CC86-EF9C-DFA9-68E3', FiscalDay: 42, DeviceId: 33389, InvoiceNumber: 7 };
let service: LocalHttpServer;
let answer = '[]';

beforeAll(async () => {
  service = await startLocalHttpServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(answer);
  });
});
afterAll(() => service.close());

async function statusFor(text: string) {
  answer = text;
  return localFhClient(service.origin).checkStatus(['r1']);
}

describe('Fiscal Harmony client reading a status answer', () => {
  it('reads plain results and numeric texts alike', async () => {
    await expect(statusFor(JSON.stringify([{ RequestId: 'r1', Success: true, IsActionable: null, Error: null, FiscalInvoicePdf: 'a.pdf', QrData: qr, New: 1 }]))).resolves.toStrictEqual([
      { RequestId: 'r1', Success: true, IsActionable: false, Error: null, FiscalInvoicePdf: 'a.pdf', QrData: { ...qr, Unreadable: null } },
    ]);
    const [withTexts] = await statusFor(JSON.stringify([{ RequestId: 'r1', Success: true, QrData: { ...qr, FiscalDay: '42', InvoiceNumber: '7' } }]));
    expect(withTexts?.QrData).toMatchObject({ FiscalDay: 42, InvoiceNumber: 7, Unreadable: null });
  });

  it.each([
    ['a result that is not an object', '[1]'],
    ['Success as text', '[{"RequestId":"r1","Success":"true"}]'],
    ['no RequestId', '[{"Success":true}]'],
    ['a fiscal day with decimals', `[{"RequestId":"r1","Success":true,"QrData":${JSON.stringify(qr).replace('"FiscalDay":42', '"FiscalDay":42.5')}}]`],
    ['a device id past 2^53', `[{"RequestId":"r1","Success":true,"QrData":${JSON.stringify(qr).replace('"DeviceId":33389', '"DeviceId":9007199254740993')}}]`],
    ['an object, not a list', '{"RequestId":"r1","Success":true}'],
  ])('refuses %s as unreadable', async (_what, text) => {
    const error = await appErrorOf(statusFor(text));
    expect(error).toMatchObject({ code: unreadableAnswer().code, message: unreadableAnswer().message, retryable: true });
  });
});
