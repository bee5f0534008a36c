import { randomUUID } from 'node:crypto';
import {
  EDITABLE_STATES,
  documentDraftSchema,
  type AttentionCheck,
  type AttentionCheckOutcome,
  type DocumentDetail,
  type DocumentDraft,
  type DocumentPage,
  type DocumentState,
  type ListDocumentsQuery,
  type Numbering,
  type NumberingView,
} from '../../../shared/contract/documents';
import { draftFigures } from '../../../shared/domain/fiscal-harmony/draft-figures';
import { formatFhDate, parseFhDate } from '../../../shared/domain/fiscal-harmony/fh-date';
import { AppError } from '../../../shared/errors';
import type { EventBus } from '../../events/event-bus';
import type { Logger } from '../../logging/logger';
import type { DocumentRow, LineRow } from '../../store/journal/document-rows';
import { packBody, unpackBody } from '../../store/journal/document-body';
import { DocumentsRepo } from '../../store/journal/documents-repo';
import { searchDocuments } from '../../store/journal/document-search';
import { summaryOf } from '../../store/journal/history-query';
import type { Journal } from '../../store/journal/journal';
import { EntryQueries } from '../../store/journal/entry-queries';
import { checkBeforeQueue, type QueueCheckContext } from './pre-submission-check';
import { explainPortalConfirmation, explainState } from './state-explanations';
import { requestIdsOf } from '../../outbox/attention-check';
import { attentionCheckMessage, isConfirmedFromPortal, isNeverArrivedOffered, NEVER_ARRIVED, portalConfirmation } from './attention-ways';
import { wireDocumentJson } from './wire-document';
import type { NumberingService } from './numbering-service';
import { saveFiscalCopy } from '../../store/journal/fiscal-copies';
import { taxCopyOf, type FiscalCopySource } from './fiscal-copy-source';

/** The connection documents are entered on, and what main knows about it for the checks. */
export interface DocumentsContext {
  activeProfile(): { id: string; training: boolean };
  isTrainingProfile(profileId: string): boolean;
  /** Mapped codes, device taxes and readiness of the active connection. */
  checkContext(): Promise<Omit<QueueCheckContext, 'original' | 'lastFiscalisedDate'>>;
  /** The seller block and tax names a queued document's fiscal copy is saved with (migration 008). */
  copySource?(profileId: string): Promise<FiscalCopySource>;
}

export interface DocumentsServiceDeps {
  journal: Journal;
  context: DocumentsContext;
  events: EventBus;
  logger: Logger;
  clock: () => Date;
  /** Tells the outbox there is work (a document was queued). */
  kick: () => void;
  /** Asks Fiscal Harmony now for these documents' results. */
  checkStatusNow: (ids: readonly string[]) => Promise<{ checked: number; changed: number }>;
  /** Asks Fiscal Harmony again about a document that needs attention, by these request ids, and records the answer. */
  checkAttentionNow: (id: string, profileId: string, requestIds: readonly string[]) => Promise<AttentionCheckOutcome>;
  /** Gives the numbers (held against the watermark outside the journal) and shows and sets the numbering. */
  numbering: NumberingService;
}

/**
 * Drafts, queuing and reading of invoices and credit notes in the journal. A document is saved
 * before anything is sent; it gets its number when queued, in the same transaction, so numbers
 * have no gaps and are never reused; the outbox takes it from there.
 */
export class DocumentsService {
  readonly repo: DocumentsRepo;
  private foreignCredits: { refresh(invoiceId: string): Promise<void> } | null = null;

  constructor(private readonly deps: DocumentsServiceDeps) {
    this.repo = new DocumentsRepo(deps.journal);
  }

  private now(): string {
    return this.deps.clock().toISOString();
  }

  saveDraft(input: { id?: string | undefined; draft: DocumentDraft }): DocumentDetail {
    const draft = documentDraftSchema.parse(input.draft);
    if (draft.kind === 'credit-note' && draft.originalInvoiceId !== null && this.mine(this.repo.get(draft.originalInvoiceId))?.kind !== 'invoice' && !this.foreignOfActive(draft.originalInvoiceId)) {
      throw new AppError('INVALID_INPUT', 'The invoice this credit note is for is not in the journal. Choose the invoice again.', {
        fields: { originalInvoiceId: 'Choose a fiscalised invoice from this computer.' },
      });
    }
    const fields = this.draftFields(draft);
    const lines = lineRows(draft);
    if (input.id === undefined) {
      const profile = this.deps.context.activeProfile();
      const id = randomUUID();
      this.repo.insert({ id, profile_id: profile.id, kind: draft.kind, created_at: this.now(), ...fields }, lines, 'Saved as a draft');
      this.changed(profile.id, [{ id, state: 'draft' }]);
      return this.detail(id);
    }
    const existing = this.require(input.id);
    if (existing.kind !== draft.kind) throw new AppError('INVALID_INPUT', 'A saved document cannot change between invoice and credit note.');
    if (!this.repo.replaceDraft(input.id, EDITABLE_STATES, { ...fields, updated_at: this.now() }, lines)) {
      throw new AppError('CONFLICT', 'This document has already been sent, so it can no longer be changed. Open it from Documents to see where it is.');
    }
    this.changed(existing.profile_id, [{ id: input.id, state: existing.state }]);
    return this.detail(input.id);
  }

