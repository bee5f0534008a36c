// The pre-submission check: the rules Fiscal Harmony applies (shared with the sandbox through
// document-checks.ts), plus the form's own (reason for a credit note, quantities only reducible,
// numbers that are numbers), each problem on its form field with words a shop manager knows.
import type { EntryProblem } from '../../../shared/contract/entry';
import type { DocumentDraft } from '../../../shared/contract/documents';
import type { ReadinessReason } from '../../../shared/contract/readiness';
import {
  checkBuyer,
  checkCreditLimit,
  checkDocument,
  checkLine,
  checkMappings,
  resolveLineTax,
  type DocumentProblem,
  type MappingFacts,
  type OriginalFacts,
} from '../../../shared/domain/fiscal-harmony/document-checks';
import { buyerNameSent, draftFigures, parseTypedDecimal, type PercentOf } from '../../../shared/domain/fiscal-harmony/draft-figures';
import { checkCreditAgainstInvoice, checkDocumentDate, checkLineLimits, checkTotalLimits, creditDeadline } from '../../../shared/domain/fiscal-harmony/entry-rules';
import { FH_FIELD_LIMITS } from '../../../shared/domain/fiscal-harmony/field-limits';
import { catDay, formatFhDate, isFhDate, parseFhDate } from '../../../shared/domain/fiscal-harmony/fh-date';
import { Dec, formatMoney } from '../../../shared/domain/money';
import type { CreditedInvoice } from '../../store/journal/entry-queries';
import { isBlankLine, wireBuyer, wireFigures, wireLines } from './wire-document';

/** Readiness reasons that stop Fiscal Harmony from fiscalising anything (the device and the subscription). */
export const BLOCKING_READINESS = new Set(['no-device', 'device-not-active', 'certificate-expired', 'billing-suspended', 'billing-cancelled', 'no-subscription']);

export interface CheckContext {
  now: Date;
  mappings: MappingFacts;
  /** For a credit note: the original invoice as the journal knows it (null: not found). */
  original: CreditedInvoice | null;
  /** The date of the last document this connection fiscalised (a Fiscal Harmony date), or null before the first. */
  lastFiscalisedDate: string | null;
  /** The readiness verdict's reasons (only the device and subscription ones block here). */
  readiness: readonly ReadinessReason[];
}

export interface DraftCheck {
  problems: EntryProblem[];
  totals: { subTotal: string; totalTax: string; total: string } | null;
  buyerNameSent: string;
  /** The date the document will carry (the draft's, or now in CAT). */
  date: string;
}

/** Rules the service does not apply but the form does (the property test leaves them out). */
export const APP_ONLY_RULES = new Set(['no-lines', 'number', 'date', 'buyer-vat-format', 'currency-unsupported', 'credit-reason', 'credit-quantity', 'readiness']);

const problem = (field: string, rule: string, message: string, fix: string, screen: EntryProblem['screen'] = null): EntryProblem => ({ field, rule, message, fix, screen });

export function checkDraft(draft: DocumentDraft, context: CheckContext): DraftCheck {
  const problems: EntryProblem[] = [];
  const dateText = draft.date.trim() === '' ? formatFhDate(context.now) : draft.date.trim();
  if (!isFhDate(dateText)) problems.push(problem('date', 'date', 'The date is not a date.', 'Pick the date and time again, or clear it to use now.'));
  const date = parseFhDate(dateText) ?? context.now;
  const lastFiscalised = context.lastFiscalisedDate === null ? undefined : parseFhDate(context.lastFiscalisedDate);

  const percentOf: PercentOf = (code) => {
    const resolved = resolveLineTax(context.mappings, code, date);
    return resolved.ok ? resolved.tax.percent : undefined;
  };

  // Numbers that are not numbers yet: the line cannot be judged further.
  const { lines, draftIndex, unparsed } = wireLines(draft);
  for (const index of unparsed) problems.push(...numberProblems(draft, index));
  if (draft.lines.every(isBlankLine)) problems.push(problem('lines', 'no-lines', 'The document has no lines.', 'Type at least one line: what was sold, how many and the price.'));

  const buyer = wireBuyer(draft.buyer);
  const figures = wireFigures(draft, lines, percentOf);
  const shared: DocumentProblem[] = [];
  if (unparsed.length === 0) {
    shared.push(...checkDocument({ ...figures, BuyerContact: buyer }, (line) => percentOf(line.TaxCode ?? ''), draft.kind));
  } else {
    lines.forEach((line, i) => shared.push(...checkLine(line, i + 1)));
    shared.push(...checkBuyer(buyer));
  }
  lines.forEach((line, i) => shared.push(...checkLineLimits(line, i + 1)));
  // A line too large already says why the total is: the total is named only on its own.
  if (unparsed.length === 0 && !shared.some((p) => p.rule === 'amount-limit')) shared.push(...checkTotalLimits(figures));
  if (isFhDate(dateText)) shared.push(...checkDocumentDate(date, { now: context.now, lastFiscalised: lastFiscalised ?? null }));
  shared.push(...checkMappings(context.mappings, { LineItems: lines, CurrencyCode: draft.currency.trim(), Date: dateText }));
  if (draft.kind === 'credit-note') shared.push(...checkCreditLimit(originalFacts(context.original), { CurrencyCode: draft.currency.trim(), Total: figures.Total }));
  if (draft.kind === 'credit-note' && context.original?.fiscalised === true) {
    const invoiceDate = context.original.issuedAt === null ? undefined : parseFhDate(context.original.issuedAt);
    shared.push(...checkCreditAgainstInvoice({ date: invoiceDate ?? null, buyer: wireBuyer(context.original.buyer) }, { date, buyer }));
  }
  for (const p of shared) problems.push(explain(p, draft, draftIndex, context, figures.Total));

  problems.push(...formRules(draft, context));
  for (const reason of context.readiness) {
    if (reason.severity === 'blocker' && BLOCKING_READINESS.has(reason.code)) {
      problems.push(problem('document', 'readiness', reason.message, reason.fix, reason.screen === '/settings' ? '/home' : reason.screen));
    }
  }
  const all = draftFigures(draft, percentOf);
  return { problems: dedupe(problems), totals: all.totals, buyerNameSent: buyerNameSent(draft.buyer), date: dateText };
}

