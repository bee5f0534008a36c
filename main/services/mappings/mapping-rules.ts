// The rules a mapping must meet before it is sent: checked in main against what the service
// and the device list, so the shop manager gets a specific answer without a round trip.
import type { DeviceTax } from '../../../shared/contract/device';
import { AppError } from '../../../shared/errors';
import { describeDeviceTax, findDeviceTax, type MappingsSnapshot } from './mapping-views';

export function requireDeviceTax(snapshot: MappingsSnapshot, taxId: number): DeviceTax {
  if (!snapshot.device.ok) throw new AppError(snapshot.device.code, snapshot.device.problem);
  const tax = findDeviceTax(snapshot, taxId);
  if (tax === undefined) {
    const listed = snapshot.device.taxes.map(describeDeviceTax).join('; ');
    throw new AppError('INVALID_INPUT', `Tax id ${taxId} is not one of this fiscal device's taxes (${listed === '' ? 'it lists none' : listed}). Choose one of those.`, {
      fields: { destinationTaxId: `Tax id ${taxId} is not on this device: choose one of its taxes` },
    });
  }
  return tax;
}

export function requireFreeTaxCode(snapshot: MappingsSnapshot, taxCode: string, exceptId: number | null): void {
  const other = snapshot.taxMappings.find((m) => m.TaxCode === taxCode && m.Id !== exceptId);
  if (other === undefined) return;
  const tax = findDeviceTax(snapshot, other.DestinationTaxId);
  throw new AppError('CONFLICT', `Tax code "${taxCode}" is already mapped (to ${tax === undefined ? `tax id ${other.DestinationTaxId}` : describeDeviceTax(tax)}). Edit that mapping instead, or use another code.`, {
    fields: { taxCode: `"${taxCode}" is already mapped: edit that mapping instead` },
  });
}

export function requireSupported(snapshot: MappingsSnapshot, currency: string): string {
  const match = snapshot.supportedCurrencies.find((c) => c.toUpperCase() === currency.toUpperCase());
  if (match === undefined) {
    throw new AppError('INVALID_INPUT', `Fiscal Harmony does not support ${currency}. Choose one of: ${snapshot.supportedCurrencies.join(', ')}.`, {
      fields: { destinationCurrency: `${currency} is not supported: choose one of ${snapshot.supportedCurrencies.join(', ')}` },
    });
  }
  return match;
}

export function requireFreeCurrency(snapshot: MappingsSnapshot, source: string, exceptId: number | null): void {
  const other = snapshot.currencyMappings.find((m) => m.SourceCurrency === source && m.Id !== exceptId);
  if (other === undefined) return;
  throw new AppError('CONFLICT', `Currency "${source}" is already mapped (to ${other.DestinationCurrency}). Edit that mapping instead, or use another code.`, {
    fields: { sourceCurrency: `"${source}" is already mapped: edit that mapping instead` },
  });
}
