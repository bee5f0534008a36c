// Document rules of fh-api.md section 5 that need nothing but the document itself: HS codes,
// line values, buyer details, arithmetic. Rules that need the account (mappings, device,
// original invoice) live with whoever holds that data (the sandbox, the app's services).
import { Dec, formatMoney } from '../money';
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
  | 'credit-note-amount';

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
