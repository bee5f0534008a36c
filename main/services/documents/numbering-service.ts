import { DOCUMENT_KINDS, type DocumentKind, type Numbering, type NumberingView } from '../../../shared/contract/documents';
import type { ReadinessReason } from '../../../shared/contract/readiness';
import { kindInWords } from '../../../shared/domain/document-kind-words';
import type { Logger } from '../../logging/logger';
import type { Journal } from '../../store/journal/journal';
import { numberingUncertain } from '../../store/journal/number-sequences';
import type { NumberingStart } from '../../store/journal/numbering-start';
import { DocumentsRepo, formatNumber } from '../../store/journal/documents-repo';
import { journalNotice } from './journal-notice';
import { defaultPrefix } from './till-prefix';

export interface NumberingContext {
  activeProfile(): { id: string; training: boolean };
  /** This installation's station id (X-App-Station): the till's short code in default prefixes comes from it. */
  stationId(): string;
  /** The other Fiscal Harmony connections of this computer that reach the same account as `profileId`. */
  sameAccountConnections(profileId: string): Promise<{ id: string; name: string }[]>;
}


/**
 * The seller's numbering of each connection as the manager sees and sets it: prefixes (a new
 * sequence starts with this till's own), the next numbers, their confirmation after a lost
 * journal, and the warning when two connections of this computer on one Fiscal Harmony account
 * would give the same numbers. Numbers themselves are taken by NumberSequences.
 */
export class NumberingService {
  private readonly repo: DocumentsRepo;

  constructor(
    private readonly deps: { journal: Journal; start: NumberingStart; context: NumberingContext; logger: Logger; onChanged?: () => void },
  ) {
    this.repo = new DocumentsRepo(deps.journal);
  }

  private get sequences() {
    return this.deps.start.sequences;
  }

  defaultPrefix(kind: DocumentKind): string {
    return defaultPrefix(kind, this.deps.context.stationId());
  }

  /** Refuses early (before the checks) when this connection's next number is not known. */
  requireCertain(profileId: string, kind: DocumentKind): void {
    if (!this.sequences.isCertain(profileId, kind)) throw numberingUncertain(kind);
  }

  /** The next number, inside the queue's transaction. */
  take(profileId: string, kind: DocumentKind): string {
    return this.sequences.take(profileId, kind, this.defaultPrefix(kind));
  }

  unconfirmed(profileId: string): DocumentKind[] {
    return DOCUMENT_KINDS.filter((kind) => !this.sequences.isCertain(profileId, kind));
  }

  async view(): Promise<NumberingView> {
    const profile = this.deps.context.activeProfile();
    const invoice = this.sequences.view(profile.id, 'invoice', this.defaultPrefix('invoice'));
    const credit = this.sequences.view(profile.id, 'credit-note', this.defaultPrefix('credit-note'));
    const unconfirmed = this.unconfirmed(profile.id);
    return {
      invoicePrefix: invoice.prefix,
      creditNotePrefix: credit.prefix,
      nextInvoiceNumber: formatNumber(invoice.prefix, invoice.nextValue),
      nextCreditNoteNumber: formatNumber(credit.prefix, credit.nextValue),
      nextInvoiceValue: Math.max(invoice.nextValue, invoice.highestKnown + 1),
      nextCreditNoteValue: Math.max(credit.nextValue, credit.highestKnown + 1),
      highestInvoiceValue: invoice.highestKnown,
      highestCreditNoteValue: credit.highestKnown,
      unconfirmed,
      blockedBecause: unconfirmed.length === 0 ? null : blockedBecause(unconfirmed),
      sharedPrefixWarning: await this.sharedPrefixWarning(profile.id),
    };
  }

  async set(input: Numbering): Promise<NumberingView> {
    const profile = this.deps.context.activeProfile();
    // Next numbers first: one refused leaves the prefixes as they were.
    if (input.nextInvoiceValue !== undefined) this.sequences.confirmNext(profile.id, 'invoice', input.nextInvoiceValue, this.defaultPrefix('invoice'), 'nextInvoiceValue');
    if (input.nextCreditNoteValue !== undefined) {
      this.sequences.confirmNext(profile.id, 'credit-note', input.nextCreditNoteValue, this.defaultPrefix('credit-note'), 'nextCreditNoteValue');
    }
    this.repo.setPrefix(profile.id, 'invoice', input.invoicePrefix, this.defaultPrefix('invoice'));
    this.repo.setPrefix(profile.id, 'credit-note', input.creditNotePrefix, this.defaultPrefix('credit-note'));
    this.deps.onChanged?.();
    return this.view();
  }

  /** What readiness says about numbering on a connection: a blocker while a next number is unknown, a warning for a shared prefix. */
  async readinessReasons(profileId: string): Promise<ReadinessReason[]> {
    const reasons: ReadinessReason[] = [];
    const unconfirmed = this.unconfirmed(profileId);
    if (unconfirmed.length > 0) {
      reasons.push({
        code: 'numbering-unknown',
        severity: 'blocker',
        message: `Nothing can be queued: the documents journal was lost or damaged, so the last ${unconfirmed.map(kindInWords).join(' and ')} number used is not known.`,
        fix: 'Look up the last numbers used in the Fiscal Harmony portal, then enter the next ones in Settings, Numbering.',
        screen: '/settings',
      });
    }
    const shared = await this.sharedPrefixWarning(profileId);
    if (shared !== null) {
      reasons.push({ code: 'numbering-shared-prefix', severity: 'warning', message: shared, fix: 'Give one of them another prefix in Settings, Numbering.', screen: '/settings' });
    }
    return reasons;
  }

  /** The journal notice of the outbox state: what happened at start-up, and while it lasts, that queuing waits. */
  notice(): string | null {
    let blocked = false;
    try {
      blocked = this.unconfirmed(this.deps.context.activeProfile().id).length > 0;
    } catch {
      // No Fiscal Harmony connection is active: nothing is queued anyway.
    }
    return journalNotice(this.deps.start, blocked);
  }

  private prefixOf(profileId: string, kind: DocumentKind): string {
    return this.repo.peekSequence(profileId, kind)?.prefix ?? this.defaultPrefix(kind);
  }

  private async sharedPrefixWarning(profileId: string): Promise<string | null> {
    let others: { id: string; name: string }[];
    try {
      others = await this.deps.context.sameAccountConnections(profileId);
    } catch (error) {
      this.deps.logger.warn('Could not tell which connections share a Fiscal Harmony account', { error });
      return null;
    }
    for (const other of others) {
      const clash = DOCUMENT_KINDS.find((kind) => this.prefixOf(other.id, kind) === this.prefixOf(profileId, kind));
      if (clash !== undefined) {
        return `"${other.name}" uses the same Fiscal Harmony account and the same ${kindInWords(clash)} prefix "${this.prefixOf(profileId, clash)}", so the two would give the same numbers, which ZIMRA refuses.`;
      }
    }
    return null;
  }
}

function blockedBecause(kinds: readonly DocumentKind[]): string {
  const what = kinds.map(kindInWords).join(' and ');
  return `The documents journal was lost or damaged, so the last ${what} number used is not known and nothing can be queued. Look up the last ${what} number used in the Fiscal Harmony portal and enter the next one here.`;
}
