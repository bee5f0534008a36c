import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { documentKindSchema, type DocumentKind } from '../../../shared/contract/documents';

export const WATERMARK_FILE_NAME = 'numbering-watermark.json';

const entrySchema = z.object({
  profileId: z.string().min(1),
  kind: documentKindSchema,
  /** The prefix the number was given with (kept so a new journal goes on with it). */
  prefix: z.string(),
  /** The highest value of the sequence handed out (0: none yet). */
  last: z.number().int().min(0),
  /** The journal file (migration 007's `journal_id`) that handed it out. */
  journalId: z.string(),
  at: z.string(),
});
export type WatermarkEntry = z.infer<typeof entrySchema>;

const fileSchema = z.object({ version: z.literal(1), sequences: z.array(entrySchema) });

export type WatermarkRead =
  | { state: 'readable'; entries: WatermarkEntry[] }
  | { state: 'missing' }
  | { state: 'unreadable'; error: unknown };

/**
 * The highest seller's number each connection (profile and kind) has handed out, kept outside
 * the journal in one small file of the data folder, so an emptied, replaced or unreadable journal
 * never restarts numbering. Read fresh every time (another process may share the data folder; it
 * writes under the journal's write lock, as this one does) and replaced atomically: a temporary
 * file, fsync, rename over the old one, fsync of the folder, so a power cut leaves either the old
 * file or the new one, never half of one.
 */
export class NumberWatermark {
  readonly path: string;

  constructor(dataDirectory: string) {
    this.path = join(dataDirectory, WATERMARK_FILE_NAME);
  }

  exists(): boolean {
    return existsSync(this.path);
  }

  read(): WatermarkRead {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
      return { state: 'unreadable', error };
    }
    try {
      return { state: 'readable', entries: fileSchema.parse(JSON.parse(text)).sequences };
    } catch (error) {
      return { state: 'unreadable', error };
    }
  }

  /** Replaces the whole file with `entries` (one per profile and kind). */
  write(entries: readonly WatermarkEntry[]): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const temporary = join(dirname(this.path), `.${basename(this.path)}.${process.pid}.tmp`);
    const body = `${JSON.stringify({ version: 1, sequences: entries }, null, 1)}\n`;
    const file = openSync(temporary, 'w');
    try {
      writeSync(file, body);
      fsyncSync(file);
    } finally {
      closeSync(file);
    }
    renameSync(temporary, this.path);
    syncDirectory(dirname(this.path));
  }
}

export function entryOf(entries: readonly WatermarkEntry[], profileId: string, kind: DocumentKind): WatermarkEntry | undefined {
  return entries.find((entry) => entry.profileId === profileId && entry.kind === kind);
}

/** `entries` with `entry` in place of its profile and kind's one. */
export function withEntry(entries: readonly WatermarkEntry[], entry: WatermarkEntry): WatermarkEntry[] {
  return [...entries.filter((other) => other.profileId !== entry.profileId || other.kind !== entry.kind), entry];
}

/** The rename is only durable once the folder's entry is on disk (not possible on Windows: skipped there). */
function syncDirectory(path: string): void {
  if (process.platform === 'win32') return;
  const folder = openSync(path, 'r');
  try {
    fsyncSync(folder);
  } finally {
    closeSync(folder);
  }
}
