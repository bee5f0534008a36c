// Document rules of fh-api.md section 5 that need nothing but the document itself: HS codes,
// line values, buyer details, arithmetic. Rules that need the account (mappings, device,
// original invoice) live with whoever holds that data (the sandbox, the app's services).
import { Dec, formatMoney } from '../money';
import { catDay, parseFhDate } from './fh-date';
import { checkDocumentArithmetic } from './arithmetic';
import type { BuyerContact, LineItem } from './schemas/documents';

export type DocumentRule =
  | 'hs-code'
  | 'tax-code-missing'
  | 'description'
  | 'quantity'
  | 'amount'
  | 'discount'
  | 'buyer-name'
  | 'buyer-tin'
  | 'buyer-vat'
  | 'arithmetic'
  | 'credit-note-amount'
  // What the service's fields can hold (entry-rules.ts: the sandbox has its own implementation).
  | 'description-length'
  | 'unit-price-decimals'
  | 'quantity-limit'
  | 'unit-price-limit'
  | 'amount-limit'
  // Rules that need the account: the mappings, the device's taxes, the original invoice.
  | 'currency-unmapped'
  | 'tax-unmapped'
  | 'tax-not-on-device'
  | 'tax-not-valid'
  | 'credit-original'
  | 'credit-currency'
  | 'credit-limit'
  // Dates and the credited invoice (entry-rules.ts, as above).
  | 'date-future'
  | 'date-before-last'
  | 'credit-age'
  | 'credit-buyer';

export interface DocumentProblem {
  rule: DocumentRule;
  message: string;
  /** 1-based line number when the problem is on one line. */
  line?: number;
}

const HS_CODE = /^\d{8}$/;
const TIN = /^\d{10}$/;

export function isHsCode(code: string | null | undefined): boolean {
  return code !== null && code !== undefined && HS_CODE.test(code);
}

export function isTin(tin: string | null | undefined): boolean {
  return tin !== null && tin !== undefined && TIN.test(tin);
}

const isBlank = (text: string | null | undefined): boolean => text === null || text === undefined || text.trim() === '';

export function checkLine(line: LineItem, n: number): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  const add = (rule: DocumentRule, message: string): void => {
    problems.push({ rule, line: n, message });
  };
  if (isBlank(line.Description)) add('description', `Line ${n} has no Description`);
  if (isBlank(line.ProductCode)) {
    add('hs-code', `Line ${n} has no ProductCode: an 8-digit HS code is required`);
  } else if (!isHsCode(line.ProductCode)) {
    add('hs-code', `Line ${n}: ProductCode "${line.ProductCode ?? ''}" is not an 8-digit HS code`);
  }
  if (isBlank(line.TaxCode)) add('tax-code-missing', `Line ${n} has no TaxCode`);
  const quantity = new Dec(line.Quantity);
  if (quantity.lte(0)) add('quantity', `Line ${n}: Quantity must be more than 0`);
  else if (quantity.decimalPlaces() > 3) add('quantity', `Line ${n}: Quantity ${line.Quantity} has more than 3 decimals`);
  if (new Dec(line.UnitAmount).isNegative()) add('amount', `Line ${n}: UnitAmount must not be negative`);
  if (new Dec(line.LineAmount).isNegative()) add('amount', `Line ${n}: LineAmount must not be negative`);
  const discount = new Dec(line.DiscountAmount ?? 0);
  const gross = quantity.times(line.UnitAmount);
  if (discount.isNegative()) add('discount', `Line ${n}: DiscountAmount must not be negative`);
  else if (discount.gt(gross) && gross.gte(0)) {
    add('discount', `Line ${n}: DiscountAmount ${formatMoney(discount)} is more than the line's ${formatMoney(gross)}`);
  }
  return problems;
}

export function checkBuyer(buyer: BuyerContact): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  if (isBlank(buyer.Name)) problems.push({ rule: 'buyer-name', message: 'Buyer Name is required' });
  const hasTin = !isBlank(buyer.Tin);
  if (hasTin && !isTin(buyer.Tin?.trim())) {
    problems.push({ rule: 'buyer-tin', message: `Buyer TIN "${buyer.Tin ?? ''}" must be 10 digits` });
  }
  if (!hasTin && !isBlank(buyer.VatNumber)) {
    problems.push({ rule: 'buyer-vat', message: 'Buyer VAT number is given without a TIN: add the TIN or remove the VAT number' });
  }
  return problems;
}

export interface CheckableDocument {
  IsTaxInclusive: boolean;
  LineItems: readonly LineItem[];
  SubTotal: string;
  TotalTax: string;
  Total: string;
  BuyerContact: BuyerContact;
}

/**
 * Every rule that needs only the document. `taxPercentOfLine` gives each line's tax percent
 * (null = exempt), or undefined when the line's tax is unknown (unmapped): the arithmetic check
 * is then skipped, as the tax cannot be computed.
 */
