import { describe, expect, it } from 'vitest';
import type { DeviceTax } from '../../../shared/contract/device';
import { suggestTaxCodes, taxLabel } from './suggest-codes';

const tax = (id: number, name: string, percent: string | null): DeviceTax => ({ id, name, percent, validFrom: null, validTill: null });
const device = [tax(512, 'Exempt', null), tax(513, 'Zero rated 0%', '0'), tax(515, 'Standard rated 15.5%', '15.5'), tax(514, 'Non-VAT Withholding Tax 5%', '5')];

describe('suggested seller tax codes', () => {
  it("proposes the demo shop's codes for the usual Zimbabwean taxes", () => {
    expect([...suggestTaxCodes(device, []).values()]).toEqual(['EX', 'ZR', 'VAT15', 'WHT5']);
  });

  it('never proposes a code already mapped, nor the same code twice', () => {
    const codes = suggestTaxCodes([tax(1, 'Standard 15%', '15'), tax(2, 'Standard rated 15.5%', '15.5'), tax(3, 'Other 15.5%', '15.5')], ['VAT15']);
    expect([...codes.values()]).toEqual(['VAT15-2', 'VAT15_5', 'VAT15-3']);
  });

  it('labels a tax with its name, percent and id', () => {
    expect(taxLabel(device[0]!)).toBe('Exempt · tax ID 512');
    expect(taxLabel(device[2]!)).toBe('Standard rated 15.5% · tax ID 515');
    expect(taxLabel(tax(9, 'Standard', '15.5'))).toBe('Standard · 15.5% · tax ID 9');
    expect(taxLabel(tax(8, 'Not taxed', null))).toBe('Not taxed · Exempt · tax ID 8');
  });
});
