import type { AttentionCheckOutcome, DocumentKind, DocumentState } from '../../../shared/contract/documents';
import { parseZimraQrUrl, VERIFICATION_CODE } from '../../../shared/domain/fiscal-harmony/zimra-qr-url';
import { AppError } from '../../../shared/errors';
import { CHECK_FOUND_NOTHING } from '../../outbox/attention-check';
import type { DocumentChanges } from '../../store/journal/document-rows';

// The ways out of "needs attention" besides asking the service again: the manager's word from
// the portal, and "It never arrived". Both are told apart in the timeline by their notes.

/** The start of the timeline note of a document fiscalised on the manager's word. */
export const CONFIRMED_FROM_PORTAL = 'Fiscalised: confirmed by the manager from the Fiscal Harmony portal';

/** The note of a document the manager said never arrived, sent again. */
export const NEVER_ARRIVED = 'The manager said it never arrived: it is sent again as a retry of the same document';

interface Note {
  to: DocumentState;
  note: string;
}

/** Whether the document was fiscalised on the manager's word rather than by a result from the service. */
export function isConfirmedFromPortal(state: DocumentState, events: readonly Note[]): boolean {
  if (state !== 'fiscalised') return false;
  const fiscalised = events.findLast((event) => event.to === 'fiscalised');
  return fiscalised?.note.startsWith(CONFIRMED_FROM_PORTAL) === true;
}

/** "It never arrived" is offered only while the latest word in the timeline is a check that found none of its requests. */
export function isNeverArrivedOffered(state: DocumentState, events: readonly Note[]): boolean {
  return state === 'needs-attention' && events.at(-1)?.note.startsWith(CHECK_FOUND_NOTHING) === true;
}

/**
 * What the manager pasted from the portal: a verification code in ZIMRA's form, or ZIMRA's QR
 * address (it carries the device id, the receipt's date and global number, and the code).
 */
export function portalConfirmation(found: string): { changes: DocumentChanges; note: string } {
  const text = found.trim();
  if (text.toLowerCase().startsWith('http')) {
    const qr = parseZimraQrUrl(text);
    if (qr === null) {
      throw new AppError('INVALID_INPUT', 'This is not a ZIMRA QR address.', {
        fields: { found: 'Paste the QR address exactly as the portal shows it (it starts with https:// and ends in 44 digits and letters), or just its verification code.' },
      });
    }
    return {
      changes: { verification_code: qr.verificationCode, qr_url: qr.url, device_id: qr.deviceId, fiscal_day: null, zimra_number: null, pdf_token: null, service_error: null, next_poll_at: null },
      note: `${CONFIRMED_FROM_PORTAL}, from its QR address: verification code ${qr.verificationCode}, device ${qr.deviceId}, receipt ${qr.receiptGlobalNo} of ${qr.receiptDate}. Fiscal Harmony did not send this result`,
    };
  }
  const code = text.toUpperCase();
  if (!VERIFICATION_CODE.test(code)) {
    throw new AppError('INVALID_INPUT', 'This is not a verification code.', {
      fields: { found: 'A verification code has 16 digits and letters A to F in four groups, like 4C8F-2A1B-9D3E-7F60; or paste the whole QR address.' },
    });
  }
  return {
    changes: { verification_code: code, qr_url: null, service_error: null, next_poll_at: null },
    note: `${CONFIRMED_FROM_PORTAL}: verification code ${code}. Fiscal Harmony did not send this result`,
  };
}

/** What a check came to, in the manager's words. */
export function attentionCheckMessage(outcome: AttentionCheckOutcome, kind: DocumentKind): string {
  const what = kind === 'invoice' ? 'invoice' : 'credit note';
  switch (outcome) {
    case 'fiscalised':
      return `Fiscal Harmony has the result: this ${what} is fiscalised.`;
    case 'needs-fix':
      return `Fiscal Harmony refused this ${what}; it can be fixed and sent again.`;
    case 'rejected':
      return `Fiscal Harmony refused this ${what} for good.`;
    case 'already-received':
      return `Fiscal Harmony still says it had this ${what} from an earlier attempt, but sends no QR code for it. Look it up in the portal.`;
    case 'conflicting':
      return `Fiscal Harmony's answers about this ${what} disagree. Look it up in the portal.`;
    case 'nothing':
      return `Fiscal Harmony knows none of the requests this ${what} was sent with. If it is not in the portal either, use "It never arrived".`;
  }
}
