// Request signing for Fiscal Harmony: base64(HMAC-SHA256(secret, exact body bytes)).
// Main-process only (the client and the sandbox): the renderer never holds an API secret.
import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';

/** The secret as a KeyObject, for callers that sign many bodies: creating the key is most of the cost. */
export function signingKey(secret: string): KeyObject {
  return createSecretKey(Buffer.from(secret, 'utf8'));
}

export function signBody(bodyBytes: Uint8Array | string, secret: string | KeyObject): string {
  return createHmac('sha256', typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret)
    .update(typeof bodyBytes === 'string' ? Buffer.from(bodyBytes, 'utf8') : bodyBytes)
    .digest('base64');
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
