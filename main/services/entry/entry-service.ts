import { PAYMENT_METHODS } from '../../../shared/domain/fiscal-harmony/schemas/documents';
import type { DocumentDraft } from '../../../shared/contract/documents';
import type { BuyerRecord, CreditableInvoice, CreditBasis, EntryCheckInput, EntryCheckResult, EntryOptions, EntryTaxCode, LineSuggestion } from '../../../shared/contract/entry';
import type { ReadinessReason, ReadinessVerdict } from '../../../shared/contract/readiness';
import type { StandardRate } from '../../../shared/contract/settings';
import type { MappingFacts } from '../../../shared/domain/fiscal-harmony/document-checks';
import { Dec } from '../../../shared/domain/money';
import { AppError, isAppError } from '../../../shared/errors';
import type { Logger } from '../../logging/logger';
import type { EntryQueries } from '../../store/journal/entry-queries';
import type { MappedCurrency, MappedTaxCode } from '../mappings/mappings-service';
import { creditNoteDraftFrom } from './credit-note-draft';
import { checkDraft, type CheckContext } from './draft-check';

export interface EntryServiceDeps {
  /** The active Fiscal Harmony connection (throws NO_CONNECTION when there is none). */
  activeProfile: () => { id: string; training: boolean };
  mappedTaxCodes: () => Promise<MappedTaxCode[]>;
  mappedCurrencies: () => Promise<MappedCurrency[]>;
  verdict: () => Promise<ReadinessVerdict>;
  /** The journal's entry queries, or null while the journal is not open. */
  queries: () => EntryQueries | null;
  /** The shop's standard rate per connection, as kept in the settings. */
  standardTaxCodes: { get: () => Readonly<Record<string, string>>; set: (codes: Record<string, string>) => void };
  logger: Logger;
  clock: () => Date;
}

/** The mappings as the shared rules read them: each mapped code with the device tax it points at. */
export function mappingFactsOf(taxes: readonly MappedTaxCode[], currencies: readonly MappedCurrency[]): MappingFacts {
  const deviceTaxes = taxes.flatMap((t) => (t.deviceTax === null ? [] : [t.deviceTax]));
  return {
    taxMappings: taxes.map((t) => ({ taxCode: t.taxCode, destinationTaxId: t.destinationTaxId })),
    deviceTaxes: deviceTaxes.filter((tax, i) => deviceTaxes.findIndex((other) => other.id === tax.id) === i),
    currencyMappings: currencies.map((c) => ({ sourceCurrency: c.sourceCurrency, usable: c.usable })),
  };
}


/**
 * Invoice entry: what the form offers, the pre-submission check run live (the same check
 * documents:queue runs), and the journal's memory of buyers, lines and creditable invoices.
 */
export class EntryService {
  constructor(private readonly deps: EntryServiceDeps) {}

  async options(): Promise<EntryOptions> {
    const profile = this.deps.activeProfile();
    const [taxes, currencies] = await Promise.all([this.deps.mappedTaxCodes(), this.deps.mappedCurrencies()]);
    const unknownDevice = taxes.some((t) => t.deviceTax === null && t.usable);
    return {
      currencies: currencies.map((c) => ({ code: c.sourceCurrency, destination: c.destinationCurrency, usable: c.usable })),
      taxCodes: taxes.map(entryTaxCode),
      paymentMethods: [...PAYMENT_METHODS],
      deviceProblem: unknownDevice ? 'The fiscal device\'s taxes could not be read just now, so tax percents are not shown. Check the Fiscal device screen.' : null,
      training: profile.training,
      standardTaxCode: this.usableStandard(profile.id, taxes),
    };
  }

  /** The standard rate of the active connection, and what its device's taxes suggest. */
  async standardRate(): Promise<StandardRate> {
    const profile = this.deps.activeProfile();
    const taxes = await this.deps.mappedTaxCodes();
    return { taxCode: this.deps.standardTaxCodes.get()[profile.id] ?? null, proposed: proposedStandard(taxes), choices: taxes.map(entryTaxCode) };
  }

  /** Only a mapped tax code the device still lists can be the standard rate. */
  async setStandardRate(taxCode: string | null): Promise<StandardRate> {
    const profile = this.deps.activeProfile();
    if (taxCode !== null) {
      const taxes = await this.deps.mappedTaxCodes();
      if (!taxes.some((t) => t.taxCode === taxCode && t.usable)) {
        throw new AppError('INVALID_INPUT', `Tax code "${taxCode}" is not one of your mapped tax codes on the fiscal device. Choose one from the list, or map it in Mappings first.`, { fields: { taxCode: 'Choose one of your mapped tax codes.' } });
      }
    }
    const { [profile.id]: _old, ...others } = this.deps.standardTaxCodes.get();
    this.deps.standardTaxCodes.set(taxCode === null ? others : { ...others, [profile.id]: taxCode });
    return this.standardRate();
  }

