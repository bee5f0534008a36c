/** A text file's bytes as text, and the encoding it was found to be in (shown to the manager). */
export interface DecodedText {
  text: string;
  encoding: 'UTF-8' | 'UTF-8 with BOM' | 'UTF-16' | 'Windows-1252';
}

/**
 * UTF-8 with or without its byte-order mark, UTF-16 with its mark (Excel's "Unicode text"), and
 * otherwise Windows-1252, the encoding of older tills and of Excel's CSV on Windows: a file that
 * is not valid UTF-8 is read as Windows-1252, where every byte is a character.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8 with BOM' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'Windows-1252' };
  }
}
