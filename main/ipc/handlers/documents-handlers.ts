import { AppError } from '../../../shared/errors';
import type { Handlers } from '../router';

const notYet = (): never => {
  throw new AppError('NOT_AVAILABLE_YET', 'Documents are not available yet.');
};

export function documentsHandlers(): Handlers['documents'] {
  return { saveDraft: notYet, discardDraft: notYet, queue: notYet, resend: notYet, get: notYet, list: notYet, checkStatus: notYet, numbering: notYet, setNumbering: notYet };
}

export function outboxHandlers(): Handlers['outbox'] {
  return { state: notYet, pause: notYet, resume: notYet, retryNow: notYet };
}
