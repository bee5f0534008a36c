import { describe, expect, it } from 'vitest';
import { unfinishedInWords } from './unfinished-banner';

const invoice = { kind: 'invoice' as const };
const creditNote = { kind: 'credit-note' as const };

describe('the unfinished documents in words', () => {
  it('counts invoices and credit notes, singular and plural', () => {
    expect(unfinishedInWords([invoice], 1)).toBe('1 unfinished invoice');
    expect(unfinishedInWords([invoice, invoice], 2)).toBe('2 unfinished invoices');
    expect(unfinishedInWords([creditNote], 1)).toBe('1 unfinished credit note');
    expect(unfinishedInWords([creditNote, creditNote, creditNote], 3)).toBe('3 unfinished credit notes');
    expect(unfinishedInWords([invoice, creditNote], 2)).toBe('1 unfinished invoice and 1 credit note');
    expect(unfinishedInWords([creditNote, invoice, invoice, creditNote], 4)).toBe('2 unfinished invoices and 2 credit notes');
  });

  it('gives one count of documents when there are more than the page it read', () => {
    expect(unfinishedInWords(Array.from({ length: 20 }, () => invoice), 25)).toBe('25 unfinished documents');
  });
});
