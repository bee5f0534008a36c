// Reading a fetch answer with a size limit. fetch inflates gzip/deflate/br on the fly, so the
// bytes counted here are the decompressed ones: a small compressed answer that inflates to
// gigabytes is stopped as soon as it passes the limit, and so is an endless plain one.

/** JSON and text answers: far above anything the services send, far below harm. */
export const JSON_ANSWER_LIMIT_BYTES = 4 * 1024 * 1024;
/** Fiscal PDFs (a receipt with a QR code is tens of kilobytes). */
export const PDF_ANSWER_LIMIT_BYTES = 20 * 1024 * 1024;

/** The answer had more than `limitBytes` bytes; what arrived was dropped and the rest not read. */
export class AnswerTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`The answer is larger than ${limitBytes} bytes`);
    this.name = 'AnswerTooLargeError';
  }
}

/** `4 MB`, `20 MB`: a limit in words for messages. */
export function describeLimit(limitBytes: number): string {
  const megabytes = limitBytes / (1024 * 1024);
  return megabytes >= 1 ? `${Math.round(megabytes)} MB` : `${Math.ceil(limitBytes / 1024)} kB`;
}

/**
 * The whole body of `response`, or AnswerTooLargeError once more than `maxBytes` have arrived
 * (the stream is cancelled, which closes the connection). Errors of the stream itself (a
 * timeout's abort, a dropped connection) pass through unchanged.
 */
export async function readCappedBody(response: Response, maxBytes: number): Promise<Uint8Array> {
  const body = response.body;
  if (body === null) return new Uint8Array(0);
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (!response.headers.has('content-encoding') && Number.isFinite(declared) && declared > maxBytes) {
    await body.cancel().catch(() => undefined);
    throw new AnswerTooLargeError(maxBytes);
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      chunks.length = 0;
      await reader.cancel().catch(() => undefined);
      throw new AnswerTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  if (chunks.length === 1 && chunks[0] !== undefined) return chunks[0];
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
