// Request signing for Fiscal Harmony: base64(HMAC-SHA256(secret, exact body bytes)).
// Main-process only (the client and the sandbox): the renderer never holds an API secret.
import { hash, timingSafeEqual } from 'node:crypto';

const BLOCK_BYTES = 64;

/** A secret ready to sign many bodies: HMAC's inner and outer padded keys (RFC 2104). */
export interface SigningKey {
  readonly inner: Buffer;
  readonly outer: Buffer;
}

export function signingKey(secret: string): SigningKey {
  const secretBytes = Buffer.from(secret, 'utf8');
  const key = secretBytes.length > BLOCK_BYTES ? hash('sha256', secretBytes, 'buffer') : secretBytes;
  const inner = Buffer.alloc(BLOCK_BYTES, 0x36);
  const outer = Buffer.alloc(BLOCK_BYTES, 0x5c);
  for (let index = 0; index < key.length; index += 1) {
    inner[index]! ^= key[index]!;
    outer[index]! ^= key[index]!;
  }
  return { inner, outer };
}

/**
 * HMAC-SHA256 written out with two one-shot hashes: createHmac builds a stream object per call,
 * which cost a signed request about three times as much (the test checks it against createHmac).
 */
export function signBody(bodyBytes: Uint8Array | string, secret: string | SigningKey): string {
  const key = typeof secret === 'string' ? signingKey(secret) : secret;
  const bytes = typeof bodyBytes === 'string' ? Buffer.from(bodyBytes, 'utf8') : bodyBytes;
  // The inner digest comes out as hex and back to bytes: a digest returned as a Buffer cost about
  // three times as much as one returned as text here (Node 24).
  const inner = Buffer.from(hash('sha256', Buffer.concat([key.inner, bytes]), 'hex'), 'hex');
  return hash('sha256', Buffer.concat([key.outer, inner]), 'base64');
}

/** Constant-time comparison of a received `X-Api-Signature` with the expected one. */
export function verifySignature(bodyBytes: Uint8Array | string, secret: string, signature: string | null | undefined): boolean {
  if (typeof signature !== 'string' || signature.length === 0) return false;
  const expected = Buffer.from(signBody(bodyBytes, secret), 'utf8');
  const received = Buffer.from(signature.trim(), 'utf8');
  // timingSafeEqual needs equal lengths; comparing against itself keeps the time independent
  // of where a wrong-length signature would have differed.
  if (received.length !== expected.length) {
    timingSafeEqual(expected, expected);
    return false;
  }
  return timingSafeEqual(received, expected);
}
