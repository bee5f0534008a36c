import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, queueInvoices, seeded, type Harness } from '../../outbox/test-support/outbox-harness';
import { startStatusProxy, type StatusProxy } from '../../outbox/test-support/status-proxy';
import { createDemoAccount, uniqueCredentials } from '../../sandbox/demo-accounts';
import { startFiscalHarmonySandbox, type RunningSandbox } from '../../sandbox/fiscal-harmony-sandbox';
import { appErrorOf } from '../../test-support/app-error-of';
import { PdfStore } from './pdf-store';

// The PDF of a document fiscalised by the sandbox, fetched with the real client through a
// pass-through that counts what reaches the sandbox: downloaded once, then read from the disk.

let sandbox: RunningSandbox;
let proxy: StatusProxy;
let harness: Harness;
const credentials = uniqueCredentials('pdf-store');
let now = Date.parse('2026-11-30T08:00:00Z');
let documentId = '';
let token = '';
let folder = '';

const downloads = () => proxy.calls.filter((call) => call.startsWith('GET /api/download/'));
const download = (file: string) => harness.client.downloadPdf(file);

beforeAll(async () => {
  sandbox = await startFiscalHarmonySandbox({ processingDelayMs: 3_600_000, onError: () => undefined });
  sandbox.addAccount(createDemoAccount('shop', credentials));
  proxy = await startStatusProxy(sandbox.baseUrl);
  harness = openHarness({ dataDirectory: mkdtempSync(join(tmpdir(), 'fd-pdf-')), baseUrl: proxy.baseUrl, credentials, clock: () => new Date(now) });
  [documentId = ''] = await queueInvoices(harness.documents, 1, seeded(3));
  await harness.outbox.tick();
  sandbox.processNow();
  now += 60_000;
  await harness.outbox.tick();
  token = harness.documents.repo.get(documentId)?.pdf_token ?? '';
  expect(token).not.toBe('');
});
afterAll(async () => {
  await harness.close();
  await proxy.close();
  await sandbox.close();
});
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'fd-pdfs-'));
  proxy.calls.length = 0;
});

describe('the PDF store', () => {
  it('downloads a PDF once: the next view, and the next run of the app, read it from the disk', async () => {
    const first = await new PdfStore(folder).get(documentId, token, download);
    expect(Buffer.from(first.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const store = new PdfStore(folder);
    for (const again of [await store.get(documentId, token, download), await store.get(documentId, token, download)]) {
      expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    }
    expect(downloads()).toHaveLength(1);
  });

  it('shares one download between views asked for at once', async () => {
    const store = new PdfStore(folder);
    const views = await Promise.all([1, 2, 3].map(() => store.get(documentId, token, download)));
    expect(new Set(views.map((bytes) => Buffer.from(bytes).toString('base64'))).size).toBe(1);
    expect(downloads()).toHaveLength(1);
  });

  it('moves a kept file that is not a PDF aside and downloads it again', async () => {
    writeFileSync(new PdfStore(folder).pathOf(documentId), 'half a file');
    const bytes = await new PdfStore(folder).get(documentId, token, download);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(downloads()).toHaveLength(1);
    expect(readdirSync(folder).filter((name) => name.includes('.unreadable-'))).toHaveLength(1);
  });

  it.each(['.', '..'])('refuses the PDF name "%s" without asking anything (it would name another address)', async (name) => {
    const error = await appErrorOf(new PdfStore(folder).get(documentId, name, download));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toMatch(/cannot be asked for.*own layout/);
    expect(proxy.calls).toEqual([]);
  });
});
