// Duplicate handling (fh-api.md section 5): the natural key is InvoiceId / CreditNoteId per
// account. A submission "claims" its id when the id is new, or when the last attempt failed as
// actionable and this one says IsRetry. Only a claiming submission is processed; any other one
// fails, when processed, as "Already fiscalised" (the first one was) or "Duplicate document id".
import { documentKey } from '../state/account-state';
import type { AccountState, KeyState, StoredDocument } from '../state/account-state';

export const ALREADY_FISCALISED = 'Already fiscalised';
export const DUPLICATE_DOCUMENT_ID = 'Duplicate document id';

export function claimOnSubmit(account: AccountState, doc: StoredDocument, isRetry: boolean): boolean {
  const key = documentKey(doc.kind, doc.documentId);
  const state = account.keys.get(key);
  const claims = state === undefined || (state.status === 'failed-actionable' && isRetry);
  if (claims) account.keys.set(key, { status: 'pending', requestId: doc.requestId });
  return claims;
}

export function keyStateOf(account: AccountState, doc: StoredDocument): KeyState | undefined {
  return account.keys.get(documentKey(doc.kind, doc.documentId));
}

/** The final error of a submission that did not claim its id. */
export function duplicateError(account: AccountState, doc: StoredDocument): string {
  return keyStateOf(account, doc)?.status === 'fiscalised' ? ALREADY_FISCALISED : DUPLICATE_DOCUMENT_ID;
}
