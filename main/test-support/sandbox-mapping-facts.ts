import type { MappingFacts } from '../../shared/domain/fiscal-harmony/document-checks';
import { parseDeviceConfig, type FiscalDevice } from '../../shared/domain/fiscal-harmony/schemas';
import type { FhTestClient } from '../sandbox/test-support/fh-test-client';
import { deviceTaxOf } from '../services/fiscal-harmony/device-tax';

/** The mapping facts the pre-submission check works from, read from a sandbox account over HTTP as the app reads them. */
export async function sandboxMappingFacts(client: FhTestClient): Promise<MappingFacts> {
  const taxes = await client.json<Array<{ TaxCode: string; DestinationTaxId: number }>>('GET', '/taxmapping');
  const currencies = await client.json<Array<{ SourceCurrency: string }>>('GET', '/currencymapping');
  const device = await client.json<FiscalDevice>('GET', '/fiscaldevice');
  const config = parseDeviceConfig(device.body.CurrentConfig);
  if (!config.ok) throw new Error(config.error);
  return {
    taxMappings: taxes.body.map((m) => ({ taxCode: m.TaxCode, destinationTaxId: m.DestinationTaxId })),
    currencyMappings: currencies.body.map((m) => ({ sourceCurrency: m.SourceCurrency })),
    deviceTaxes: config.config.applicableTaxes.map(deviceTaxOf),
  };
}
