import type { AttentionCheckOutcome, DocumentState } from '../../shared/contract/documents';
import type { StatusResult } from '../../shared/domain/fiscal-harmony/schemas';
import type { DocumentsRepo } from '../store/journal/documents-repo';
import { AppError } from '../../shared/errors';
import { isAlreadyReceived } from './outcomes';
import { answersByRequest, CONFLICTING_RESULTS, describeAnswer, fiscalisedChanges, verdictOf } from './status-answers';

// A document that needs attention, asked about again by every request id it was sent with (the
// manager pressed "Check with Fiscal Harmony"). Every check is written to its timeline; a result
// is only ever taken from `needs-attention`, so a document confirmed meanwhile is never changed.

/** The start of the timeline note when the service knew none of the document's requests: "It never arrived" is offered after it. */
export const CHECK_FOUND_NOTHING = 'Checked with Fiscal Harmony: it knows none of the requests this document was sent with';


/** The request ids in the notes the outbox writes when a document is received (`receivedNote`). */
const REQUEST_IN_NOTE = /as request ([0-9A-Za-z-]{1,100})[;)]/g;

/** The note written when Fiscal Harmony received a document: it keeps the request id, so every id a document was sent with can be asked about later. */
export function receivedNote(requestId: string, isRetry: boolean): string {
  return `Received by Fiscal Harmony as request ${requestId}${isRetry ? ' (sent as a retry)' : ''}; waiting for the result`;
}

/** Every request id a document was sent with, oldest first: those in its timeline and the one on its row. */
export function requestIdsOf(current: string | null, notes: readonly string[]): string[] {
  const ids: string[] = [];
  for (const note of notes) for (const match of note.matchAll(REQUEST_IN_NOTE)) if (match[1] !== undefined) ids.push(match[1]);
  if (current !== null) ids.push(current);
  return [...new Map(ids.map((id) => [id.toLowerCase(), id])).values()];
}

/** Records what the service answered about a needs-attention document (inside the caller's transaction or its own). */
export function recordAttentionCheck(
  repo: DocumentsRepo,
  id: string,
  requestIds: readonly string[],
  answers: readonly StatusResult[],
  at: string,
): { outcome: AttentionCheckOutcome; state: DocumentState } {
  const guard = { from: ['needs-attention'] as DocumentState[] };
  const stay = (outcome: AttentionCheckOutcome, note: string) => {
    repo.transition(id, guard, 'needs-attention', {}, at, note);
    return { outcome, state: 'needs-attention' as DocumentState };
  };
  const conflicting = (results: readonly StatusResult[]) =>
    stay('conflicting', `Checked with Fiscal Harmony: ${CONFLICTING_RESULTS.toLowerCase()} (${results.map(describeAnswer).join('; then ')}). Neither was taken as final`);
  // Per request id asked, in the order they were sent (the latest last); answers that disagree about one request settle nothing.
  const byRequest = answersByRequest(answers);
  const verdicts = requestIds.flatMap((requestId) => {
    const [first, ...more] = byRequest.get(requestId.toLowerCase()) ?? [];
    return first === undefined ? [] : [verdictOf([first, ...more])];
  });
  const results: StatusResult[] = [];
  for (const verdict of verdicts) {
    if (verdict.kind === 'conflicting') return conflicting(verdict.results);
    results.push(verdict.result);
  }
  if (results.length === 0) return stay('nothing', `${CHECK_FOUND_NOTHING}. If it is not in the Fiscal Harmony portal either, it never arrived and can be sent again as a retry`);
  const [firstSuccess, ...otherSuccesses] = results.filter((result) => result.Success);
  if (firstSuccess !== undefined) {
    const verdict = verdictOf([firstSuccess, ...otherSuccesses]);
    if (verdict.kind === 'conflicting') return conflicting(verdict.results);
    const result = verdict.result;
    const applied = repo.transition(
      id,
      guard,
      'fiscalised',
      { ...fiscalisedChanges(result), request_id: result.RequestId },
      at,
      `Checked with Fiscal Harmony: ${describeAnswer(result)}`,
    );
    if (!applied) throw movedMeanwhile();
    return { outcome: 'fiscalised', state: 'fiscalised' };
  }
  const received = results.find((result) => isAlreadyReceived(result.Error));
  if (received !== undefined) {
    return stay('already-received', `Checked with Fiscal Harmony: it still says it had this document from an earlier attempt ("${received.Error ?? ''}"), without its QR code`);
  }
  // Refusals only: the latest request's answer is the one that counts.
  const result = results[results.length - 1] ?? results[0];
  if (result === undefined) return stay('nothing', CHECK_FOUND_NOTHING);
  const to: DocumentState = result.IsActionable ? 'needs-fix' : 'rejected';
  const applied = repo.transition(
    id,
    guard,
    to,
    { next_poll_at: null, service_error: result.Error ?? null, ...(to === 'needs-fix' ? { is_retry: 1 } : {}) },
    at,
    `Checked with Fiscal Harmony: ${describeAnswer(result)}`,
  );
  if (!applied) throw movedMeanwhile();
  return { outcome: to, state: to };
}

/** The document left needs-attention while the service was asked (confirmed or sent meanwhile): nothing is taken from this answer. */
function movedMeanwhile(): AppError {
  return new AppError('CONFLICT', 'This document no longer needs your attention (it was confirmed or sent meanwhile). Open it again to see where it is.');
}