  discardDraft(id: string): { id: string } {
    const existing = this.require(id);
    if (!this.repo.deleteDraft(id)) {
      throw new AppError('NOT_ALLOWED', 'Only a draft that was never sent can be discarded. Sent documents stay in the journal for good.');
    }
    this.changed(existing.profile_id, []);
    return { id };
  }

  /** Checks a draft (or a fixed document), gives it its number and hands it to the outbox. */
  async queue(id: string, mode: 'first' | 'resend'): Promise<DocumentDetail> {
    const row = this.require(id);
    const from: DocumentState[] = mode === 'first' ? ['draft'] : ['needs-fix'];
    if (!from.includes(row.state)) throw this.notQueueable(row, mode);
    if (row.number === null) this.deps.numbering.requireCertain(row.profile_id, row.kind);
    const draft = documentDraftSchema.parse(JSON.parse(unpackBody(row.draft, { documentId: row.id })));
    if (draft.kind === 'credit-note' && draft.originalInvoiceId !== null && this.repo.get(draft.originalInvoiceId) === undefined) await this.foreignCredits?.refresh(draft.originalInvoiceId);
    const checkContext = { ...(await this.deps.context.checkContext()), original: this.originalOf(draft, id), lastFiscalisedDate: new EntryQueries(this.deps.journal.db).lastFiscalisedDate(row.profile_id) };
    // The checks are the active connection's: it must still be this document's once they are read.
    if (this.mine(row) === undefined) throw new AppError('CONFLICT', 'The active connection changed while this document was being checked. Open it again from Documents and send it.');
    // Sent before without a date of its own, it goes again with its first date: that is the one to check.
    const check = checkBeforeQueue(draft.date.trim() === '' && row.issued_at !== null ? { ...draft, date: row.issued_at } : draft, checkContext);
    if (check.figures === null) {
      const count = Object.keys(check.problems).length;
      throw new AppError(
        'INVALID_INPUT',
        count === 1 ? 'One thing needs fixing before this can be sent.' : `${count} things need fixing before this can be sent.`,
        { fields: check.problems },
      );
    }
    const figures = check.figures;
    const copySource = (await this.deps.context.copySource?.(row.profile_id)) ?? null;
    const now = this.deps.clock();
    const at = now.toISOString();
    this.deps.journal.transaction(() => {
      const number = row.number ?? this.deps.numbering.take(row.profile_id, row.kind);
      // One form for every date sent (CAT, to the second), so the outbox can keep them in date order.
      const date = draft.date.trim() === '' ? (row.issued_at ?? formatFhDate(now)) : sentForm(draft.date.trim());
      const buyer = draft.buyer;
      const buyerId = this.repo.upsertBuyer(
        row.profile_id,
        {
          name: buyer.name.trim(),
          tradeName: buyer.tradeName.trim(),
          tin: buyer.tin.trim(),
          vatNumber: buyer.vatNumber.trim(),
          phone: buyer.phone.trim(),
          email: buyer.email.trim(),
          addressJson: JSON.stringify(buyer.address),
        },
        at,
      );
      const wire = wireDocumentJson({ id, kind: row.kind, number, date, draft, percentOf: check.percentOf, originalInvoiceId: draft.originalInvoiceId });
      const applied = this.repo.transition(
        id,
        { from },
        'queued',
        {
          number,
          issued_at: date,
          buyer_id: buyerId,
          wire: packBody(wire),
          sub_total: figures.totals.subTotal,
          total_tax: figures.totals.totalTax,
          total: figures.totals.total,
          is_retry: mode === 'resend' ? 1 : row.is_retry,
          next_attempt_at: now.getTime(),
          service_error: mode === 'resend' ? row.service_error : null,
          last_failure: null,
        },
        at,
        mode === 'first' ? `Queued as ${number}` : `Fixed and queued again as a retry of ${number}`,
      );
      if (!applied) throw this.notQueueable(this.require(id), mode);
      saveFiscalCopy(this.deps.journal.db, id, row.profile_id, {
        capturedAt: at,
        seller: copySource?.seller?.seller ?? null,
        sellerReadAt: copySource?.seller?.readAt ?? null,
        taxes: taxCopyOf(figures.rates, draft.taxInclusive, copySource?.taxNameOf ?? (() => null)),
      });
    });
    this.changed(row.profile_id, [{ id, state: 'queued' }]);
    this.deps.kick();
    return this.detail(id);
  }