export function checkDocument(
  doc: CheckableDocument,
  taxPercentOfLine: (line: LineItem, index: number) => string | null | undefined,
  kind: 'invoice' | 'credit-note' = 'invoice',
): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  doc.LineItems.forEach((line, i) => problems.push(...checkLine(line, i + 1)));
  problems.push(...checkBuyer(doc.BuyerContact));
  if (kind === 'credit-note' && !new Dec(doc.Total).gt(0)) {
    problems.push({ rule: 'credit-note-amount', message: 'A credit note Total must be more than 0 (amounts are positive)' });
  }
  const percents = doc.LineItems.map(taxPercentOfLine);
  if (percents.every((p) => p !== undefined)) {
    const arithmetic = checkDocumentArithmetic({
      isTaxInclusive: doc.IsTaxInclusive,
      lines: doc.LineItems.map((line, i) => ({
        quantity: line.Quantity,
        unitAmount: line.UnitAmount,
        discountAmount: line.DiscountAmount ?? null,
        lineAmount: line.LineAmount,
        taxPercent: percents[i] ?? null,
      })),
      subTotal: doc.SubTotal,
      totalTax: doc.TotalTax,
      total: doc.Total,
    });
    for (const p of arithmetic) {
      problems.push({ rule: 'arithmetic', message: p.message, ...(p.kind === 'line-amount' ? { line: p.line } : {}) });
    }
  }
  return problems;
}

// ---- Rules that need the account's data (whoever holds it passes it in) ---------------------

/** A device tax as the mappings point at it (validity as Fiscal Harmony dates, or null). */
export interface DeviceTaxFacts {
  id: number;
  name: string;
  /** Decimal text; null = exempt. */
  percent: string | null;
  validFrom: string | null;
  validTill: string | null;
}

export interface MappingFacts {
  taxMappings: ReadonlyArray<{ taxCode: string; destinationTaxId: number }>;
  /** The device's applicable taxes. */
  deviceTaxes: readonly DeviceTaxFacts[];
  /** `usable` false: mapped to a currency the service no longer supports (the app's own rule). */
  currencyMappings: ReadonlyArray<{ sourceCurrency: string; usable?: boolean }>;
}

export function taxValidOn(tax: Pick<DeviceTaxFacts, 'validFrom' | 'validTill'>, date: Date): boolean {
  const from = tax.validFrom ? parseFhDate(tax.validFrom) : undefined;
  const till = tax.validTill ? parseFhDate(tax.validTill) : undefined;
  return (!from || from.getTime() <= date.getTime()) && (!till || date.getTime() <= till.getTime());
}

export type LineTaxResolution =
  | { ok: true; tax: DeviceTaxFacts }
  | { ok: false; rule: 'tax-code-missing' | 'tax-unmapped' | 'tax-not-on-device' | 'tax-not-valid'; taxId?: number; tax?: DeviceTaxFacts };

/** The device tax a line's tax code stands for on `date`, as the service resolves it (codes compared exactly). */
export function resolveLineTax(facts: MappingFacts, taxCode: string | null | undefined, date: Date): LineTaxResolution {
  if (isBlank(taxCode)) return { ok: false, rule: 'tax-code-missing' };
  const mapping = facts.taxMappings.find((m) => m.taxCode === taxCode);
  if (mapping === undefined) return { ok: false, rule: 'tax-unmapped' };
  const tax = facts.deviceTaxes.find((t) => t.id === mapping.destinationTaxId);
  if (tax === undefined) return { ok: false, rule: 'tax-not-on-device', taxId: mapping.destinationTaxId };
  if (!taxValidOn(tax, date)) return { ok: false, rule: 'tax-not-valid', tax };
  return { ok: true, tax };
}

/** Every line's tax code and the currency must be mapped to what the device and service know (fh-api.md section 5). */
export function checkMappings(facts: MappingFacts, doc: { LineItems: ReadonlyArray<Pick<LineItem, 'TaxCode'>>; CurrencyCode: string; Date: string }): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  if (!facts.currencyMappings.some((m) => m.sourceCurrency === doc.CurrencyCode)) {
    problems.push({ rule: 'currency-unmapped', message: `Currency "${doc.CurrencyCode}" has no currency mapping` });
  }
  const date = parseFhDate(doc.Date) ?? new Date(0);
  doc.LineItems.forEach((line, i) => {
    const n = i + 1;
    const resolved = resolveLineTax(facts, line.TaxCode, date);
    if (resolved.ok || resolved.rule === 'tax-code-missing') return; // a missing code is a line problem
    const code = line.TaxCode ?? '';
    const message =
      resolved.rule === 'tax-unmapped' ? `Tax code "${code}" on line ${n} has no tax mapping`
      : resolved.rule === 'tax-not-on-device' ? `Tax code "${code}" on line ${n} is mapped to tax id ${resolved.taxId ?? '?'}, which the fiscal device does not list`
      : `Tax "${resolved.tax?.name ?? ''}" (tax code "${code}", line ${n}) is not valid on ${catDay(date)}`;
    problems.push({ rule: resolved.rule, line: n, message });
  });
  return problems;
}

/** What the app knows of the invoice a credit note credits. */
export interface OriginalFacts {
  fiscalised: boolean;
  currency: string;
  /** Decimal text. */
  total: string;
  /** Decimal text: earlier credit notes against it. */
  credited: string;
}

/** A credit note needs a fiscalised original of the same currency, and may not exceed what remains. */
export function checkCreditLimit(original: OriginalFacts | null, note: { CurrencyCode: string; Total: string }): DocumentProblem[] {
  if (original === null) return [{ rule: 'credit-original', message: 'Original invoice was not found' }];
  if (!original.fiscalised) return [{ rule: 'credit-original', message: 'Original invoice was not fiscalised' }];
  if (original.currency !== note.CurrencyCode) {
    return [{ rule: 'credit-currency', message: `Credit note currency ${note.CurrencyCode} differs from the original invoice's currency ${original.currency}` }];
  }
  const remaining = new Dec(original.total).minus(original.credited);
  if (new Dec(note.Total).gt(remaining)) {
    return [{ rule: 'credit-limit', message: `Credit note exceeds the remaining total of the original invoice (remaining ${formatMoney(remaining)})` }];
  }
  return [];
}
