// A process that takes the next invoice number inside a transaction and is killed (SIGKILL) before
// its COMMIT, for the numbering crash test: the watermark is on disk, the journal never got the number.
import { join } from 'node:path';
import { silentLogger } from '../../../logging/logger';
import { Journal, JOURNAL_FILE_NAME } from '../journal';
import { NumberWatermark } from '../number-watermark';
import { startNumbering } from '../numbering-start';

const [dataDirectory] = process.argv.slice(2);
if (dataDirectory === undefined) throw new Error('usage: take-number-and-die <dataDirectory>');
const journal = Journal.open({ path: join(dataDirectory, JOURNAL_FILE_NAME), logger: silentLogger });
const { sequences } = startNumbering({ journal, watermark: new NumberWatermark(dataDirectory), signs: [], logger: silentLogger, clock: () => new Date() });
journal.transaction(() => {
  console.log(`TOOK ${sequences.take('p1', 'invoice', 'INV-')}`);
  process.kill(process.pid, 'SIGKILL');
});
