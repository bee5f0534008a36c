import { expect, it } from 'vitest';
import type { Logger } from '../../logging/logger';
import { migrationProgressLog } from './migration-progress-log';

it('logs a long journal update once every tenth of the way and at its end, per step', () => {
  const records: { message: string; meta: Record<string, unknown> | undefined }[] = [];
  const keep = (message: string, meta?: Record<string, unknown>) => void records.push({ message, meta });
  const logger: Logger = { debug: keep, info: keep, warn: keep, error: keep };
  const log = migrationProgressLog(logger);
  for (let done = 0; done <= 1000; done += 50) log({ version: 12, name: 'journal-footprint', done, total: 1000 });
  log({ version: 13, name: 'next', done: 1, total: 1 });
  expect(records.map((record) => record.meta?.percent)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 100]);
  expect(records.every((record) => record.message === 'Updating the documents journal')).toBe(true);
});
