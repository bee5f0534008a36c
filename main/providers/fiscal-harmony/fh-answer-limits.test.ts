import { appErrorOf } from '../../test-support/app-error-of';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/errors';
import { startLocalHttpServer, type LocalHttpServer } from '../../test-support/local-http-server';
import { peakMemoryGrowth, sendEndlessJson, sendGzipBomb, writeRepeated } from '../../test-support/oversized-answers';
import type { FiscalHarmonyClient } from './fh-client';
import { localFhClient } from './test-support/local-fh-client';

// A "service" on loopback whose answers are far too large, each in its own way.
const MIB = 1024 * 1024;
const memoryBudget = 100 * MIB;
let service: LocalHttpServer;

async function sendPdf(response: Parameters<typeof writeRepeated>[0], sizeBytes: number): Promise<void> {
  response.writeHead(200, { 'Content-Type': 'application/pdf' });
  response.write('%PDF-1.7\n');
  await writeRepeated(response, Buffer.alloc(64 * 1024, ' '), sizeBytes);
}

beforeAll(async () => {
  service = await startLocalHttpServer(async (request, response) => {
    if (request.url === '/api/profile') return sendEndlessJson(response);
    if (request.url === '/api/subscription') return sendGzipBomb(response);
    if (request.url === '/api/taxmapping') return sendEndlessJson(response, 5 * MIB);
    if (request.url === '/api/download/five-mib.pdf') return sendPdf(response, 5 * MIB);
    if (request.url === '/api/download/huge.pdf') return sendPdf(response, 1024 * MIB);
    response.writeHead(404).end();
  });
});
afterAll(() => service.close());

function client(): FiscalHarmonyClient {
  return localFhClient(service.origin, { credentials: async () => ({ apiKey: 'fh-key-limits', apiSecret: 'fh-secret-limits' }), timeoutMs: 15_000 });
}


async function refusedWithinBudget(call: () => Promise<unknown>, limitWords: string): Promise<void> {
  let error: AppError | undefined;
  const growth = await peakMemoryGrowth(async () => {
    error = await appErrorOf(call());
  });
  expect(growth.rssBytes).toBeLessThan(memoryBudget);
  expect(growth.arrayBuffersBytes).toBeLessThan(memoryBudget);
  expect(error?.code).toBe('SERVICE_UNAVAILABLE');
  expect(error?.message).toContain(`larger than ${limitWords}`);
}

describe('Fiscal Harmony client: answer size limits', () => {
  it('stops reading a 1 GiB answer past 4 MB, without the memory to hold it', async () => {
    await refusedWithinBudget(() => client().getProfile(), '4 MB');
  });

  it('stops inflating a gzip bomb (1 MB inflating to 1 GiB) past 4 MB', async () => {
    await refusedWithinBudget(() => client().getSubscription(), '4 MB');
  });

  it('refuses 5 MB of JSON but accepts a 5 MB PDF: the limit is chosen per request', async () => {
    expect((await appErrorOf(client().listTaxMappings())).message).toContain('larger than 4 MB');
    const pdf = await client().downloadPdf('five-mib.pdf');
    expect(pdf.byteLength).toBeGreaterThan(5 * MIB);
    expect((await appErrorOf(client().downloadPdf('five-mib.pdf', { maxBytes: MIB }))).message).toContain('larger than 1 MB');
  });

  it('stops reading a 1 GiB PDF past 20 MB', async () => {
    await refusedWithinBudget(() => client().downloadPdf('huge.pdf'), '20 MB');
  });
});
