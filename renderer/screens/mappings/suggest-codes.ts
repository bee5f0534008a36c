import type { DeviceTax } from '../../../shared/contract/device';

/**
 * A seller tax code for a device tax, in the style sellers commonly use (EX, ZR, VAT15, WHT5):
 * exempt -> EX, zero rated -> ZR, withholding -> WHT + percent, other rates -> VAT + whole percent.
 */
export function suggestTaxCode(tax: DeviceTax): string {
  const name = tax.name.toLowerCase();
  const percent = tax.percent === null ? null : Number(tax.percent);
  const whole = percent === null || Number.isNaN(percent) ? '' : String(Math.trunc(percent));
  if (percent === null || name.includes('exempt')) return 'EX';
  if (name.includes('withholding')) return `WHT${whole}`;
  if (percent === 0 || name.includes('zero')) return 'ZR';
  return `VAT${whole}`;
}

/**
 * Suggestions for several taxes, never repeating a code already taken (compared exactly, as
 * the service does) nor each other: a clash gets the full percent, then a number.
 */
export function suggestTaxCodes(taxes: readonly DeviceTax[], taken: Iterable<string>): Map<number, string> {
  const used = new Set(taken);
  const result = new Map<number, string>();
  for (const tax of taxes) {
    const base = suggestTaxCode(tax);
    const precise = tax.percent === null ? base : `${base.replace(/\d+$/, '')}${tax.percent.replace('.', '_')}`;
    let code = used.has(base) && !used.has(precise) ? precise : base;
    for (let n = 2; used.has(code); n += 1) code = `${base}-${n}`;
    used.add(code);
    result.set(tax.id, code);
  }
  return result;
}

/** "Standard rated 15.5% · tax ID 515" (the percent added when the name lacks it), for pickers. */
export function taxLabel(tax: DeviceTax): string {
  const parts = [tax.name];
  if (tax.percent === null ? !/exempt/i.test(tax.name) : !tax.name.includes(`${tax.percent}%`)) parts.push(percentText(tax.percent));
  return [...parts, `tax ID ${tax.id}`].join(' · ');
}

export function percentText(percent: string | null): string {
  return percent === null ? 'Exempt' : `${percent}%`;
}
