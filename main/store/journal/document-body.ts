import { deflateSync, inflateSync } from 'node:zlib';
import { AppError } from '../../../shared/errors';
import { BODY_DICTIONARY_1 } from './body-dictionary';

/**
 * A document's draft (as typed) and wire body (the exact JSON sent) are kept zlib-compressed
 * with a preset dictionary of the keys every body repeats (`body-dictionary.ts`): about a fifth
 * of their size. zlib's checksum means a damaged body is refused, never read back altered. The
 * text round-trips byte for byte, so the wire body sent on a retry is the one stored.
 *
 * A 4 KB window holds a typical body whole. zlib's default (32 KB, with 256 KB of working memory
 * per call) made every save allocate and page in a fresh quarter megabyte: 0.2 ms a document.
 */
const DEFLATE_OPTIONS = { windowBits: 12, memLevel: 4, dictionary: BODY_DICTIONARY_1 } as const;

/** Adler-32 (RFC 1950): how a zlib stream names the dictionary it needs. */
export function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const byte of bytes) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** Every dictionary a stored body may name, by its checksum (none: bodies packed before migration 012). */
const DICTIONARIES = new Map<number, Buffer>([[adler32(BODY_DICTIONARY_1), BODY_DICTIONARY_1]]);

export function packBody(json: string): Uint8Array {
  return deflateSync(Buffer.from(json, 'utf8'), DEFLATE_OPTIONS);
}

/** The dictionary a stored body was packed with, by its zlib header: null for none (FDICT clear). */
export function bodyDictionaryId(stored: Uint8Array): number | null {
  if (stored.length < 6 || (stored[1]! & 0x20) === 0) return null;
  return ((stored[2]! << 24) | (stored[3]! << 16) | (stored[4]! << 8) | stored[5]!) >>> 0;
}

/** Whether a stored body is packed the current way (migration 012 repacks the others). */
export const isPackedCurrent = (stored: Uint8Array): boolean => bodyDictionaryId(stored) === adler32(BODY_DICTIONARY_1);

export function unpackBody(stored: Uint8Array, what: { documentId: string }): string {
  return inflated(stored, what).toString('utf8');
}

/**
 * The body packed the current way, proven to read back as the same bytes (migration 012). One
 * already packed so, or that cannot be read (its reader says it is damaged, as before), is
 * returned as it is stored.
 */
export function repackBody(stored: Uint8Array, what: { documentId: string }): Uint8Array {
  if (isPackedCurrent(stored)) return stored;
  let bytes: Buffer;
  try {
    bytes = inflated(stored, what);
  } catch {
    return stored;
  }
  const packed = deflateSync(bytes, DEFLATE_OPTIONS);
  return inflated(packed, what).equals(bytes) ? packed : stored;
}

function inflated(stored: Uint8Array, what: { documentId: string }): Buffer {
  try {
    const id = bodyDictionaryId(stored);
    const dictionary = id === null ? undefined : DICTIONARIES.get(id);
    if (id !== null && dictionary === undefined) throw new Error(`unknown body dictionary ${id}`);
    return inflateSync(stored, dictionary === undefined ? {} : { dictionary });
  } catch (error) {
    throw new AppError(
      'INTERNAL',
      `The stored copy of document ${what.documentId} is damaged and cannot be read. The journal file itself may be damaged: keep a copy of the data folder and contact support.`,
      { cause: error },
    );
  }
}
