import type { StateExplanation } from '../../../shared/contract/documents';
import type { DocumentRow } from '../../store/journal/document-rows';
import { isConflictingResults } from '../../outbox/status-answers';

/** What each state means for the manager, with the next step; the service's words are kept beside it. */
export function explainState(
  row: Pick<DocumentRow, 'state' | 'kind' | 'service_error' | 'last_failure' | 'ambiguous' | 'attempts'>,
  where: { training: boolean } = { training: false },
): StateExplanation {
  const what = row.kind === 'invoice' ? 'invoice' : 'credit note';
  // The ways through are the detail page's buttons; training has no portal to look in.
  const lookUp = where.training
    ? `Use "Check with Fiscal Harmony". Training has no portal: to practise, "I found it in the portal" takes any verification code in the form XXXX-XXXX-XXXX-XXXX.`
    : `Use "Check with Fiscal Harmony". If it has no answer, look the ${what} up in the Fiscal Harmony portal by its number and use "I found it in the portal"; never enter it again as a new ${what}: that may fiscalise the sale twice.`;
  switch (row.state) {
    case 'draft':
      return { title: 'Draft', detail: `This ${what} is saved on this computer and has not been sent.`, nextStep: 'Finish it and send it, or discard it.' };
    case 'queued':
      return {
        title: 'Waiting to be sent',
        detail:
          row.last_failure === null
            ? `This ${what} is saved and will be sent to Fiscal Harmony in a moment.`
            : `The last attempt did not get through: ${row.last_failure} Fiscal Desk keeps trying on its own${row.ambiguous === 1 ? ', marked as a retry so it can never be fiscalised twice' : ''}.`,
        nextStep:
          row.last_failure === null
            ? null
            : where.training
              ? 'Nothing to do: it is sent on its own once the training service on this computer answers.'
              : 'Nothing to do unless this lasts: check this computer\u2019s internet connection.',
      };
    case 'sending':
      return { title: 'Sending', detail: `This ${what} is being sent to Fiscal Harmony.`, nextStep: null };
    case 'submitted':
      return {
        title: 'Waiting for the result',
        detail: `Fiscal Harmony received this ${what} and is fiscalising it with ZIMRA. Fiscal Desk asks for the result on its own.`,
        nextStep: null,
      };
    case 'fiscalised':
      return { title: 'Fiscalised', detail: `ZIMRA fiscalised this ${what}. Its QR code and verification code are final.`, nextStep: null };
    case 'needs-fix':
      return {
        title: 'Needs a fix',
        detail: `Fiscal Harmony refused this ${what}${row.service_error === null ? '' : `: "${row.service_error}"`}. It was not fiscalised.`,
        nextStep: 'Open it, correct what the reason names, and send it again (it is sent as a retry of the same document).',
      };
    case 'rejected':
      return {
        title: 'Refused',
        detail: `Fiscal Harmony refused this ${what} for good${row.service_error === null ? '' : `: "${row.service_error}"`}. It was not fiscalised.`,
        nextStep: `Enter a new ${what} if the sale still needs one.`,
      };
    case 'needs-attention':
      if (isConflictingResults(row.service_error)) {
        return {
          title: 'Needs your attention',
          detail: `Fiscal Harmony answered twice about this ${what} and the answers disagree (both are in its history below). Fiscal Desk took neither as final: it may well be fiscalised.`,
          nextStep: lookUp,
        };
      }
      return {
        title: 'Needs your attention',
        detail:
          row.service_error === null
            ? `No result came from Fiscal Harmony within the 7 days it keeps results. This ${what} may or may not be fiscalised.`
            : `An earlier attempt reached Fiscal Harmony although its answer was lost on the way ("${row.service_error}"). It was most likely fiscalised, but its QR code is not known here. It was not fiscalised a second time.`,
        nextStep: lookUp,
      };
  }
}

/** A document fiscalised on the manager's word: said plainly, never as if the service had sent it. */
export function explainPortalConfirmation(kind: DocumentRow['kind']): StateExplanation {
  const what = kind === 'invoice' ? 'invoice' : 'credit note';
  return {
    title: 'Fiscalised (confirmed by the manager from the portal)',
    detail: `The manager found this ${what} in the Fiscal Harmony portal and entered its verification code here. Fiscal Harmony did not send this result to Fiscal Desk, so its PDF is not available here.`,
    nextStep: null,
  };
}
