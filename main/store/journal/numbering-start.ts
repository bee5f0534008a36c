import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Logger } from '../../logging/logger';
import type { Journal } from './journal';
import { recoverJournal, type RecoveryReport } from './journal-recovery';
import { NumberSequences } from './number-sequences';
import type { NumberWatermark } from './number-watermark';

/** What happened to the journal and its numbering at start-up, for the notice and the log. */
export interface NumberingStart {
  sequences: NumberSequences;
  /** How the journal in use came to replace the one that gave the last numbers; null when it did not. */
  replaced: { how: 'moved-aside'; aside: string; recovery: RecoveryReport } | { how: 'lost'; found: 'no-file' | 'empty-file' | 'no-schema'; signs: string[] } | null;
  /** Sequences the journal was behind the watermark on, and went on after it. */
  raised: { profileId: string; kind: string; from: number; to: number }[];
}

/**
 * Signs in the data folder that Fiscal Desk was used here before, so a journal found missing or
 * empty is a lost one (its documents and numbers gone), not a first start.
 */
export function earlierUseSigns(input: { dataDirectory: string; journalPath: string; watermark: NumberWatermark; connectionsBeyondTraining: boolean }): string[] {
  const signs: string[] = [];
  if (input.watermark.exists()) signs.push('the numbering watermark');
  if (input.connectionsBeyondTraining) signs.push('connections in the settings');
  const pdfs = join(input.dataDirectory, 'pdfs');
  if (existsSync(pdfs) && readdirSync(pdfs).length > 0) signs.push('saved PDFs');
  const asidePrefix = `${basename(input.journalPath)}.unreadable-`;
  if (readdirSync(dirname(input.journalPath)).some((name) => name.startsWith(asidePrefix))) signs.push('an earlier journal kept aside');
  return signs;
}

/**
 * Sets the numbering up for the journal just opened. A journal moved aside is read back into the
 * new one (journal-recovery.ts); a journal found missing or empty although the data folder shows
 * earlier use is treated as lost as well. When such a replacement happened and the watermark
 * cannot be read, the last numbers are unknown: the new journal says so (until each is
 * recovered or confirmed). Then the journal is brought up to the watermark (NumberSequences).
 */
export function startNumbering(input: {
  journal: Journal;
  watermark: NumberWatermark;
  /** Read before the journal was opened: opening makes a file, and its absence is a sign. */
  signs: string[];
  logger: Logger;
  clock: () => Date;
}): NumberingStart {
  const { journal, watermark, logger, clock } = input;
  const sequences = new NumberSequences({ journal, watermark, logger, clock });
  const opening = journal.opening;
  let replaced: NumberingStart['replaced'] = null;
  if (opening.movedAside !== null) {
    replaced = { how: 'moved-aside', aside: opening.movedAside, recovery: recoverJournal(opening.movedAside, journal, { logger, clock }) };
  } else if (opening.startedEmpty !== null && input.signs.length > 0) {
    replaced = { how: 'lost', found: opening.startedEmpty, signs: input.signs };
    logger.error('The documents journal was missing or empty although this data folder was used before; numbering goes on after the watermark', {
      found: opening.startedEmpty,
      signs: input.signs,
    });
  }
  if (replaced !== null && watermark.read().state !== 'readable') {
    journal.transaction(() => {
      sequences.markUnknown();
      if (replaced.how === 'moved-aside') for (const found of replaced.recovery.sequences) sequences.settle(found.profileId, found.kind, 'recovered');
    });
    logger.error('The last numbers used are not known (no readable watermark): queuing waits for the manager to confirm the next numbers', {
      recovered: replaced.how === 'moved-aside' ? replaced.recovery.sequences : [],
    });
  }
  const { raised } = sequences.reconcile();
  return { sequences, replaced, raised };
}