function originalFacts(original: CheckContext['original']): OriginalFacts | null {
  if (original === null) return null;
  return { fiscalised: original.fiscalised, currency: original.currency, total: original.total, credited: original.credited };
}

function numberProblems(draft: DocumentDraft, index: number): EntryProblem[] {
  const line = draft.lines[index];
  if (line === undefined) return [];
  const n = index + 1;
  const out: EntryProblem[] = [];
  const fields = [
    ['quantity', 'Quantity', line.quantity, true],
    ['unitAmount', 'Unit price', line.unitAmount, true],
    ['discountAmount', 'Discount', line.discountAmount, false],
  ] as const;
  for (const [field, label, text, required] of fields) {
    const parsed = parseTypedDecimal(text);
    if (parsed.ok || (parsed.empty && !required)) continue;
    out.push(
      parsed.empty
        ? problem(`lines.${index}.${field}`, 'number', `Line ${n} needs a ${label.toLowerCase()}.`, `Type the ${label.toLowerCase()} of line ${n}.`)
        : problem(`lines.${index}.${field}`, 'number', `${label} on line ${n} ("${text.trim()}") is not a number.`, 'Use digits and a point for decimals, e.g. 2.5 (no commas or currency signs).'),
    );
  }
  return out;
}

function explain(p: DocumentProblem, draft: DocumentDraft, draftIndex: number[], context: CheckContext, total: string): EntryProblem {
  const index = p.line === undefined ? undefined : draftIndex[p.line - 1];
  const line = index === undefined ? undefined : draft.lines[index];
  const n = index === undefined ? 0 : index + 1;
  const at = (field: string): string => `lines.${index ?? 0}.${field}`;
  const code = line?.taxCode.trim() ?? '';
  switch (p.rule) {
    case 'description':
      return problem(at('description'), p.rule, `Line ${n} needs a description.`, 'Type what was sold, e.g. "Cement 50 kg".');
    case 'hs-code':
      return line?.hsCode.trim() === ''
        ? problem(at('hsCode'), p.rule, `Line ${n} needs an HS code.`, 'Type the 8-digit HS (customs tariff) code of the product, e.g. 25232900.')
        : problem(at('hsCode'), p.rule, `HS code "${line?.hsCode.trim() ?? ''}" on line ${n} is not 8 digits.`, 'An HS code is exactly 8 digits, no dots or spaces, e.g. 25232900.');
    case 'tax-code-missing':
      return problem(at('taxCode'), p.rule, `Line ${n} needs a tax code.`, 'Choose its tax from your mapped tax codes, e.g. the standard rate or Exempt. Set a standard rate in Settings to start new lines with it.');
    case 'quantity':
      return p.message.includes('decimals')
        ? problem(at('quantity'), p.rule, `Quantity on line ${n} has more than 3 decimals.`, 'Round it to 3 decimals, e.g. 1.125.')
        : problem(at('quantity'), p.rule, `Quantity on line ${n} must be more than 0.`, draft.kind === 'invoice' ? 'Type how many were sold. Goods coming back are a credit note.' : 'Type how many are credited, or remove the line.');
    case 'amount':
      return line !== undefined && new Dec(parseTypedDecimal(line.unitAmount).ok ? line.unitAmount.trim() : '0').isNegative()
        ? problem(at('unitAmount'), p.rule, `Unit price on line ${n} is below zero.`, 'Type the price without a minus. A discount or a credit note reduces what is owed.')
        : problem(at('discountAmount'), p.rule, `Line ${n} comes to less than zero.`, 'Make the discount smaller than quantity × unit price.');
    case 'discount':
      return p.message.includes('negative')
        ? problem(at('discountAmount'), p.rule, `Discount on line ${n} is below zero.`, 'Type the discount without a minus.')
        : problem(at('discountAmount'), p.rule, `Discount on line ${n} is more than the line is worth.`, 'Make the discount at most quantity × unit price.');
    case 'buyer-name':
      return problem('buyer.name', p.rule, 'The buyer needs a name.', 'Type the buyer\'s name, or choose "Walk-in cash sale".');
    case 'buyer-tin':
      return problem('buyer.tin', p.rule, `TIN "${draft.buyer.tin.trim()}" is not 10 digits.`, 'A TIN is exactly 10 digits, e.g. 2000123456. Leave it empty for a buyer without a TIN (sold as "Cash <name>").');
    case 'buyer-vat':
      return problem('buyer.vatNumber', p.rule, 'A VAT number needs the buyer\'s TIN.', 'Type the buyer\'s 10-digit TIN, or clear the VAT number.');
    case 'arithmetic':
      return problem(p.line === undefined ? 'lines' : at('unitAmount'), p.rule, `The amounts do not add up: ${p.message}.`, 'This should not happen: please report it with the document.');
    case 'credit-note-amount':
      return problem('lines', p.rule, 'This credit note credits nothing: its total is 0.', 'Keep at least one line with a quantity and price above 0.');
    case 'currency-unmapped':
      if (draft.currency.trim() === '') return problem('currency', p.rule, 'The document has no currency.', 'Choose one of your mapped currencies.', '/mappings');
      return problem('currency', p.rule, `Currency "${draft.currency.trim()}" is not mapped for Fiscal Harmony.`, `Pick a mapped currency, or map ${draft.currency.trim() || 'it'} in Mappings.`, '/mappings');
    case 'tax-unmapped':
      return problem(at('taxCode'), p.rule, `Tax code "${code}" on line ${n} has no tax mapping, so Fiscal Harmony cannot tell ZIMRA which tax it is.`, `Pick a mapped tax code, or map "${code}" in Mappings.`, '/mappings');
    case 'tax-not-on-device':
      return problem(at('taxCode'), p.rule, `Tax code "${code}" on line ${n} points at a tax the fiscal device no longer lists.`, `Change the mapping of "${code}" in Mappings to one of the device's taxes.`, '/mappings');
    case 'tax-not-valid':
      return problem(at('taxCode'), p.rule, `The tax of code "${code}" on line ${n} is not valid on the document's date.`, 'Pick another tax code, or check the date.', '/device');
    case 'credit-original':
      return problem('originalInvoiceId', p.rule, context.original === null ? 'The invoice being credited is not known here.' : 'The invoice being credited is not fiscalised.', context.original === null ? 'Start the credit note again from a fiscalised invoice.' : 'Wait until the invoice is fiscalised, then send the credit note.');
    case 'credit-currency':
      return problem('currency', p.rule, `A credit note is in the invoice's currency (${context.original?.currency ?? '?'}).`, `Change the currency back to ${context.original?.currency ?? 'the invoice\'s'}.`);
    case 'credit-limit':
      return problem('lines', p.rule, `This credit note (${formatMoney(total)}) is more than what remains creditable on the invoice (${formatMoney(context.original?.remaining ?? '0')}).`, 'Reduce quantities or remove lines until the total is within what remains.');
    case 'description-length':
      return problem(at('description'), p.rule, `The description on line ${n} is ${[...(line?.description.trim() ?? '')].length} characters long; ZIMRA takes at most ${FH_FIELD_LIMITS.descriptionLength}.`, `Shorten it to ${FH_FIELD_LIMITS.descriptionLength} characters or fewer.`);
    case 'unit-price-decimals':
      return problem(at('unitAmount'), p.rule, `Unit price on line ${n} has more than ${FH_FIELD_LIMITS.quantityAndPriceDecimals} decimals.`, 'Round it to 3 decimals at most, e.g. 4.125.');
    case 'quantity-limit':
      return problem(at('quantity'), p.rule, `Quantity on line ${n} is larger than ZIMRA can record (${FH_FIELD_LIMITS.quantityAndPriceIntegerDigits} digits before the point at most).`, 'Check the quantity for extra digits.');
    case 'unit-price-limit':
      return problem(at('unitAmount'), p.rule, `Unit price on line ${n} is larger than ZIMRA can record (${FH_FIELD_LIMITS.quantityAndPriceIntegerDigits} digits before the point at most).`, 'Check the price for extra digits.');
    case 'amount-limit':
      if (p.line === undefined) return problem('lines', p.rule, `The document comes to more than ZIMRA can record (${FH_FIELD_LIMITS.amountIntegerDigits} digits before the point at most).`, 'Check quantities and prices for extra digits, or split the sale over several documents.');
      return p.message.includes('DiscountAmount')
        ? problem(at('discountAmount'), p.rule, `Discount on line ${n} is larger than ZIMRA can record (${FH_FIELD_LIMITS.amountIntegerDigits} digits before the point at most).`, 'Check the discount for extra digits.')
        : problem(at('unitAmount'), p.rule, `Line ${n} comes to more than ZIMRA can record (${FH_FIELD_LIMITS.amountIntegerDigits} digits before the point at most).`, 'Check the quantity and the price for extra digits, or split the line.');
    case 'date-future':
      return problem('date', p.rule, 'The date is in the future.', 'Set the date and time of the sale, or clear it to use now.');
    case 'date-before-last':
      return problem('date', p.rule, `The date is before your last fiscalised document (${shownDate(context.lastFiscalisedDate)}), and ZIMRA takes documents in date order.`, 'Set a later date and time, e.g. the current one.');
    case 'credit-age':
      return problem('originalInvoiceId', p.rule, `The invoice being credited is more than 12 months old: ZIMRA takes its credit notes only until ${shownDate(context.original?.issuedAt ?? null, creditDeadline)}.`, 'Check the credit note\'s date. An older sale cannot be credited through fiscalisation: ask your accountant how to settle it.');
    case 'credit-buyer':
      return problem('buyer.name', p.rule, `A credit note is for the invoice's buyer ("${buyerNameSent(context.original?.buyer ?? draft.buyer)}").`, 'Put the invoice\'s buyer back: start the credit note again from the invoice.');
  }
}

