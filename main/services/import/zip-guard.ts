import { inflateRawSync } from 'node:zlib';
import { AppError } from '../../../shared/errors';
import { IMPORT_LIMITS } from './import-limits';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const notAWorkbook = (why: string): AppError =>
  new AppError('INVALID_INPUT', `This file is named .xlsx but it cannot be read as an Excel workbook (${why}). Open it in your spreadsheet program, save it as .xlsx again, and import that.`);

const bomb = (): AppError =>
  new AppError('INVALID_INPUT', 'This workbook unpacks to far more data than a sales sheet holds, so it was not opened (it may be damaged or made to crash programs). Save your sales again as .xlsx or .csv from your spreadsheet program.');

/** The zip's central directory: every entry with the sizes it declares, before anything is inflated. */
export function listZipEntries(zip: Buffer): ZipEntry[] {
  const minEnd = Math.max(0, zip.length - 22 - 0xffff);
  let end = -1;
  for (let i = zip.length - 22; i >= minEnd; i -= 1) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw notAWorkbook('its table of contents is missing');
  const count = zip.readUInt16LE(end + 10);
  const directoryOffset = zip.readUInt32LE(end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw bomb();
  if (count > IMPORT_LIMITS.maxZipEntries) throw bomb();
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) throw notAWorkbook('its table of contents is damaged');
    const nameLength = zip.readUInt16LE(at + 28);
    const entry: ZipEntry = {
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localHeaderOffset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    };
    entries.push(entry);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/**
 * Refuses a zip bomb before it is opened: too many entries, an entry or the whole past its cap
 * as declared, or an entry that claims to grow more than real sheets do. Then every entry is
 * inflated with its declared size as a hard ceiling (zlib stops past it), so a size that lies is
 * found with bounded memory too. Answers the inflated entries `keep` asks for.
 */
export function guardZip(zip: Buffer, keep: (name: string) => boolean): Map<string, Buffer> {
  const entries = listZipEntries(zip);
  let total = 0;
  for (const entry of entries) {
    total += entry.size;
    if (entry.size > IMPORT_LIMITS.maxEntryBytes || total > IMPORT_LIMITS.maxInflatedBytes) throw bomb();
    if (entry.size > 1024 * 1024 && entry.size / Math.max(1, entry.compressedSize) > IMPORT_LIMITS.maxInflateRatio) throw bomb();
  }
  const kept = new Map<string, Buffer>();
  for (const entry of entries) {
    const data = inflateEntry(zip, entry);
    if (keep(entry.name)) kept.set(entry.name, data);
  }
  return kept;
}

function inflateEntry(zip: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== 0x04034b50) throw notAWorkbook(`the part ${entry.name} is damaged`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length !== entry.size) throw notAWorkbook(`the part ${entry.name} is cut short`);
    return data;
  }
  if (entry.method !== 8) throw notAWorkbook(`the part ${entry.name} is packed in a way Excel does not use`);
  if (entry.size === 0) return Buffer.alloc(0);
  let out: Buffer;
  try {
    out = inflateRawSync(data, { maxOutputLength: entry.size });
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw bomb();
    throw notAWorkbook(`the part ${entry.name} is damaged`);
  }
  if (out.length !== entry.size) throw notAWorkbook(`the part ${entry.name} is not the size it says`);
  return out;
}

