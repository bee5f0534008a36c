import { describe, expect, it } from 'vitest';
import { currencyMappingRow, documentCodeProblems, type MappingsSnapshot } from './mapping-views';

const snapshot = (supportedCurrencies: string[], destination: string): MappingsSnapshot => ({
  profileId: 'p',
  taxMappings: [],
  currencyMappings: [{ Id: 1, SourceCurrency: 'US$', DestinationCurrency: destination }],
  supportedCurrencies,
  device: { ok: true, taxes: [] },
});

describe('currency codes in lower case', () => {
  it('a mapping to "usd" is a mapping to USD, shown in capitals and supported', () => {
    const s = snapshot(['USD', 'ZWG'], 'usd');
    expect(currencyMappingRow(s, s.currencyMappings[0]!)).toEqual({ id: 1, sourceCurrency: 'US$', destinationCurrency: 'USD', supported: true });
    expect(documentCodeProblems(s, { taxCodes: [], currency: 'US$' })).toEqual([]);
  });

  it('a currency the service does not list is still flagged', () => {
    const s = snapshot(['USD', 'ZWG'], 'zwl');
    expect(currencyMappingRow(s, s.currencyMappings[0]!).supported).toBe(false);
    expect(documentCodeProblems(s, { taxCodes: [], currency: 'US$' }).map((p) => p.reason)).toEqual(['unsupported']);
  });
});
