import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { EntryProblem } from '../../../shared/contract/entry';
import { ProblemsSummary } from './problems-summary';

const hsCode: EntryProblem = { field: 'lines.0.hsCode', rule: 'hs-code', message: 'Line 1 needs an HS code.', fix: 'Type the 8-digit HS (customs tariff) code of the product, e.g. 25232900.', screen: null };
const mapping: EntryProblem = { field: 'lines.1.taxCode', rule: 'tax-unmapped', message: 'Tax code "XX" on line 2 has no tax mapping.', fix: 'Pick a mapped tax code.', screen: '/mappings' };

const render = (problems: EntryProblem[]): string =>
  renderToStaticMarkup(
    <MemoryRouter>
      <ProblemsSummary id="entry-problems" problems={problems} />
    </MemoryRouter>,
  );
const text = (html: string): string => html.replace(/<[^>]+>/g, '');

describe('the problems summary', () => {
  it('says each problem once, in its own words, as the button that goes to its field ("Line 1" is not put before "Line 1 ...")', () => {
    const html = render([hsCode, mapping]);
    expect(text(html)).not.toMatch(/Line 1:|Line 2:/);
    expect(text(html).match(/Line 1 needs an HS code\./g)).toHaveLength(1);
    expect(html).toMatch(/<button[^>]*>Line 1 needs an HS code\.<\/button>/);
    expect(html).toMatch(/<button[^>]*>Tax code &quot;XX&quot; on line 2 has no tax mapping\.<\/button>/);
    expect(text(html)).toContain('Open mappings');
  });

  it('is not there when nothing is to fix', () => {
    expect(render([])).toBe('');
  });
});
