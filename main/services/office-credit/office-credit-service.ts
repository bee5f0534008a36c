import type { DatabaseSync } from 'node:sqlite';
import type pg from 'pg';
import type { DocumentDetail, DocumentDraft } from '../../../shared/contract/documents';
import type { ShopDbSettings } from '../../../shared/contract/shop-db';
import { AppError, isAppError } from '../../../shared/errors';
import { Dec } from '../../../shared/domain/money';
import type { Logger } from '../../logging/logger';
import { diagnose } from '../../shop-db/shop-db-faults';
import { openShopClient, targetOf } from '../../shop-db/shop-db-connection';
import { EntryQueries } from '../../store/journal/entry-queries';
import { creditNoteDraftFrom } from '../entry/credit-note-draft';
import type { OfficeCreditNotes } from '../../ipc/handlers/shop-office-handlers';
import { keepForeignInvoice, taxInclusiveOf, updateCreditedElsewhere } from './foreign-invoice-store';
import { creditedByOtherTills, readShopInvoice, readsOtherTills } from './shop-invoice-read';

export interface OfficeCreditDeps {
  /** This computer's shop database settings and the password from the keychain. */
  shopDb: () => Promise<{ settings: ShopDbSettings; password: string }>;
  /** The journal and the documents service the draft is saved through (throws why the journal is not open). */
  documents: () => { db: DatabaseSync; saveDraft(input: { draft: DocumentDraft }): DocumentDetail };
  activeProfile: () => { id: string };
  stationId: () => string;
  /** The active Fiscal Harmony connection's device id; null when it is not known (it cannot be read now). */
  deviceId: () => Promise<number | null>;
  logger: Logger;
  clock: () => Date;
  /** How long queuing waits for the shop database to say what other tills credited (then the kept figure counts). */
  refreshTimeoutMs?: number;
  /** Opens a shop database client (tests keep the real one; the default is openShopClient). */
  connect?: (settings: ShopDbSettings, password: string) => Promise<pg.Client>;
}

const DOCS = 'docs/shop-database.md';

/**
 * A credit note on this computer for an invoice another till fiscalised: the invoice is read
 * from the shop database (the login needs the back office's right to read other tills), its
 * fiscal facts are kept in this journal, and the credit note starts as a draft of this
 * computer's own, sent by its own connection like any other. What remains creditable counts
 * this journal's credit notes and every other till's, as the shop database knows them.
 */
export class OfficeCreditService implements OfficeCreditNotes {
  constructor(private readonly deps: OfficeCreditDeps) {}

  async startCreditNote(invoiceId: string): Promise<DocumentDetail> {
    const documents = this.deps.documents();
    const profile = this.deps.activeProfile();
    const queries = new EntryQueries(documents.db);
    const local = documents.db.prepare(`SELECT 1 AS here FROM documents WHERE id = ? AND profile_id = ? AND kind = 'invoice'`).get(invoiceId, profile.id);
    if (local !== undefined) return documents.saveDraft({ draft: this.draftFrom(queries, profile.id, invoiceId) });

    const { settings, password } = await this.settings();
    const invoice = await this.withClient(settings, password, async (client) => {
      if (!(await readsOtherTills(client))) {
        throw new AppError(
          'NOT_ALLOWED',
          `The shop database login "${settings.user}" may only copy this till's documents, not read other tills'. Ask IT to grant it the role fiscal_desk_office (${DOCS}).`,
        );
      }
      const found = await readShopInvoice(client, invoiceId);
      return found === null ? null : { ...found, creditedElsewhere: await creditedByOtherTills(client, invoiceId, this.deps.stationId()) };
    });
    if (invoice === null) throw new AppError('NOT_FOUND', 'That invoice is not in the shop database. If its till has not copied it yet, try again once it has.');
    if (invoice.kind !== 'invoice') throw new AppError('NOT_ALLOWED', 'That document is a credit note: only an invoice can be credited.');
    if (invoice.stationId === this.deps.stationId()) {
      throw new AppError('NOT_ALLOWED', 'That invoice was made on this till with another connection. Switch to that connection and credit it from Documents.');
    }
    const till = invoice.tillLabel.trim() === '' ? `till ${invoice.stationId}` : `till "${invoice.tillLabel}"`;
    if (invoice.state !== 'fiscalised' || invoice.number === null || invoice.issuedAt === null || invoice.total === null) {
      throw new AppError('NOT_ALLOWED', `Only a fiscalised invoice can be credited, and ${invoice.number ?? 'this invoice'} is not fiscalised on ${till} (${invoice.state}). Try again once it is.`);
    }
    const deviceId = await this.deps.deviceId();
    if (deviceId !== null && invoice.deviceId !== null && deviceId !== invoice.deviceId) {
      throw new AppError(
        'NOT_ALLOWED',
        `Invoice ${invoice.number} was fiscalised by another fiscal device (${invoice.deviceId}) than this connection's (${deviceId}). Fiscal Harmony takes a credit note only on the invoice's own account: credit it from a till of that account.`,
      );
    }
    keepForeignInvoice(documents.db, { ...invoice, number: invoice.number, issuedAt: invoice.issuedAt, total: invoice.total }, {
      profileId: profile.id,
      taxInclusive: taxInclusiveOf(invoice),
      creditedElsewhere: invoice.creditedElsewhere,
      fetchedAt: this.deps.clock().toISOString(),
    });
    return documents.saveDraft({ draft: this.draftFrom(queries, profile.id, invoiceId) });
  }

