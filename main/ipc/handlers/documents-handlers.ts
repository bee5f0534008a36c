import type { AppError } from '../../../shared/errors';
import type { DocumentsModule } from '../../services/documents/documents-module';
import type { Handlers } from '../router';

/** The documents module, or why the journal could not be opened (every call then says so). */
export type DocumentsAccess = { ok: true; module: DocumentsModule } | { ok: false; error: AppError };

function use<T>(access: DocumentsAccess, work: (module: DocumentsModule) => T): T {
  if (!access.ok) throw access.error;
  return work(access.module);
}

export function documentsHandlers(access: DocumentsAccess): Handlers['documents'] {
  const documents = <T>(work: (service: DocumentsModule['documents']) => T): T => use(access, (module) => work(module.documents));
  return {
    saveDraft: (input) => documents((service) => service.saveDraft(input)),
    discardDraft: ({ id }) => documents((service) => service.discardDraft(id)),
    queue: ({ id }) => documents((service) => service.queue(id, 'first')),
    resend: ({ id }) => documents((service) => service.queue(id, 'resend')),
    get: ({ id }) => documents((service) => service.get(id)),
    list: (query) => documents((service) => service.list(query)),
    checkStatus: ({ ids }) => documents((service) => service.checkStatus(ids)),
    checkAttention: ({ id }) => documents((service) => service.checkAttention(id)),
    confirmFromPortal: ({ id, found }) => documents((service) => service.confirmFromPortal(id, found)),
    resendNeverArrived: ({ id }) => documents((service) => service.resendNeverArrived(id)),
    numbering: () => documents((service) => service.numbering()),
    setNumbering: (input) => documents((service) => service.setNumbering(input)),
  };
}

export function outboxHandlers(access: DocumentsAccess): Handlers['outbox'] {
  return {
    state: () => use(access, (module) => module.outbox.state()),
    pause: () => use(access, (module) => module.outbox.pause()),
    resume: () => use(access, (module) => module.outbox.resume()),
    retryNow: () => use(access, (module) => module.outbox.retryNow()),
  };
}
