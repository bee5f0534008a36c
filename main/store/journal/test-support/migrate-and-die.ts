// Opens a journal at the schema before migration 012 and is killed (SIGKILL) in the middle of
// migration 012, after its first batch of documents was repacked and before its COMMIT.
import { silentLogger } from '../../../logging/logger';
import { Journal } from '../journal';
import { migration012 } from '../migrations/012-journal-footprint';

const [path] = process.argv.slice(2);
if (path === undefined) throw new Error('usage: migrate-and-die <journal path>');
Journal.open({
  path,
  logger: silentLogger,
  onMigrationProgress: ({ version, done, total }) => {
    if (version !== migration012.version || done === 0) return;
    console.log(`KILLED AT ${done}/${total}`);
    process.kill(process.pid, 'SIGKILL');
  },
});