  /**
   * Before a credit note for another till's invoice is queued: what other tills credited, read
   * again from the shop database. When it cannot answer in time the figure kept last counts
   * (Fiscal Harmony refuses an over-credit anyway), and the log says so.
   */
  async refresh(invoiceId: string): Promise<void> {
    const documents = this.deps.documents();
    const kept = new EntryQueries(documents.db).foreignInvoice(invoiceId);
    if (kept === undefined) return;
    const timeoutMs = this.deps.refreshTimeoutMs ?? 3_000;
    try {
      const { settings, password } = await this.settings();
      const credited = await withDeadline(this.withClient(settings, password, (client) => creditedByOtherTills(client, invoiceId, this.deps.stationId())), timeoutMs);
      updateCreditedElsewhere(documents.db, invoiceId, credited, this.deps.clock().toISOString());
    } catch (error) {
      this.deps.logger.warn('Credit note for another till\'s invoice: the shop database did not say what other tills credited, so the figure read earlier counts', {
        invoiceId,
        creditedElsewhere: kept.credited_elsewhere,
        readAt: kept.fetched_at,
        why: isAppError(error) ? error.message : String(error),
      });
    }
  }

  private draftFrom(queries: EntryQueries, profileId: string, invoiceId: string): DocumentDraft {
    const basis = queries.creditBasis(profileId, invoiceId, null);
    if (basis === null) throw new AppError('NOT_FOUND', 'That invoice could not be read back from this computer\'s journal. Start the credit note again.');
    if (!basis.fiscalised) throw new AppError('NOT_ALLOWED', 'Only a fiscalised invoice can be credited. Wait for its result on the Documents screen.');
    if (!new Dec(basis.remaining).gt(0)) {
      throw new AppError('NOT_ALLOWED', `Nothing remains to credit on invoice ${basis.number ?? ''}: its credit notes, on every till, already take its whole total (${basis.total} ${basis.currency}).`);
    }
    return creditNoteDraftFrom(invoiceId, basis);
  }

  private async settings(): Promise<{ settings: ShopDbSettings; password: string }> {
    const found = await this.deps.shopDb();
    if (!found.settings.enabled || found.settings.host.trim() === '') {
      throw new AppError('NOT_ALLOWED', 'This computer does not use a shop database. Set it up in Settings, Shop database, to credit another till\'s invoice.');
    }
    return found;
  }

  private async withClient<T>(settings: ShopDbSettings, password: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
    let client: pg.Client | null = null;
    try {
      client = await (this.deps.connect ?? ((s, p) => openShopClient(s, p)))(settings, password);
      return await work(client);
    } catch (error) {
      if (isAppError(error)) throw error;
      throw new AppError('SERVICE_UNAVAILABLE', `The invoice could not be read: ${diagnose(error, targetOf(settings)).message}`, { retryable: true, cause: error });
    } finally {
      await client?.end().catch(() => undefined);
    }
  }
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError('TIMEOUT', `the shop database did not answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
