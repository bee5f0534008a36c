import type { DocumentDraft } from '../../../shared/contract/documents';
import { draftFigures, parseLine, parseTypedDecimal, type DraftFigures } from '../../../shared/domain/fiscal-harmony/draft-figures';
import { lineAmount } from '../../../shared/domain/fiscal-harmony/arithmetic';
import { isHsCode, isTin } from '../../../shared/domain/fiscal-harmony/document-checks';
import { isFhDate } from '../../../shared/domain/fiscal-harmony/fh-date';
import { sum, toDecimal } from '../../../shared/domain/money';

/** What main knows when it checks a draft before queuing it. */
export interface QueueCheckContext {
  /** Mapped seller tax codes: percent (null = exempt) and whether the device still lists the tax. */
  taxCodes: ReadonlyMap<string, { percent: string | null; usable: boolean }>;
  /** Mapped seller currencies and whether Fiscal Harmony still supports their mapping. */
  currencies: ReadonlyMap<string, { usable: boolean }>;
  /** For a credit note: the credited invoice as the journal has it, or null when it is not there. */
  original: { state: string; currency: string; total: string | null; creditedSoFar: readonly string[] } | null;
  /** Readiness blockers of the connection, as sentences with their fix. */
  blockers: readonly string[];
}

export type CompleteFigures = DraftFigures & { totals: NonNullable<DraftFigures['totals']> };

const amountOf = (text: string): string | null => {
  const parsed = parseTypedDecimal(text);
  return parsed.ok ? parsed.value : null;
};

export interface QueueCheck {
  /** Form field path (`lines.0.hsCode`, `buyer.tin`, `_` for the whole document) -> message with the fix. */
  problems: Record<string, string>;
  /** The figures to store and send, when the document is complete. */
  figures: CompleteFigures | null;
}

/**
 * Every rule the service applies, checked before anything is queued (fh-api.md section 5), each
 * problem on its field in words a shop manager understands.
 */
export function checkBeforeQueue(draft: DocumentDraft, context: QueueCheckContext): QueueCheck {
  const problems: Record<string, string> = {};
  const add = (field: string, message: string): void => {
    problems[field] ??= message;
  };
  if (context.blockers.length > 0) add('_', context.blockers.join(' '));
  if (draft.date.trim() !== '' && !isFhDate(draft.date.trim())) add('date', 'Enter the date and time like 2026-11-21T09:30:00+02:00.');

  const currency = draft.currency.trim();
  if (currency === '') add('currency', 'Choose the currency of the document.');
  else if (!context.currencies.has(currency)) add('currency', `Currency "${currency}" has no currency mapping: map it in Mappings first.`);
  else if (context.currencies.get(currency)?.usable === false) add('currency', `Currency "${currency}" is mapped to a currency Fiscal Harmony no longer supports: change it in Mappings.`);

  const buyer = draft.buyer;
  if (buyer.name.trim() === '') add('buyer.name', 'Enter the buyer\'s name (for a walk-in customer, use "Cash sale").');
  const tin = buyer.tin.trim();
  if (tin !== '' && !isTin(tin)) add('buyer.tin', 'A TIN has exactly 10 digits. Correct it, or leave it empty for a cash buyer.');
  const vat = buyer.vatNumber.trim();
  if (vat !== '' && tin === '') add('buyer.vatNumber', 'A VAT number can only be given with the buyer\'s TIN: add the TIN or remove the VAT number.');
  else if (vat !== '' && !/^\d{9}$/.test(vat)) add('buyer.vatNumber', 'A VAT number has exactly 9 digits.');

  if (draft.lines.length === 0) add('lines', 'Add at least one line.');
  draft.lines.forEach((line, i) => {
    const at = (field: string) => `lines.${i}.${field}`;
    if (line.description.trim() === '') add(at('description'), 'Describe what was sold.');
    const quantity = amountOf(line.quantity);
    if (quantity === null) add(at('quantity'), 'Enter the quantity as a number, like 2 or 1.5.');
    else if (!toDecimal(quantity).gt(0)) add(at('quantity'), 'The quantity must be more than 0.');
    else if (toDecimal(quantity).decimalPlaces() > 3) add(at('quantity'), 'Use at most 3 decimals for the quantity.');
    const unit = amountOf(line.unitAmount);
    if (unit === null) add(at('unitAmount'), 'Enter the unit price as a number, like 12.50.');
    else if (toDecimal(unit).isNegative()) add(at('unitAmount'), 'The unit price cannot be negative.');
    const discount = line.discountAmount.trim() === '' ? '0' : amountOf(line.discountAmount);
    if (discount === null) add(at('discountAmount'), 'Enter the discount as a number, or leave it empty.');
    else if (toDecimal(discount).isNegative()) add(at('discountAmount'), 'The discount cannot be negative.');
    const parsed = parseLine(line);
    if (parsed !== null && lineAmount(parsed).isNegative()) add(at('discountAmount'), 'The discount is more than the line is worth.');
    const code = line.taxCode.trim();
    if (code === '') add(at('taxCode'), 'Choose the tax code of this line.');
    else if (!context.taxCodes.has(code)) add(at('taxCode'), `Tax code "${code}" has no tax mapping: map it in Mappings first.`);
    else if (context.taxCodes.get(code)?.usable === false) add(at('taxCode'), `Tax code "${code}" is mapped to a tax the fiscal device no longer lists: change it in Mappings.`);
    const hs = line.hsCode.trim();
    if (hs === '') add(at('hsCode'), 'Enter the 8-digit HS code of this product.');
    else if (!isHsCode(hs)) add(at('hsCode'), 'An HS code has exactly 8 digits, like 22021000.');
  });

  const figures = draftFigures(draft, (code) => {
    const tax = context.taxCodes.get(code);
    return tax === undefined ? undefined : tax.percent;
  });
  const complete = figures.totals === null ? null : { ...figures, totals: figures.totals };
  if (complete !== null && draft.kind === 'credit-note') checkCredit(draft, complete, context, add);
  if (draft.kind === 'credit-note' && draft.reference.trim() === '') add('reference', 'Give the reason for the credit note.');
  if (complete === null) add('_', 'Some lines are not complete yet.');
  return { problems, figures: Object.keys(problems).length === 0 ? complete : null };
}

function checkCredit(draft: DocumentDraft, figures: CompleteFigures, context: QueueCheckContext, add: (field: string, message: string) => void): void {
  const original = context.original;
  if (draft.originalInvoiceId === null || original === null) {
    add('originalInvoiceId', 'Choose the fiscalised invoice this credit note is for.');
    return;
  }
  if (original.state !== 'fiscalised') {
    add('originalInvoiceId', 'Only a fiscalised invoice can be credited.');
    return;
  }
  if (original.currency !== draft.currency.trim()) add('currency', `A credit note must be in the invoice's currency (${original.currency}).`);
  if (!toDecimal(figures.totals.total).gt(0)) add('_', 'A credit note must credit more than 0.');
  const remaining = toDecimal(original.total ?? '0').minus(sum([...original.creditedSoFar]));
  if (toDecimal(figures.totals.total).gt(remaining)) {
    add('_', `This credit note (${figures.totals.total}) is more than what remains creditable on the invoice (${remaining.toFixed(2)}). Reduce the quantities or amounts.`);
  }
}