  get(id: string): DocumentDetail {
    this.require(id);
    return this.detail(id);
  }

  list(query: ListDocumentsQuery): DocumentPage {
    const profile = this.deps.context.activeProfile();
    return searchDocuments(this.deps.journal.db, profile.id, query);
  }

  checkStatus(ids: readonly string[]): Promise<{ checked: number; changed: number }> {
    for (const id of ids) this.require(id);
    return this.deps.checkStatusNow(ids);
  }

  /** "Check with Fiscal Harmony": asks about a document that needs attention by every request id it was sent with. */
  async checkAttention(id: string): Promise<AttentionCheck> {
    const row = this.require(id);
    if (row.state !== 'needs-attention') throw new AppError('CONFLICT', 'Only a document that needs your attention is checked this way. Open it again to see where it is.');
    const requestIds = requestIdsOf(row.request_id, this.repo.events(id).map((event) => event.note));
    const outcome = await this.deps.checkAttentionNow(id, row.profile_id, requestIds);
    return { outcome, message: attentionCheckMessage(outcome, row.kind), document: this.detail(id) };
  }

  /** "I found it in the portal": fiscalised on the manager's word, only from needs-attention (never twice, never while it is being sent). */
  confirmFromPortal(id: string, found: string): DocumentDetail {
    const row = this.require(id);
    if (row.state !== 'needs-attention') throw this.notWaitingForManager();
    const { changes, note } = portalConfirmation(found);
    if (!this.repo.transition(id, { from: ['needs-attention'] }, 'fiscalised', changes, this.now(), note)) throw this.notWaitingForManager();
    this.changed(row.profile_id, [{ id, state: 'fiscalised' }]);
    return this.detail(id);
  }

  /** "It never arrived": the same document id sent again with IsRetry, only after a check found none of its requests. */
  resendNeverArrived(id: string): DocumentDetail {
    const row = this.require(id);
    if (!isNeverArrivedOffered(row.state, this.repo.events(id).map((event) => ({ to: event.to_state, note: event.note })))) {
      throw new AppError('CONFLICT', 'Use "Check with Fiscal Harmony" first: a document is sent again only once Fiscal Harmony knows none of its requests.');
    }
    const now = this.deps.clock();
    const applied = this.repo.transition(
      id,
      { from: ['needs-attention'] },
      'queued',
      { is_retry: 1, ambiguous: 1, next_attempt_at: now.getTime(), next_poll_at: null, last_failure: null, service_error: null },
      now.toISOString(),
      NEVER_ARRIVED,
    );
    if (!applied) throw this.notWaitingForManager();
    this.changed(row.profile_id, [{ id, state: 'queued' }]);
    this.deps.kick();
    return this.detail(id);
  }

  numbering(): Promise<NumberingView> {
    return this.deps.numbering.view();
  }

  setNumbering(input: Numbering): Promise<NumberingView> {
    return this.deps.numbering.set(input);
  }

  /** The active connection's document: another connection's is not found here (as in the history). */
  private require(id: string): DocumentRow {
    const row = this.mine(this.repo.get(id));
    if (row === undefined) {
      throw new AppError('NOT_FOUND', 'This document is not in the journal of the active connection. It may have been a draft that was discarded, or it belongs to another connection.');
    }
    return row;
  }

  /**
   * Another till's invoice is credited from here once the back office kept it (office-credit):
   * before queuing such a credit note, what other tills credited is read again from the shop
   * database. Set after the shop database's service is built; absent, the kept figure counts.
   */
  useForeignCredits(refresher: { refresh(invoiceId: string): Promise<void> }): void {
    this.foreignCredits = refresher;
  }

  private foreignOfActive(invoiceId: string): boolean {
    return new EntryQueries(this.deps.journal.db).foreignInvoice(invoiceId)?.profile_id === this.deps.context.activeProfile().id;
  }

