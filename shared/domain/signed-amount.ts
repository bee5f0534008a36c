import type { DocumentKind } from '../contract/documents';
import { Dec } from './money';

/**
 * A document's amount as lists and exports show it: a credit note takes money back, so its
 * amounts (positive on the wire) are shown negative, as the totals count them. The digits are
 * kept as written; a zero stays unsigned.
 */
export function signedAmount(kind: DocumentKind, amount: string): string {
  if (kind !== 'credit-note' || new Dec(amount).isZero()) return amount;
  return amount.startsWith('-') ? amount.slice(1) : `-${amount}`;
}
