import { describe, expect, it } from 'vitest';
import { draftReducer, emptyLine, fieldsNamedByServiceError, newDraft, parsePastedRows, WALK_IN_NAME, withoutBlankLines } from './draft-state';

const start = () => newDraft('invoice', { currency: 'USD', taxCode: 'VAT15' });

describe('the form draft', () => {
  it('adds a line below with the tax code of the line above, duplicates and removes lines', () => {
    let draft = draftReducer(start(), { type: 'setLine', index: 0, field: 'description', value: 'Cement' });
    draft = draftReducer(draft, { type: 'addLine', after: 0 });
    expect(draft.lines).toHaveLength(2);
    expect(draft.lines[1]).toEqual(emptyLine('VAT15'));
    draft = draftReducer(draft, { type: 'duplicateLine', index: 0 });
    expect(draft.lines.map((l) => l.description)).toEqual(['Cement', 'Cement', '']);
    draft = draftReducer(draft, { type: 'removeLine', index: 0 });
    draft = draftReducer(draft, { type: 'removeLine', index: 0 });
    draft = draftReducer(draft, { type: 'removeLine', index: 0 });
    expect(draft.lines).toEqual([emptyLine('VAT15')]);
  });

  it('never adds or duplicates lines on a credit note (quantities only go down)', () => {
    const note = { ...start(), kind: 'credit-note' as const };
    expect(draftReducer(note, { type: 'addLine', after: 0 }).lines).toHaveLength(1);
    expect(draftReducer(note, { type: 'duplicateLine', index: 0 }).lines).toHaveLength(1);
  });

  it('starts a new document\'s line with the standard rate, or with no tax code at all', () => {
    expect(start().lines).toEqual([emptyLine('VAT15')]);
    expect(newDraft('invoice', { currency: 'USD', taxCode: '' }).lines[0]?.taxCode).toBe('');
  });

  it('fills a remembered HS code only into an empty HS code of a line that still has that description', () => {
    const typed = draftReducer(start(), { type: 'setLine', index: 0, field: 'description', value: 'cement 50 KG ' });
    expect(draftReducer(typed, { type: 'rememberHsCode', index: 0, description: 'Cement 50 kg', hsCode: '25232900' }).lines[0]?.hsCode).toBe('25232900');
    const changed = draftReducer(typed, { type: 'setLine', index: 0, field: 'description', value: 'Cement 25 kg' });
    expect(draftReducer(changed, { type: 'rememberHsCode', index: 0, description: 'Cement 50 kg', hsCode: '25232900' }).lines[0]?.hsCode).toBe('');
    const own = draftReducer(typed, { type: 'setLine', index: 0, field: 'hsCode', value: '25239000' });
    expect(draftReducer(own, { type: 'rememberHsCode', index: 0, description: 'Cement 50 kg', hsCode: '25232900' }).lines[0]?.hsCode).toBe('25239000');
  });

  it('takes a suggestion without a price in this currency: the price stays to be typed', () => {
    const next = draftReducer(start(), { type: 'suggest', index: 0, suggestion: { description: 'Cement 50 kg', hsCode: '25232900', taxCode: 'VAT15', unitAmount: null, currency: 'ZWG', lastUsedAt: 'x' } });
    expect(next.lines[0]).toMatchObject({ description: 'Cement 50 kg', hsCode: '25232900', unitAmount: '' });
  });

  it('makes a walk-in cash sale in one step and picks a returning buyer whole', () => {
    const walkIn = draftReducer({ ...start(), paymentMethod: 'Card', buyer: { ...start().buyer, tin: '2000123456' } }, { type: 'walkIn' });
    expect(walkIn.buyer).toMatchObject({ name: WALK_IN_NAME, tin: '', vatNumber: '' });
    expect(walkIn.paymentMethod).toBe('Cash');
    const picked = draftReducer(start(), {
      type: 'pickBuyer',
      buyer: { name: 'Msasa Builders', tradeName: 'MB', tin: '2000999888', vatNumber: '220099988', phone: '', email: '', address: { province: '', street: '', houseNo: '', city: 'Harare' }, lastUsedAt: 'x', useCount: 3 },
    });
    expect(picked.buyer).toEqual({ name: 'Msasa Builders', tradeName: 'MB', tin: '2000999888', vatNumber: '220099988', phone: '', email: '', address: { province: '', street: '', houseNo: '', city: 'Harare' } });
  });

  it('takes a suggestion: HS code, tax code, and the last price unless one is typed', () => {
    const typed = draftReducer(start(), { type: 'setLine', index: 0, field: 'unitAmount', value: '9.99' });
    const next = draftReducer(typed, { type: 'suggest', index: 0, suggestion: { description: 'Cement 50 kg', hsCode: '25232900', taxCode: 'VAT15', unitAmount: '12.50', currency: 'USD', lastUsedAt: 'x' } });
    expect(next.lines[0]).toMatchObject({ description: 'Cement 50 kg', hsCode: '25232900', taxCode: 'VAT15', unitAmount: '9.99', quantity: '1' });
  });

  it('saves without blank lines', () => {
    const draft = draftReducer(draftReducer(start(), { type: 'setLine', index: 0, field: 'description', value: 'Bread' }), { type: 'addLine', after: 0 });
    const blankTax = { ...draft, lines: [...draft.lines, emptyLine()] };
    expect(withoutBlankLines(blankTax).lines.map((l) => l.description)).toEqual(['Bread', '']);
  });
});

describe('pasting rows from a spreadsheet', () => {
  it('fills rows in the form column order from the field pasted into, cleaning amounts', () => {
    const rows = parsePastedRows('Cement 50 kg\t2\t$1,250.50\t\tVAT15\t2523.2900\r\nNails\t1.5\t4.20\t0.20\tZR\t73170000\r\n');
    expect(rows).toEqual([
      { description: 'Cement 50 kg', quantity: '2', unitAmount: '1250.50', discountAmount: '', taxCode: 'VAT15', hsCode: '25232900' },
      { description: 'Nails', quantity: '1.5', unitAmount: '4.20', discountAmount: '0.20', taxCode: 'ZR', hsCode: '73170000' },
    ]);
    expect(parsePastedRows('3\t9.99', 'quantity')).toEqual([{ quantity: '3', unitAmount: '9.99' }]);
  });

  it('leaves a plain paste alone', () => {
    expect(parsePastedRows('just text')).toBeNull();
    expect(parsePastedRows('')).toBeNull();
  });

  it('replaces rows from the line pasted into, adding lines as needed', () => {
    const draft = draftReducer(start(), { type: 'pasteLines', index: 0, rows: [{ description: 'A', quantity: '1' }, { description: 'B', quantity: '2' }] });
    expect(draft.lines.map((l) => [l.description, l.quantity, l.taxCode])).toEqual([
      ['A', '1', 'VAT15'],
      ['B', '2', 'VAT15'],
    ]);
  });
});

describe('fields named by a refusal', () => {
  it('maps the sandbox reasons to form fields', () => {
    const fields = fieldsNamedByServiceError(
      'Line 2: ProductCode "123" is not an 8-digit HS code; Tax code "TMP" on line 1 has no tax mapping; Buyer TIN "12" must be 10 digits; Currency "EUR" has no currency mapping',
    );
    expect([...fields.keys()]).toEqual(['lines.1.hsCode', 'lines.0.taxCode', 'buyer.tin', 'currency']);
    expect(fieldsNamedByServiceError(null).size).toBe(0);
    expect([...fieldsNamedByServiceError('Tax code "X" on lines 1, 3 has no tax mapping').keys()]).toEqual(['lines.0.taxCode', 'lines.2.taxCode']);
  });
});