/** `2026-11-21 10:30` (CAT) for a Fiscal Harmony date, optionally moved on by `then`. */
function shownDate(text: string | null, then: (date: Date) => Date = (d) => d): string {
  const date = text === null ? undefined : parseFhDate(text);
  if (date === undefined) return 'unknown';
  const moved = then(date);
  return `${catDay(moved)} ${formatFhDate(moved).slice(11, 16)}`;
}

function formRules(draft: DocumentDraft, context: CheckContext): EntryProblem[] {
  const out: EntryProblem[] = [];
  const currency = context.mappings.currencyMappings.find((m) => m.sourceCurrency === draft.currency.trim());
  if (currency?.usable === false) out.push(problem('currency', 'currency-unsupported', `Currency "${draft.currency.trim()}" is mapped to a currency Fiscal Harmony no longer supports.`, 'Change its mapping in Mappings, or pick another currency.', '/mappings'));
  const vat = draft.buyer.vatNumber.trim();
  if (vat !== '' && !/^\d{9}$/.test(vat)) out.push(problem('buyer.vatNumber', 'buyer-vat-format', `VAT number "${vat}" is not 9 digits.`, 'A VAT number is exactly 9 digits, e.g. 220012345.'));
  if (draft.kind !== 'credit-note') return out;
  if (draft.reference.trim() === '') out.push(problem('reference', 'credit-reason', 'A credit note needs a reason.', 'Say why, e.g. "Goods returned" or "Price corrected".'));
  const original = context.original;
  if (original === null) return out;
  // Quantities may only be reduced: per product, no more than the invoice had.
  const key = (l: { description: string; hsCode: string; taxCode: string }): string => [l.description.trim(), l.hsCode.trim(), l.taxCode.trim()].join('\u0000');
  const allowed = new Map<string, Dec>();
  for (const l of original.lines) {
    const q = parseTypedDecimal(l.quantity);
    allowed.set(key(l), (allowed.get(key(l)) ?? new Dec(0)).plus(q.ok ? q.value : 0));
  }
  const used = new Map<string, Dec>();
  draft.lines.forEach((line, index) => {
    if (isBlankLine(line)) return;
    const q = parseTypedDecimal(line.quantity);
    if (!q.ok) return;
    const k = key(line);
    const max = allowed.get(k);
    if (max === undefined) {
      out.push(problem(`lines.${index}.description`, 'credit-quantity', `Line ${index + 1} is not on the invoice being credited.`, 'A credit note can only credit the invoice\'s own lines: remove this line.'));
      return;
    }
    const total = (used.get(k) ?? new Dec(0)).plus(q.value);
    used.set(k, total);
    if (total.gt(max)) out.push(problem(`lines.${index}.quantity`, 'credit-quantity', `Line ${index + 1} credits more than the invoice had (${max.toFixed()}).`, `Type a quantity of at most ${max.toFixed()}.`));
  });
  return out;
}

function dedupe(problems: EntryProblem[]): EntryProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.field}|${p.rule}|${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
