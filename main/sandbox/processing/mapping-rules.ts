// Tax and currency mappings applied to a document: every line's TaxCode must map to a tax the
// device lists (valid on the document date), and the CurrencyCode must have a currency mapping.
import { catDay, parseFhDate } from '../../../shared/domain/fiscal-harmony/fh-date';
import type { LineItem } from '../../../shared/domain/fiscal-harmony/schemas';
import type { ApplicableTaxSeed } from '../state/account-seed';
import type { AccountState, DeviceState } from '../state/account-state';

export interface LineTax {
  taxId: number;
  taxName: string;
  /** null = exempt. */
  taxPercent: string | null;
}

export interface MappedDocument {
  problems: string[];
  /** Per line; undefined when the line's tax could not be resolved. */
  lineTaxes: Array<LineTax | undefined>;
  currency: string | undefined;
}

const linesText = (lines: number[]): string => (lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.join(', ')}`);

function taxValidOn(tax: ApplicableTaxSeed, date: Date): boolean {
  const from = tax.validFrom ? parseFhDate(tax.validFrom) : undefined;
  const till = tax.validTill ? parseFhDate(tax.validTill) : undefined;
  return (!from || from.getTime() <= date.getTime()) && (!till || date.getTime() <= till.getTime());
}

export function applyMappings(
  account: AccountState,
  device: DeviceState,
  doc: { LineItems: readonly LineItem[]; CurrencyCode: string; Date: string },
): MappedDocument {
  const problems: string[] = [];
  const currency = account.currencyMappings.find((m) => m.SourceCurrency === doc.CurrencyCode)?.DestinationCurrency;
  if (currency === undefined) problems.push(`Currency "${doc.CurrencyCode}" has no currency mapping`);

  const date = parseFhDate(doc.Date) ?? new Date(0);
  const unmapped = new Map<string, number[]>();
  const unknownTax = new Map<string, { taxId: number; lines: number[] }>();
  const invalidTax = new Map<string, { tax: ApplicableTaxSeed; lines: number[] }>();
  const lineTaxes = doc.LineItems.map((line, index): LineTax | undefined => {
    const n = index + 1;
    const code = line.TaxCode?.trim();
    if (!code) return undefined; // reported by the line checks
    const mapping = account.taxMappings.find((m) => m.TaxCode === line.TaxCode);
    if (!mapping) {
      unmapped.set(code, [...(unmapped.get(code) ?? []), n]);
      return undefined;
    }
    const tax = device.config.applicableTaxes.find((t) => t.taxID === mapping.DestinationTaxId);
    if (!tax) {
      unknownTax.set(code, { taxId: mapping.DestinationTaxId, lines: [...(unknownTax.get(code)?.lines ?? []), n] });
      return undefined;
    }
    if (!taxValidOn(tax, date)) {
      invalidTax.set(code, { tax, lines: [...(invalidTax.get(code)?.lines ?? []), n] });
      return undefined;
    }
    return { taxId: tax.taxID, taxName: tax.taxName, taxPercent: tax.taxPercent === undefined ? null : String(tax.taxPercent) };
  });
  for (const [code, lines] of unmapped) problems.push(`Tax code "${code}" on ${linesText(lines)} has no tax mapping`);
  for (const [code, { taxId, lines }] of unknownTax) {
    problems.push(`Tax code "${code}" on ${linesText(lines)} is mapped to tax id ${taxId}, which the fiscal device does not list`);
  }
  for (const [code, { tax, lines }] of invalidTax) {
    problems.push(`Tax "${tax.taxName}" (tax code "${code}", ${linesText(lines)}) is not valid on ${catDay(date)}`);
  }
  return { problems, lineTaxes, currency };
}
