// Property: the app's pre-submission check and the sandbox agree. Every random invoice or credit
// note the check calls valid is fiscalised by the real (in-process) sandbox; every one it calls
// invalid is refused, as actionable, for exactly the same set of reasons.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDraft, LineDraft } from '../../../shared/contract/documents';
import { Dec } from '../../../shared/domain/money';
import { createDemoAccount, uniqueCredentials } from '../../sandbox/demo-accounts';
import { createDemoAccounts } from '../../sandbox/demo-accounts';
import type { FhTestClient } from '../../sandbox/test-support/fh-test-client';
import { startTestSandbox, type TestSandbox } from '../../sandbox/test-support/sandbox-fixture';
import { resolveLineTax } from '../../../shared/domain/fiscal-harmony/document-checks';
import { parseTypedDecimal } from '../../../shared/domain/fiscal-harmony/draft-figures';
import { checkDocumentNumber } from '../../../shared/domain/fiscal-harmony/entry-rules';
import { formatFhDate, parseFhDate } from '../../../shared/domain/fiscal-harmony/fh-date';
import { APP_ONLY_RULES, checkDraft, type CheckContext } from './draft-check';
import { wireDocument } from './wire-document';
import { sandboxMappingFacts } from '../../test-support/sandbox-mapping-facts';

/** At least 1,000; more with ENTRY_PROPERTY_RUNS (and a seed with ENTRY_PROPERTY_SEED) to hunt or replay a failure. */
const RUNS = Math.max(1000, Number.parseInt(process.env.ENTRY_PROPERTY_RUNS ?? '1000', 10));
const SEED = process.env.ENTRY_PROPERTY_SEED === undefined ? undefined : Number.parseInt(process.env.ENTRY_PROPERTY_SEED, 10);

