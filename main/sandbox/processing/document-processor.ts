// Processes one received document with every rule of fh-api.md section 5 and records the result.
import { checkDocument } from '../../../shared/domain/fiscal-harmony/document-checks';
import { fiscalise } from '../fiscal/fiscalise';
import type { LineTax } from './mapping-rules';
import type { AccountState, DocumentResult, FiscalRecord, StoredDocument } from '../state/account-state';
import { accountReadiness } from './account-rules';
import { checkCreditNote, recordCredit } from './credit-note-rules';
import { duplicateError, keyStateOf } from './document-keys';
import { applyMappings } from './mapping-rules';
import { recordReceiptDate, zimraEntryProblems } from './zimra-entry-rules';

function failure(error: string, actionable: boolean, now: Date): DocumentResult {
  return { success: false, actionable, error, processedAt: now.toISOString(), fiscal: null };
}

function evaluate(account: AccountState, doc: StoredDocument, now: Date): DocumentResult {
  if (!doc.claimed) return failure(duplicateError(account, doc), false, now);

  const ready = accountReadiness(account, now);
  if ('error' in ready) return failure(ready.error, true, now);
  const { device } = ready;

  const mapped = applyMappings(account, device, doc.payload);
  const problems = [...mapped.problems];
  const documentProblems = checkDocument(
    doc.payload,
    (_line, i) => {
      const tax = mapped.lineTaxes[i];
      return tax === undefined ? undefined : tax.taxPercent;
    },
    doc.kind,
  );
  problems.push(...documentProblems.map((p) => p.message));
  problems.push(...zimraEntryProblems(account, doc, now));

  let original: FiscalRecord['original'] = null;
  if (doc.kind === 'credit-note') {
    const check = checkCreditNote(account, doc.payload);
    if (!check.ok) problems.push(check.error);
    else {
      const fiscal = check.original.result?.fiscal;
      original = {
        invoiceId: check.original.documentId,
        invoiceNumber: check.original.documentNumber,
        receiptCounter: fiscal?.receiptCounter ?? 0,
        fiscalDayNo: fiscal?.fiscalDayNo ?? 0,
        receiptGlobalNo: fiscal?.receiptGlobalNo ?? 0,
      };
    }
  }
  if (problems.length > 0 || mapped.currency === undefined) return failure(problems.join('; '), true, now);

  const lineTaxes = mapped.lineTaxes.filter((t): t is LineTax => t !== undefined);
  const fiscal = fiscalise(account, device, doc, lineTaxes, mapped.currency, original, now);
  if (doc.kind === 'credit-note') recordCredit(account, doc.payload);
  recordReceiptDate(account, doc);
  return { success: true, actionable: false, error: null, processedAt: now.toISOString(), fiscal };
}

/** Processes a document that is still pending; returns its result. */
export function processDocument(account: AccountState, doc: StoredDocument, now: Date): DocumentResult {
  if (doc.result) return doc.result;
  const result = evaluate(account, doc, now);
  doc.result = result;
  if (doc.claimed) {
    const key = keyStateOf(account, doc);
    if (key && key.requestId === doc.requestId) {
      key.status = result.success ? 'fiscalised' : result.actionable ? 'failed-actionable' : 'failed-final';
    }
  }
  return result;
}
