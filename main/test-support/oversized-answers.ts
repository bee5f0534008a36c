// Answers no service should ever send, for the tests of the answer size limits: an endless
// stream and a gzip bomb, both written with backpressure so that the test server itself holds
// almost nothing; and a probe of how much the process's memory grew while a call ran.
import type { ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';

export const GIB = 1024 * 1024 * 1024;
const MIB = 1024 * 1024;

/** True when the response can take more, false when the client went away. */
function drainedOrClosed(response: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const settle = (drained: boolean) => (): void => {
      response.off('drain', onDrain);
      response.off('close', onClose);
      resolve(drained);
    };
    const onDrain = settle(true);
    const onClose = settle(false);
    response.on('drain', onDrain);
    response.on('close', onClose);
  });
}

/** Writes `chunk` again and again until `totalBytes` are out or the client goes away. */
export async function writeRepeated(response: ServerResponse, chunk: Uint8Array, totalBytes: number): Promise<void> {
  let sent = 0;
  while (sent < totalBytes && !response.destroyed) {
    const piece = totalBytes - sent >= chunk.byteLength ? chunk : chunk.subarray(0, totalBytes - sent);
    sent += piece.byteLength;
    if (!response.write(piece) && !(await drainedOrClosed(response))) return;
  }
  if (!response.destroyed) response.end();
}

/** 1 GiB of JSON-looking text (a string that never ends), sent uncompressed without a length. */
export async function sendEndlessJson(response: ServerResponse, totalBytes = GIB): Promise<void> {
  response.writeHead(200, { 'Content-Type': 'application/json' });
  response.write('"');
  await writeRepeated(response, Buffer.alloc(64 * 1024, 'a'), totalBytes);
}

let bomb: Buffer | undefined;

/**
 * About 1 MB of gzip that inflates to 1 GiB of zeros: 64 gzip members of 16 MiB each
 * (concatenated members are one valid gzip stream).
 */
export function gzipBomb(): Buffer {
  if (bomb === undefined) {
    const member = gzipSync(Buffer.alloc(16 * MIB), { level: 9 });
    bomb = Buffer.concat(Array.from({ length: GIB / (16 * MIB) }, () => member));
  }
  return bomb;
}

export async function sendGzipBomb(response: ServerResponse, contentType = 'application/json'): Promise<void> {
  const body = gzipBomb();
  response.writeHead(200, { 'Content-Type': contentType, 'Content-Encoding': 'gzip', 'Content-Length': body.length });
  await writeRepeated(response, body, body.length);
}

export interface MemoryGrowth {
  rssBytes: number;
  arrayBuffersBytes: number;
}

/** Runs `work` and reports the peak growth of rss and arrayBuffers over their values before it (sampled every 5 ms). */
export async function peakMemoryGrowth(work: () => Promise<unknown>): Promise<MemoryGrowth> {
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakArrayBuffers = before.arrayBuffers;
  const sample = (): void => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakArrayBuffers = Math.max(peakArrayBuffers, now.arrayBuffers);
  };
  const timer = setInterval(sample, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
    sample();
  }
  return { rssBytes: peakRss - before.rss, arrayBuffersBytes: peakArrayBuffers - before.arrayBuffers };
}
