// One run of a till's replicator in a process of its own, for the crash test: copies until the
// journal is caught up (exit 0) or paused (exit 2), printing BATCH before each batch it writes.
import { join } from 'node:path';
import { silentLogger } from '../../logging/logger';
import { JOURNAL_FILE_NAME, Journal } from '../../store/journal/journal';
import { ShopReplicator } from '../replicator';
import { openShopClient, type ShopDbConnectionSettings } from '../shop-db-connection';
import { ManualScheduler } from './manual-scheduler';

const [dataDirectory, settingsJson, password, stationId, batchSize] = process.argv.slice(2);
if (dataDirectory === undefined || settingsJson === undefined || password === undefined || stationId === undefined) throw new Error('usage: replicate-child DIR SETTINGS PASSWORD STATION [BATCH]');
const settings = JSON.parse(settingsJson) as ShopDbConnectionSettings;
const journal = Journal.open({ path: join(dataDirectory, JOURNAL_FILE_NAME), logger: silentLogger });
const replicator = new ShopReplicator({
  journal: journal.db,
  till: () => ({ stationId, branch: 'Harare', label: 'Till', appVersion: '0.1.0' }),
  target: () => settings,
  connect: (onLost) => openShopClient(settings, password, onLost),
  scheduler: new ManualScheduler(),
  logger: silentLogger,
  batchSize: Number(batchSize ?? 10),
  onStatus: (status) => {
    if (status.state === 'copying') process.stdout.write('BATCH\n');
  },
});
const status = await replicator.flush();
await replicator.stop();
journal.close();
process.stdout.write(`${status.state} ${status.message}\n`);
process.exit(status.state === 'up-to-date' ? 0 : 2);
