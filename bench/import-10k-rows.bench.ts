// How long main takes to read, group and check a till's export of 10,000 rows (3,334 documents
// of 3 lines, CSV) with the pre-submission check, as the Import screen's preview asks for it
// through the IPC router, and the process's peak memory meanwhile. Goal: under 3,000 ms.
// Prints `BENCH import-10k-rows-ms <n> ms` and `BENCH import-10k-rows-peak-mb <n> MB`.
import type { ImportPreview } from '../shared/contract/import';
import { asCsv, salesFile } from '../main/services/import/test-support/sales-file';
import { uploadFile } from '../main/services/import/test-support/upload-file';
import { composeTestApp, ipcOf } from '../main/test-support/compose-test-app';

const app = await composeTestApp();
const { call, value } = ipcOf(() => app);
const file = salesFile({ documents: 3334, lines: (i) => (i === 3333 ? 1 : 3), problems: new Map([[100, 'hs-code'], [2000, 'tax-unmapped']]) });
if (file.rows.length !== 10_000) throw new Error(`expected 10,000 rows, made ${file.rows.length}`);
const bytes = Buffer.from(asCsv(file), 'utf8');

// A warm-up on a small file, so the figure is the import's and not the first call's.
await value<ImportPreview>('import:preview', { fileId: await uploadFile(call, 'warm-up.csv', Buffer.from(asCsv(salesFile({ documents: 20, lines: () => 3 })))), settings: null });

const fileId = await uploadFile(call, 'till-export-10k.csv', bytes);
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
const preview = await value<ImportPreview>('import:preview', { fileId, settings: null });
const ms = performance.now() - started;
const peakMb = process.resourceUsage().maxRSS / 1024;
if (preview.summary.documents !== 3334 || preview.summary.withProblems !== 2) throw new Error(`unexpected preview: ${JSON.stringify(preview.summary)}`);
await app.dispose();
console.log(`# ${bytes.length} bytes, ${preview.summary.documents} documents, ${preview.summary.withProblems} with problems; RSS before the preview ${Math.round(rssBefore / 1024 / 1024)} MB`);
console.log(`BENCH import-10k-rows-ms ${Math.round(ms)} ms`);
console.log(`BENCH import-10k-rows-peak-mb ${Math.round(peakMb)} MB`);