  /** The saved standard rate while it is still mapped and on the device (else new lines start without a tax code). */
  private usableStandard(profileId: string, taxes: readonly MappedTaxCode[]): string | null {
    const code = this.deps.standardTaxCodes.get()[profileId];
    return code !== undefined && taxes.some((t) => t.taxCode === code && t.usable) ? code : null;
  }

  /** The context every check needs; the documents service builds the same one before queuing. */
  async checkContext(draft: DocumentDraft, exceptId: string | null): Promise<CheckContext> {
    const profile = this.deps.activeProfile();
    const [taxes, currencies, readiness] = await Promise.all([this.deps.mappedTaxCodes(), this.deps.mappedCurrencies(), this.readinessReasons()]);
    const original = draft.kind === 'credit-note' && draft.originalInvoiceId !== null ? (this.deps.queries()?.creditedInvoice(profile.id, draft.originalInvoiceId, exceptId) ?? null) : null;
    const lastFiscalisedDate = this.deps.queries()?.lastFiscalisedDate(profile.id) ?? null;
    return { now: this.deps.clock(), mappings: mappingFactsOf(taxes, currencies), original, lastFiscalisedDate, readiness };
  }

  async check(input: EntryCheckInput): Promise<EntryCheckResult> {
    const context = await this.checkContext(input.draft, input.id ?? null);
    const result = checkDraft(input.draft, context);
    const original = context.original;
    return {
      ok: result.problems.length === 0,
      problems: result.problems,
      totals: result.totals,
      credit: original === null ? null : creditView(original),
      buyerNameSent: result.buyerNameSent,
    };
  }

  findBuyers(query: string): BuyerRecord[] {
    return this.deps.queries()?.findBuyers(this.deps.activeProfile().id, query) ?? [];
  }

  suggestLines(query: string, currency: string): LineSuggestion[] {
    return this.deps.queries()?.suggestLines(this.deps.activeProfile().id, query, currency) ?? [];
  }

  findInvoices(query: string): CreditableInvoice[] {
    return this.deps.queries()?.findInvoices(this.deps.activeProfile().id, query) ?? [];
  }

  /** A credit note prefilled from a fiscalised invoice: its lines, currency and buyer; the reason left to the manager. */
  creditBasis(invoiceId: string): { basis: CreditBasis; draft: DocumentDraft } {
    const basis = this.deps.queries()?.creditBasis(this.deps.activeProfile().id, invoiceId, null) ?? null;
    if (basis === null) throw new AppError('NOT_FOUND', 'That invoice is not in this connection\'s documents. Search for it by its number instead.');
    if (!basis.fiscalised) throw new AppError('NOT_ALLOWED', 'Only a fiscalised invoice can be credited. Wait for its result on the Documents screen.');
    const draft = creditNoteDraftFrom(invoiceId, basis);
    return { basis: creditView(basis), draft };
  }

  /** Only the device and subscription parts of the verdict block a document; a failing check blocks nothing. */
  private async readinessReasons(): Promise<ReadinessReason[]> {
    try {
      return (await this.deps.verdict()).reasons;
    } catch (error) {
      if (!isAppError(error)) this.deps.logger.warn('Entry: the readiness verdict could not be read', { error });
      return [];
    }
  }
}

function entryTaxCode(t: MappedTaxCode): EntryTaxCode {
  return { code: t.taxCode, zimraName: t.deviceTax?.name ?? null, percent: t.deviceTax?.percent ?? null, usable: t.usable };
}

/** The mapped code of the device's highest rate (the standard VAT rate, 15.5% today), or null when none has a percent. */
export function proposedStandard(taxes: readonly MappedTaxCode[]): string | null {
  let best: MappedTaxCode | null = null;
  for (const t of taxes) {
    const percent = t.deviceTax?.percent;
    if (!t.usable || percent === null || percent === undefined) continue;
    if (best === null || new Dec(percent).gt(best.deviceTax?.percent ?? '0')) best = t;
  }
  return best?.taxCode ?? null;
}

function creditView(basis: CreditBasis): CreditBasis {
  return { invoiceId: basis.invoiceId, number: basis.number, state: basis.state, currency: basis.currency, total: basis.total, credited: basis.credited, remaining: basis.remaining, lines: basis.lines };
}
