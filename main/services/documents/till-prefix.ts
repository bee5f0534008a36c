import { createHash } from 'node:crypto';
import type { DocumentKind } from '../../../shared/contract/documents';

/** Crockford's base 32: no I, L, O or U, so a code read off a receipt is not mistaken. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * This till's short code: 4 characters from its station id (made once per installation, never
 * changed), so it stays the same for good and two tills on one Fiscal Harmony account get
 * different default prefixes (ZIMRA RCPT013: invoiceNo unique per taxpayer).
 */
export function tillCode(stationId: string): string {
  const hash = createHash('sha256').update(stationId, 'utf8').digest();
  let code = '';
  for (let i = 0; i < 4; i += 1) code += ALPHABET[hash[i]! % 32];
  return code;
}

/** The prefix a connection's sequence starts with on this till (an existing sequence keeps its own). */
export function defaultPrefix(kind: DocumentKind, stationId: string): string {
  return `${kind === 'invoice' ? 'INV' : 'CN'}-${tillCode(stationId)}-`;
}