/** The sandbox's reason for a refusal, named as the shared rules name it. */
function rulesOfSandboxError(error: string): string[] {
  return error.split('; ').map((part) => {
    const rules: Array<[RegExp, string]> = [
      // ZIMRA's entry rules (the sandbox's zimra-entry-rules.ts), before the patterns they would also match.
      [/^Line \d+: Description is longer than \d+ characters/, 'description-length'],
      [/^Line \d+: UnitAmount \S+ has more than 3 decimals$/, 'unit-price-decimals'],
      [/^Line \d+: Quantity \S+ is too large/, 'quantity-limit'],
      [/^Line \d+: UnitAmount \S+ is too large/, 'unit-price-limit'],
      [/^(Line \d+: (LineAmount|DiscountAmount)|SubTotal|TotalTax|Total) \S+ is too large/, 'amount-limit'],
      [/^(Invoice|CreditNote)Number is longer than/, 'number-length'],
      [/^Date \S+ is in the future$/, 'date-future'],
      [/^Date \S+ is before the last fiscalised receipt/, 'date-before-last'],
      [/^Original invoice .* more than 12 months before the credit note$/, 'credit-age'],
      [/^BuyerContact differs from the original invoice's buyer/, 'credit-buyer'],
      [/^Line \d+: LineAmount is .* but Quantity x|^(Sub)?Total(Tax)? is /, 'arithmetic'],
      [/has no Description/, 'description'],
      [/ProductCode/, 'hs-code'],
      [/has no TaxCode/, 'tax-code-missing'],
      [/: Quantity /, 'quantity'],
      [/(Unit|Line)Amount must not be negative/, 'amount'],
      [/DiscountAmount/, 'discount'],
      [/^Buyer Name is required/, 'buyer-name'],
      [/^Buyer TIN/, 'buyer-tin'],
      [/^Buyer VAT number is given without a TIN/, 'buyer-vat'],
      [/credit note Total must be more than 0/, 'credit-note-amount'],
      [/has no currency mapping/, 'currency-unmapped'],
      [/has no tax mapping/, 'tax-unmapped'],
      [/which the fiscal device does not list/, 'tax-not-on-device'],
      [/is not valid on/, 'tax-not-valid'],
      [/^Original invoice .* (was not found|was not fiscalised|is still being processed)/, 'credit-original'],
      [/differs from the original invoice's currency/, 'credit-currency'],
      [/exceeds the remaining total/, 'credit-limit'],
    ];
    return rules.find(([pattern]) => pattern.test(part))?.[1] ?? `unknown: ${part}`;
  });
}

// ---- Random drafts within what the form lets a manager type ------------------------------------

const decimal = (maxWhole: number, places: number) =>
  fc.tuple(fc.integer({ min: 0, max: maxWhole }), fc.integer({ min: 0, max: 10 ** places - 1 })).map(([w, f]) => (places === 0 ? `${w}` : `${w}.${String(f).padStart(places, '0')}`));

/** 16 digits before the point is what ZIMRA's Decimal(19,3) holds; 17 is one too many. */
const SIXTEEN_NINES = '9999999999999999';
const SEVENTEEN_DIGITS = '10000000000000000';

const lineArb: fc.Arbitrary<LineDraft> = fc.record({
  description: fc.oneof(
    { weight: 40, arbitrary: fc.constantFrom('Cement 50 kg', 'Nails 3 inch', 'Paint 5 l', 'Delivery') },
    { weight: 1, arbitrary: fc.constantFrom('', '  ') },
    // ZIMRA's String(200): the longest that fits, and one more.
    { weight: 1, arbitrary: fc.constantFrom('é'.repeat(200), 'x'.repeat(201)) },
  ),
  quantity: fc.oneof(
    { weight: 40, arbitrary: fc.oneof(decimal(20, 0), decimal(9, 1), decimal(5, 3)).filter((q) => q !== '0' && !/^0\.0+$/.test(q)) },
    { weight: 1, arbitrary: fc.constantFrom('0', '1.2345', '-1') },
    // Past what the service holds, at its edge, and the 1e30 once fiscalised.
    { weight: 1, arbitrary: fc.constantFrom(SIXTEEN_NINES, SEVENTEEN_DIGITS, '0.001', `1${'0'.repeat(30)}`, '1000000') },
  ),
  unitAmount: fc.oneof(
    { weight: 40, arbitrary: decimal(2000, 2) },
    { weight: 1, arbitrary: fc.constantFrom('-5.00', '0') },
    { weight: 2, arbitrary: fc.oneof(decimal(50, 3), fc.constantFrom('4.6005', '0.0001')) },
    { weight: 1, arbitrary: fc.constantFrom(SIXTEEN_NINES, SEVENTEEN_DIGITS, '99999999999999.99', '0.001') },
  ),
  discountAmount: fc.oneof({ weight: 30, arbitrary: fc.constant('') }, { weight: 10, arbitrary: decimal(20, 2) }, { weight: 1, arbitrary: fc.constantFrom('5000', '-1') }),
  taxCode: fc.oneof(
    { weight: 50, arbitrary: fc.constantFrom('EX', 'ZR', 'VAT15', 'WHT5') },
    { weight: 1, arbitrary: fc.constantFrom('XX', 'OLD', 'vat15') },
    { weight: 1, arbitrary: fc.constant('') },
  ),
  hsCode: fc.oneof({ weight: 50, arbitrary: fc.stringMatching(/^\d{8}$/) }, { weight: 1, arbitrary: fc.constantFrom('', '1234', '2523.2900', '123456789') }),
});

const buyerArb = fc.record({
  name: fc.oneof({ weight: 20, arbitrary: fc.constantFrom('Tendai', 'Cash Rudo', 'Msasa Builders', 'Walk-in customer') }, { weight: 1, arbitrary: fc.constant('') }),
  tin: fc.oneof({ weight: 10, arbitrary: fc.constant('') }, { weight: 10, arbitrary: fc.stringMatching(/^\d{10}$/) }, { weight: 1, arbitrary: fc.constantFrom('12345', '20001234567') }),
  vatNumber: fc.oneof({ weight: 12, arbitrary: fc.constant('') }, { weight: 2, arbitrary: fc.stringMatching(/^\d{9}$/) }),
});

/** The document date: empty (now), seconds away from the run's clock, or a fixed past day. */
type DatePlan = { seconds: number } | { fixed: string } | null;
const dateArb: fc.Arbitrary<DatePlan> = fc.oneof(
  { weight: 12, arbitrary: fc.constant(null) },
  // A little before now; within the clock allowance (5 minutes); beyond it.
  { weight: 3, arbitrary: fc.constant({ seconds: -30 }) },
  { weight: 1, arbitrary: fc.constantFrom({ seconds: 120 }, { seconds: 300 }, { seconds: 301 }, { seconds: 86_400 }) },
  // Before everything fiscalised so far, and before the taxes were valid.
  { weight: 2, arbitrary: fc.constant({ fixed: '2026-11-20T15:45:00+02:00' }) },
  { weight: 1, arbitrary: fc.constant({ fixed: '2025-12-31T10:00:00+02:00' }) },
);

const commonArb = fc.record({
  currency: fc.oneof({ weight: 16, arbitrary: fc.constant('USD') }, { weight: 4, arbitrary: fc.constant('ZWG') }, { weight: 1, arbitrary: fc.constant('EUR') }),
  taxInclusive: fc.boolean(),
  date: dateArb,
  buyer: buyerArb,
  // The seller's number: as the app gives it, or past ZIMRA's String(50).
  longNumber: fc.oneof({ weight: 40, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

type Common = typeof commonArb extends fc.Arbitrary<infer T> ? T : never;

type Plan =
  | { kind: 'invoice'; lines: LineDraft[]; common: Common }
  | { kind: 'credit-note'; pick: number; shares: number[]; common: Common; sameCurrency: boolean; sameBuyer: boolean; original: 'known' | 'unknown' };

const planArb: fc.Arbitrary<Plan> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('invoice' as const), lines: fc.array(lineArb, { minLength: 1, maxLength: 4 }), common: commonArb }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('credit-note' as const),
      pick: fc.nat(),
      // Per original line: the share credited in percent (0 drops the line; the form never raises a quantity).
      shares: fc.array(fc.constantFrom(0, 10, 50, 100), { minLength: 5, maxLength: 5 }),
      common: commonArb,
      sameCurrency: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      // The invoice's buyer, as the form locks it, or another one (a draft saved before the lock).
      sameBuyer: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      original: fc.oneof({ weight: 12, arbitrary: fc.constant('known' as const) }, { weight: 1, arbitrary: fc.constant('unknown' as const) }),
    }),
  },
);

const emptyAddress = { province: '', street: '', houseNo: '', city: '' };

interface Original {
  id: string;
  fiscalised: boolean;
  draft: DocumentDraft;
  /** The date it was sent with. */
  date: string;
  total: string;
  credited: string;
}

// ---- The run ------------------------------------------------------------------------------------

let t: TestSandbox;
let client: FhTestClient;
let mappings: CheckContext['mappings'];

beforeAll(async () => {
  // The demo shop, plus a tax code mapped to a tax id its device does not list.
  const shop = createDemoAccount('shop', uniqueCredentials('fh-prop'));
  shop.taxMappings = [...(shop.taxMappings ?? []), { TaxCode: 'OLD', DestinationTaxId: 999 }];
  t = await startTestSandbox({ accounts: [...Object.values(createDemoAccounts({ unique: true })), shop] });
  client = t.clientFor(shop);
  mappings = await sandboxMappingFacts(client);
});
afterAll(() => t.close());

describe('the pre-submission check agrees with the sandbox', () => {
  it(`on ${RUNS} random invoices and credit notes`, async () => {
    const originals: Original[] = [];
    const tally = { valid: 0, invalid: 0, invoices: 0, creditNotes: 0, rules: new Map<string, number>() };
    // What the journal's lastFiscalisedDate() answers: the latest date fiscalised so far.
    let lastFiscalised: Date | null = null;
    let run = 0;

    const dateText = (date: DatePlan): string => {
      if (date === null) return '';
      if ('fixed' in date) return date.fixed;
      return formatFhDate(new Date(t.clock.now().getTime() + date.seconds * 1000));
    };

    const draftOf = (plan: Plan): { draft: DocumentDraft; original: Original | null; originalId: string } => {
      const base = {
        date: dateText(plan.common.date),
        paymentMethod: 'Cash' as const,
        taxInclusive: plan.common.taxInclusive,
        buyer: { ...plan.common.buyer, tradeName: '', phone: '', email: '', address: emptyAddress },
      };
      if (plan.kind === 'invoice') {
        return { draft: { ...base, kind: 'invoice', currency: plan.common.currency, reference: '', lines: plan.lines, originalInvoiceId: null }, original: null, originalId: '' };
      }
      if (plan.original === 'unknown' || originals.length === 0) {
        const id = randomUUID();
        const lines = [{ description: 'Nails 3 inch', quantity: '1', unitAmount: '10.00', discountAmount: '', taxCode: 'VAT15', hsCode: '73170000' }];
        return { draft: { ...base, kind: 'credit-note', currency: plan.common.currency, reference: 'Goods returned', lines, originalInvoiceId: id }, original: null, originalId: id };
      }
      const original = originals[plan.pick % originals.length]!;
      const lines = original.draft.lines
        .map((line, i) => {
          const share = plan.shares[i % plan.shares.length] ?? 100;
          const quantity = new Dec(line.quantity).times(share).dividedBy(100).toDecimalPlaces(3, Dec.ROUND_DOWN).toFixed();
          return { ...line, quantity: share === 100 ? line.quantity : quantity };
        })
        .filter((line) => parseTypedDecimal(line.quantity).ok && new Dec(line.quantity).gt(0));
      if (lines.length === 0) lines.push({ ...original.draft.lines[0]! });
      const currency = plan.sameCurrency ? original.draft.currency : original.draft.currency === 'USD' ? 'ZWG' : 'USD';
      return {
        draft: { ...base, buyer: plan.sameBuyer ? original.draft.buyer : base.buyer, kind: 'credit-note', currency, reference: 'Goods returned', lines, originalInvoiceId: original.id },
        original,
        originalId: original.id,
      };
    };

    await fc.assert(
      fc.asyncProperty(planArb, async (plan) => {
        // A minute passes between documents; half way, a year and a day (so credit notes meet invoices past 12 months).
        run += 1;
        t.clock.advance(run === Math.floor(RUNS / 2) ? 366 * 86_400_000 : 60_000);
        const { draft, original, originalId } = draftOf(plan);
        const context: CheckContext = {
          now: t.clock.now(),
          mappings,
          original:
            original === null
              ? null
              : {
                  invoiceId: original.id,
                  number: null,
                  state: original.fiscalised ? 'fiscalised' : 'needs-fix',
                  currency: original.draft.currency,
                  total: original.total,
                  credited: original.credited,
                  remaining: new Dec(original.total).minus(original.credited).toFixed(2),
                  lines: original.draft.lines,
                  fiscalised: original.fiscalised,
                  issuedAt: original.date,
                  buyer: original.draft.buyer,
                },
          lastFiscalisedDate: lastFiscalised === null ? null : formatFhDate(lastFiscalised),
          readiness: [],
        };
        const check = checkDraft(draft, context);
        const appOnly = check.problems.filter((p) => APP_ONLY_RULES.has(p.rule));
        expect(appOnly, 'random drafts stay within what the form lets a manager type').toEqual([]);
        const id = randomUUID();
        const number = plan.common.longNumber ? `P-${id}-${'9'.repeat(13)}` : `P-${id.slice(0, 8)}`;
        // The seller's number is given when queued (the numbering keeps it short); one past
        // ZIMRA's String(50), as another till might send, is refused by both.
        const numberProblems = checkDocumentNumber(number);
        // The figures the app computes (each line's tax as resolved on the document's date).
        const date = parseFhDate(check.date) ?? t.clock.now();
        const wire = wireDocument(draft, { id, number, date: check.date, isRetry: false, originalInvoiceId: originalId }, (code) => {
          const resolved = resolveLineTax(mappings, code, date);
          return resolved.ok ? resolved.tax.percent : undefined;
        });
        const status = await t.submitAndProcess(client, draft.kind === 'invoice' ? 'invoice' : 'creditnote', wire);

        const appRules = [...new Set([...check.problems, ...numberProblems].map((p) => p.rule))].sort();
        const sandboxRules = status.Success ? [] : [...new Set(rulesOfSandboxError(status.Error ?? ''))].sort();
        expect({ success: status.Success, rules: sandboxRules, error: status.Error }).toEqual({
          success: appRules.length === 0,
          rules: appRules,
          error: status.Success ? null : expect.any(String),
        });
        if (!status.Success) expect(status.IsActionable).toBe(true);

        tally[appRules.length === 0 ? 'valid' : 'invalid'] += 1;
        tally[draft.kind === 'invoice' ? 'invoices' : 'creditNotes'] += 1;
        for (const rule of appRules) tally.rules.set(rule, (tally.rules.get(rule) ?? 0) + 1);
        if (status.Success && (lastFiscalised === null || date.getTime() > lastFiscalised.getTime())) lastFiscalised = date;
        if (draft.kind === 'invoice') {
          originals.push({ id, fiscalised: status.Success, draft, date: check.date, total: wire.Total as string, credited: '0' });
        } else if (status.Success && original !== null) {
          original.credited = new Dec(original.credited).plus(wire.Total as string).toFixed(2);
        }
        return true;
      }),
      {
        numRuns: RUNS,
        ...(SEED === undefined ? {} : { seed: SEED }),
        endOnFailure: true,
        reporter: (details) => {
          if (!details.failed) return;
          const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
          throw new Error(`Property failed with seed ${details.seed} (replay: ENTRY_PROPERTY_SEED=${details.seed} ENTRY_PROPERTY_RUNS=${RUNS}): ${fc.defaultReportMessage(details)}\n${cause}`);
        },
      },
    );
    console.info(`property: ${tally.valid} valid, ${tally.invalid} invalid; ${tally.invoices} invoices, ${tally.creditNotes} credit notes; rules ${JSON.stringify(Object.fromEntries(tally.rules))}`);
    // The random drafts must exercise both outcomes and every shared rule, or the property proves little.
    expect(tally.invoices + tally.creditNotes).toBe(RUNS);
    expect(tally.valid).toBeGreaterThan(150);
    expect(tally.invalid).toBeGreaterThan(150);
    expect(tally.creditNotes).toBeGreaterThan(200);
    expect([...tally.rules.keys()].sort()).toEqual(
      [
        'amount', 'buyer-name', 'buyer-tin', 'buyer-vat', 'credit-currency', 'credit-note-amount', 'credit-limit', 'credit-original', 'currency-unmapped', 'description', 'discount', 'hs-code', 'quantity', 'tax-code-missing', 'tax-not-on-device', 'tax-not-valid', 'tax-unmapped',
        // ZIMRA's entry rules, which the sandbox implements on its own.
        'description-length', 'unit-price-decimals', 'quantity-limit', 'unit-price-limit', 'amount-limit', 'number-length', 'date-future', 'date-before-last', 'credit-age', 'credit-buyer',
      ].sort(),
    );
  }, 180_000);
});
