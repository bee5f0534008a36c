import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { z } from 'zod';
import type { SettingsRecoveryNotice } from '../../shared/contract/settings';
import type { Logger } from '../logging/logger';
import { parseDamagedJson } from './damaged-json';
import { findStationInText, salvageSettings, stationIdLost } from './settings-salvage';

/** The settings file cannot be used at all (a folder, no permission): said plainly, nothing touched. */
export class SettingsFileError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SettingsFileError';
  }
}

export interface SettingsRecoveryOptions {
  /** The settings as the store knows them: one zod schema per key. */
  shape: Readonly<Record<string, z.ZodType>>;
  logger: Logger;
  clock?: () => Date;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function reasonFor(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'it is a link that leads nowhere';
  return code ?? 'unknown error';
}

function readSettingsText(path: string): string | undefined {
  try {
    if (statSync(path).isDirectory()) {
      throw new SettingsFileError(
        `Fiscal Desk keeps its settings in the file ${path}, but there is a folder with that name. ` +
          'Move or rename that folder (Fiscal Desk will not delete it), then start Fiscal Desk again.',
      );
    }
    return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    if (error instanceof SettingsFileError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new SettingsFileError(
      `Fiscal Desk cannot read its settings file ${path} (${reasonFor(error)}). ` +
        'Check that your user account may read and change that file and its folder, then start Fiscal Desk again.',
      { cause: error },
    );
  }
}

/** The whole file, what could be read of a damaged one, or nothing. */
function parseSettingsText(text: string): { kind: 'whole' | 'damaged'; value: Record<string, unknown> } | { kind: 'unreadable' } {
  try {
    const value = JSON.parse(text) as unknown;
    return isRecord(value) ? { kind: 'whole', value } : { kind: 'unreadable' };
  } catch {
    const value = parseDamagedJson(text);
    return isRecord(value) ? { kind: 'damaged', value } : { kind: 'unreadable' };
  }
}

function asidePath(path: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let candidate = `${path}.unreadable-${stamp}`;
  for (let n = 2; existsSync(candidate); n += 1) candidate = `${path}.unreadable-${stamp}-${n}`;
  return candidate;
}

function writeAtomically(path: string, content: string): void {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temp, content, { encoding: 'utf8', mode: 0o600 });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Run before the settings store opens its file. A file that reads and is valid is left alone. One
 * that is damaged or holds bad values is moved aside, kept as it was, and replaced by everything
 * that could be salvaged from it (a bad value drops only that value or that profile; the station
 * id is kept whenever it can be found), plus a notice saying what happened and where the old file
 * is. A file that cannot be read at all (a folder, no permission) throws SettingsFileError.
 */
export function recoverSettingsFile(path: string, options: SettingsRecoveryOptions): SettingsRecoveryNotice | null {
  const text = readSettingsText(path);
  if (text === undefined) return null;
  const parsed = parseSettingsText(text);
  const salvaged = salvageSettings(options.shape, parsed.kind === 'unreadable' ? {} : parsed.value);
  if (parsed.kind === 'whole' && salvaged.problems.length === 0) return null;

  const problems = [...salvaged.problems];
  if (parsed.kind === 'damaged') problems.unshift('The settings file was damaged (cut short or partly overwritten). Everything that could be read was kept.');
  if (parsed.kind === 'unreadable') {
    problems.unshift('The settings file could not be read at all, so Fiscal Desk started with fresh settings. Add your connections again in Connections.');
  }
  if (salvaged.value.station === null) {
    const station = findStationInText(text);
    if (station !== null) salvaged.value.station = station;
    else if (text.includes('"station"') && !problems.includes(stationIdLost)) problems.push(stationIdLost);
  }
  const kept = problems.filter((problem) => problem !== stationIdLost || salvaged.value.station === null);

  const now = (options.clock ?? (() => new Date()))();
  const keptFileAt = asidePath(path, now);
  renameSync(path, keptFileAt);
  const notice: SettingsRecoveryNotice = { happenedAt: now.toISOString(), keptFileAt, problems: kept };
  const earlier = Array.isArray(salvaged.value.recoveryNotices) ? salvaged.value.recoveryNotices : [];
  writeAtomically(path, JSON.stringify({ ...salvaged.value, recoveryNotices: [...earlier, notice] }, undefined, '\t'));
  options.logger.warn('The settings file could not be used as it was: repaired, old file kept', { keptFileAt, problems: kept });
  return notice;
}
