// A credit note needs a fiscalised original invoice of the same account and currency, and all
// credit notes against it may not add up to more than the original's total.
import { Dec, formatMoney } from '../../../shared/domain/money';
import type { CreditNote, Invoice } from '../../../shared/domain/fiscal-harmony/schemas';
import { documentKey } from '../state/account-state';
import type { AccountState, StoredDocument } from '../state/account-state';

export type OriginalCheck = { ok: true; original: StoredDocument & { kind: 'invoice'; payload: Invoice } } | { ok: false; error: string };

export function checkCreditNote(account: AccountState, note: CreditNote): OriginalCheck {
  const id = note.OriginalInvoiceId;
  const key = account.keys.get(documentKey('invoice', id));
  if (!key) return { ok: false, error: `Original invoice "${id}" was not found` };
  if (key.status === 'pending') {
    return { ok: false, error: `Original invoice "${id}" is still being processed: re-send the credit note once it is fiscalised` };
  }
  const original = account.documents.get(key.requestId);
  if (key.status !== 'fiscalised' || original?.kind !== 'invoice') {
    return { ok: false, error: `Original invoice "${id}" was not fiscalised` };
  }
  if (original.payload.CurrencyCode !== note.CurrencyCode) {
    return {
      ok: false,
      error: `Credit note currency ${note.CurrencyCode} differs from the original invoice's currency ${original.payload.CurrencyCode}`,
    };
  }
  const remaining = new Dec(original.payload.Total).minus(account.credited.get(id) ?? '0');
  if (new Dec(note.Total).gt(remaining)) {
    return { ok: false, error: `Credit note exceeds the remaining total of the original invoice (remaining ${formatMoney(remaining)})` };
  }
  return { ok: true, original };
}

export function recordCredit(account: AccountState, note: CreditNote): void {
  const before = account.credited.get(note.OriginalInvoiceId) ?? '0';
  account.credited.set(note.OriginalInvoiceId, new Dec(before).plus(note.Total).toFixed());
}
