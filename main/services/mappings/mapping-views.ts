// Pure joins of the service's mappings with the device's taxes and the supported currencies.
import type { DeviceTax } from '../../../shared/contract/device';
import type { CurrencyMappingRow, TaxMappingRow } from '../../../shared/contract/mappings';
import type { CurrencyMapping, TaxMapping } from '../../../shared/domain/fiscal-harmony/schemas';
import type { ErrorCode } from '../../../shared/errors';

/** Everything the mappings depend on, read at one moment for one profile. */
export interface MappingsSnapshot {
  profileId: string;
  taxMappings: TaxMapping[];
  currencyMappings: CurrencyMapping[];
  supportedCurrencies: string[];
  /** The device's applicable taxes, or why they are not known. */
  device: { ok: true; taxes: DeviceTax[] } | { ok: false; code: ErrorCode; problem: string };
}

export function describeDeviceTax(tax: DeviceTax): string {
  return `${tax.id} ${tax.name}${tax.percent === null || tax.name.includes(`${tax.percent}%`) ? '' : ` ${tax.percent}%`}`;
}

export function findDeviceTax(snapshot: MappingsSnapshot, taxId: number): DeviceTax | undefined {
  return snapshot.device.ok ? snapshot.device.taxes.find((tax) => tax.id === taxId) : undefined;
}

export function taxMappingRow(snapshot: MappingsSnapshot, mapping: TaxMapping): TaxMappingRow {
  const deviceTax = findDeviceTax(snapshot, mapping.DestinationTaxId) ?? null;
  return {
    id: mapping.Id,
    taxCode: mapping.TaxCode,
    taxName: mapping.TaxName === undefined || mapping.TaxName === null || mapping.TaxName.trim() === '' ? null : mapping.TaxName,
    destinationTaxId: mapping.DestinationTaxId,
    zimraTaxId: mapping.ZimraTaxId ?? null,
    deviceTax,
    stale: snapshot.device.ok && deviceTax === null,
  };
}

/** Fiscal Harmony's currencies are ISO codes: "usd" from the service (or the portal) is USD. */
function isSupported(snapshot: MappingsSnapshot, currency: string): boolean {
  const wanted = currency.trim().toUpperCase();
  return snapshot.supportedCurrencies.some((c) => c.trim().toUpperCase() === wanted);
}

export function currencyMappingRow(snapshot: MappingsSnapshot, mapping: CurrencyMapping): CurrencyMappingRow {
  return {
    id: mapping.Id,
    sourceCurrency: mapping.SourceCurrency,
    destinationCurrency: mapping.DestinationCurrency.trim().toUpperCase(),
    supported: isSupported(snapshot, mapping.DestinationCurrency),
  };
}

export type CodeProblemReason = 'unmapped' | 'stale' | 'unsupported';

export interface CodeProblem {
  kind: 'tax-code' | 'currency';
  code: string;
  reason: CodeProblemReason;
  /** For the shop manager: what is wrong and where to fix it. */
  message: string;
}

/**
 * What stops a document with these tax codes and this currency from being fiscalised, as far
 * as the mappings tell (codes are compared exactly, as the service does).
 */
export function documentCodeProblems(snapshot: MappingsSnapshot, input: { taxCodes: readonly string[]; currency?: string | null }): CodeProblem[] {
  const problems: CodeProblem[] = [];
  for (const code of new Set(input.taxCodes)) {
    const mapping = snapshot.taxMappings.find((m) => m.TaxCode === code);
    if (mapping === undefined) {
      problems.push({ kind: 'tax-code', code, reason: 'unmapped', message: `Tax code "${code}" has no tax mapping: map it in Mappings before sending this document.` });
    } else if (snapshot.device.ok && findDeviceTax(snapshot, mapping.DestinationTaxId) === undefined) {
      problems.push({
        kind: 'tax-code',
        code,
        reason: 'stale',
        message: `Tax code "${code}" is mapped to tax id ${mapping.DestinationTaxId}, which the fiscal device no longer lists: change the mapping in Mappings.`,
      });
    }
  }
  const currency = input.currency ?? null;
  if (currency !== null) {
    const mapping = snapshot.currencyMappings.find((m) => m.SourceCurrency === currency);
    if (mapping === undefined) {
      problems.push({ kind: 'currency', code: currency, reason: 'unmapped', message: `Currency "${currency}" has no currency mapping: map it in Mappings before sending this document.` });
    } else if (!isSupported(snapshot, mapping.DestinationCurrency)) {
      problems.push({
        kind: 'currency',
        code: currency,
        reason: 'unsupported',
        message: `Currency "${currency}" is mapped to ${mapping.DestinationCurrency}, which Fiscal Harmony no longer supports: change the mapping in Mappings.`,
      });
    }
  }
  return problems;
}
