import type { DeviceTax } from '../../../shared/contract/device';
import type { ApplicableTax } from '../../../shared/domain/fiscal-harmony/schemas';

/** A tax as the device lists it, shaped for the screens (the Device screen and Mappings alike). */
export function deviceTaxOf(tax: ApplicableTax): DeviceTax {
  return {
    id: tax.taxID,
    name: tax.taxName,
    percent: tax.taxPercent ?? null,
    validFrom: tax.validFrom ?? null,
    validTill: tax.validTill ?? null,
  };
}
