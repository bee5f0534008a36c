import type { DocumentState } from '../../../shared/contract/documents';
import type { NumberingStart } from '../../store/journal/numbering-start';

const WAITING: readonly DocumentState[] = ['queued', 'sending', 'submitted'];
const NEED_MANAGER: readonly DocumentState[] = ['needs-fix', 'needs-attention', 'draft'];

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * What the manager reads about the journal after a start that replaced it (shown with the
 * outbox state until the app restarts), plus, while it lasts, that queuing waits for the next
 * numbers to be confirmed. Plain words: what happened, what it means for numbering, what to do.
 */
export function journalNotice(start: NumberingStart, blocked: boolean): string | null {
  const parts: string[] = [];
  const replaced = start.replaced;
  if (replaced?.how === 'moved-aside') {
    const { recovery } = replaced;
    const total = (states: readonly DocumentState[]) => states.reduce((sum, state) => sum + (recovery.documents[state] ?? 0), 0);
    const waiting = total(WAITING);
    const fiscalised = recovery.documents.fiscalised ?? 0;
    const other = total(NEED_MANAGER) + (recovery.documents.rejected ?? 0);
    const found = waiting + fiscalised + other;
    parts.push(
      found === 0
        ? `The documents journal could not be read, so it was moved to ${replaced.aside} and kept there; a new, empty journal was started, as nothing could be read back from the old file.`
        : `The documents journal could not be read, so it was moved to ${replaced.aside} and kept there; a new journal was started with what could be read back from it: ${[
            waiting > 0 ? `${count(waiting, 'document', 'documents')} waiting to be sent or checked (they go on now)` : '',
            fiscalised > 0 ? `${count(fiscalised, 'fiscalised document', 'fiscalised documents')}` : '',
            other > 0 ? `${count(other, 'other document', 'other documents')}` : '',
          ]
            .filter((part) => part !== '')
            .join(', ')}.`,
    );
    if (recovery.incomplete.length > 0 || !recovery.readable) {
      parts.push('Some of it could not be read: check in the Fiscal Harmony portal that every sale of the last days is there, and enter again any that is missing.');
    }
  } else if (replaced?.how === 'lost') {
    parts.push(
      `The documents journal was ${replaced.found === 'no-file' ? 'missing' : 'empty'}, although Fiscal Desk was used on this computer before, so the documents it held are not here any more. Check in the Fiscal Harmony portal that every sale of the last days is there, and enter again any that is missing.`,
    );
  }
  if (blocked) {
    parts.push(
      'The last numbers used are not known, so nothing can be queued until you confirm the next numbers: look up the last invoice and credit note numbers in the Fiscal Harmony portal, then enter the next ones in Settings, Numbering.',
    );
  } else if (replaced !== null) {
    parts.push('Numbering goes on after the last numbers used, so no number is given twice.');
  }
  if (replaced?.how === 'moved-aside') parts.push('Keep the old file: support can help read more of it if you need the old documents back.');
  return parts.length === 0 ? null : parts.join(' ');
}