  private mine(row: DocumentRow | undefined): DocumentRow | undefined {
    return row?.profile_id === this.deps.context.activeProfile().id ? row : undefined;
  }

  private originalOf(draft: DocumentDraft, id: string): QueueCheckContext['original'] {
    if (draft.kind !== 'credit-note' || draft.originalInvoiceId === null) return null;
    const profile = this.require(id).profile_id;
    return new EntryQueries(this.deps.journal.db).creditedInvoice(profile, draft.originalInvoiceId, id);
  }

  private notWaitingForManager(): AppError {
    return new AppError('CONFLICT', 'This document no longer needs your attention (it was checked, confirmed or sent meanwhile). Open it again to see where it is.');
  }

  private notQueueable(row: DocumentRow, mode: 'first' | 'resend'): AppError {
    if (mode === 'resend') return new AppError('CONFLICT', 'Only a document that needs a fix can be sent again. This one is not waiting for a fix.');
    return new AppError('CONFLICT', row.state === 'needs-fix' ? 'This document was refused: fix it and use "Send again".' : 'This document has already been queued.');
  }

  private draftFields(draft: DocumentDraft) {
    return {
      draft: packBody(JSON.stringify(draft)),
      currency: draft.currency.trim(),
      buyer_name: draft.buyer.name.trim(),
      buyer_tin: draft.buyer.tin.trim() === '' ? null : draft.buyer.tin.trim(),
      original_id: draft.kind === 'credit-note' ? draft.originalInvoiceId : null,
      // Totals are known once the document is checked (they need the mapped tax rates).
      sub_total: null,
      total_tax: null,
      total: null,
    };
  }

  private detail(id: string): DocumentDetail {
    const row = this.require(id);
    const draft = documentDraftSchema.parse(JSON.parse(unpackBody(row.draft, { documentId: row.id })));
    const original = row.original_id === null ? undefined : this.repo.get(row.original_id);
    const amounts = draftFigures(draft, () => undefined).lines;
    const events = this.repo.events(id);
    const training = this.deps.context.isTrainingProfile(row.profile_id);
    const confirmedFromPortal = isConfirmedFromPortal(row.state, events.map((event) => ({ to: event.to_state, note: event.note })));
    return {
      ...summaryOf(row),
      draft,
      lines: draft.lines.map((line, i) => ({ ...line, lineAmount: amounts[i]?.lineAmount ?? null })),
      totals: row.total === null || row.sub_total === null || row.total_tax === null ? null : { subTotal: row.sub_total, totalTax: row.total_tax, total: row.total },
      explanation: confirmedFromPortal ? explainPortalConfirmation(row.kind) : explainState(row, { training }),
      originalInvoiceNumber: original?.number ?? (row.original_id === null ? null : (new EntryQueries(this.deps.journal.db).foreignInvoice(row.original_id)?.number ?? null)),
      isRetry: row.is_retry === 1 || row.ambiguous === 1,
      attempts: row.attempts,
      requestId: row.request_id,
      qr:
        row.qr_url === null || row.verification_code === null
          ? null
          : {
              qrCodeUrl: row.qr_url,
              verificationCode: row.verification_code,
              fiscalDay: row.fiscal_day ?? 0,
              deviceId: row.device_id ?? 0,
              zimraInvoiceNumber: row.zimra_number ?? 0,
            },
      pdfAvailable: row.pdf_token !== null,
      training,
      events: events.map((event) => ({ at: event.at, from: event.from_state, to: event.to_state, note: event.note })),
      confirmedFromPortal,
      neverArrivedOffered: isNeverArrivedOffered(row.state, events.map((event) => ({ to: event.to_state, note: event.note }))),
    };
  }

  private changed(profileId: string, changes: { id: string; state: DocumentState }[]): void {
    this.deps.events.emit('documents:changed', { profileId, changes, at: this.now() });
  }
}


function lineRows(draft: DocumentDraft): Omit<LineRow, 'document_id'>[] {
  const amounts = draftFigures(draft, () => undefined).lines;
  return draft.lines.map((line, position) => ({
    position,
    description: line.description,
    quantity: line.quantity,
    unit_amount: line.unitAmount,
    discount_amount: line.discountAmount,
    tax_code: line.taxCode,
    hs_code: line.hsCode,
    line_amount: amounts[position]?.lineAmount ?? null,
  }));
}

/** A typed date in the one form sent (the check has refused one that cannot be read). */
function sentForm(typed: string): string {
  const instant = parseFhDate(typed);
  return instant === undefined ? typed : formatFhDate(instant);
}
