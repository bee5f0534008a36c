import { AppError } from '../../../shared/errors';

export type ImportFormat = 'csv' | 'tsv' | 'xlsx';

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);

/** Files people rename by mistake, by their first bytes: what they really are. */
const KNOWN_BINARIES: ReadonlyArray<{ magic: readonly number[]; what: string }> = [
  { magic: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an old Excel (.xls) or Word file' },
  { magic: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG picture' },
  { magic: [0xff, 0xd8, 0xff], what: 'a JPEG picture' },
  { magic: [0x47, 0x49, 0x46, 0x38], what: 'a GIF picture' },
  { magic: [0x1f, 0x8b], what: 'a compressed (.gz) file' },
  { magic: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive' },
  { magic: [0x4d, 0x5a], what: 'a program (.exe)' },
  { magic: [0x7f, 0x45, 0x4c, 0x46], what: 'a program' },
];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** The format its name says, or a plain refusal for any other kind of name. */
export function formatOfName(fileName: string): ImportFormat {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName.trim())?.[1]?.toLowerCase();
  if (extension === 'csv' || extension === 'txt') return 'csv';
  if (extension === 'tsv' || extension === 'tab') return 'tsv';
  if (extension === 'xlsx') return 'xlsx';
  if (extension === 'xls') throw new AppError('INVALID_INPUT', 'This is an old Excel file (.xls). Open it in your spreadsheet program, save it as .xlsx or .csv, and import that.');
  throw new AppError('INVALID_INPUT', 'Fiscal Desk imports .csv, .tsv and .xlsx files. Save your sales in one of these from your spreadsheet or till program, and import that.');
}

/** Checks that the bytes are what the name says before anything reads them. */
export function checkFileIsWhatItSays(format: ImportFormat, bytes: Uint8Array): void {
  if (bytes.length === 0) throw new AppError('INVALID_INPUT', 'The file is empty. Choose the file your sales were saved in.');
  const binary = KNOWN_BINARIES.find((known) => startsWith(bytes, known.magic));
  const zip = startsWith(bytes, ZIP);
  if (format === 'xlsx') {
    if (zip) return;
    const what = binary?.what ?? (looksLikeText(bytes) ? 'a text file (perhaps a CSV renamed to .xlsx)' : 'not an Excel workbook');
    throw new AppError('INVALID_INPUT', `This file is named .xlsx but it is ${what}. Open it in the program it came from and save it as .xlsx or .csv.`);
  }
  if (zip) throw new AppError('INVALID_INPUT', 'This file is named as a text file (CSV) but it is a zip archive or an Excel workbook. If it is a workbook, rename it to .xlsx; otherwise save your sales as CSV.');
  if (binary !== undefined) throw new AppError('INVALID_INPUT', `This file is named as a CSV but it is ${binary.what}. Save your sales as CSV or XLSX from your spreadsheet or till program.`);
  if (!looksLikeText(bytes)) throw new AppError('INVALID_INPUT', 'This file is not text, so it is not a CSV. Save your sales as CSV or XLSX from your spreadsheet or till program.');
}

/** Text has no NUL bytes (except UTF-16, which starts with its byte-order mark). */
function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  const sample = bytes.subarray(0, 64 * 1024);
  return !sample.includes(0);
}
