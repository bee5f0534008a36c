// The form's draft as a pure reducer: every edit the keyboard, a paste or a suggestion makes.
import type { BuyerDraft, DocumentDraft, DocumentKind, LineDraft } from '../../../shared/contract/documents';
import { MAX_LINES } from '../../../shared/contract/documents';
import type { BuyerRecord, LineSuggestion } from '../../../shared/contract/entry';

export const LINE_FIELDS = ['description', 'quantity', 'unitAmount', 'discountAmount', 'taxCode', 'hsCode'] as const;
export type LineField = (typeof LINE_FIELDS)[number];

export const emptyLine = (taxCode = ''): LineDraft => ({ description: '', quantity: '', unitAmount: '', discountAmount: '', taxCode, hsCode: '' });

export const emptyBuyer = (): BuyerDraft => ({ name: '', tradeName: '', tin: '', vatNumber: '', phone: '', email: '', address: { province: '', street: '', houseNo: '', city: '' } });

/** The name a walk-in customer is sold to (sent as is: it already says "Cash"). */
export const WALK_IN_NAME = 'Cash sale';

export function newDraft(kind: DocumentKind, defaults: { currency: string; taxCode: string }): DocumentDraft {
  return {
    kind,
    date: '',
    currency: defaults.currency,
    paymentMethod: 'Cash',
    taxInclusive: true,
    reference: '',
    buyer: emptyBuyer(),
    lines: [emptyLine(defaults.taxCode)],
    originalInvoiceId: null,
  };
}

export const isBlankLine = (line: LineDraft): boolean => Object.values(line).every((v) => v.trim() === '');

/** The lines worth keeping: blank ones dropped (the form always offers one to type on). */
export function withoutBlankLines(draft: DocumentDraft): DocumentDraft {
  return { ...draft, lines: draft.lines.filter((line) => !isBlankLine(line)) };
}

export type TopField = 'date' | 'currency' | 'reference';
export type BuyerField = Exclude<keyof BuyerDraft, 'address'>;
export type AddressField = keyof BuyerDraft['address'];

export type DraftAction =
  | { type: 'load'; draft: DocumentDraft }
  | { type: 'set'; field: TopField; value: string }
  | { type: 'setPayment'; value: DocumentDraft['paymentMethod'] }
  | { type: 'setTaxInclusive'; value: boolean }
  | { type: 'setBuyer'; field: BuyerField; value: string }
  | { type: 'setAddress'; field: AddressField; value: string }
  | { type: 'pickBuyer'; buyer: BuyerRecord }
  | { type: 'walkIn' }
  | { type: 'setLine'; index: number; field: LineField; value: string }
  | { type: 'addLine'; after: number }
  | { type: 'removeLine'; index: number }
  | { type: 'duplicateLine'; index: number }
  | { type: 'pasteLines'; index: number; rows: Array<Partial<LineDraft>> }
  | { type: 'suggest'; index: number; suggestion: LineSuggestion }
  /** The HS code remembered for a description: taken only while the line still says it and has no HS code. */
  | { type: 'rememberHsCode'; index: number; description: string; hsCode: string };

const replaceAt = <T>(items: readonly T[], index: number, item: T): T[] => items.map((x, i) => (i === index ? item : x));

export function draftReducer(draft: DocumentDraft, action: DraftAction): DocumentDraft {
  const creditNote = draft.kind === 'credit-note';
  switch (action.type) {
    case 'load':
      return action.draft.lines.length === 0 ? { ...action.draft, lines: [emptyLine()] } : action.draft;
    case 'set':
      return { ...draft, [action.field]: action.value };
    case 'setPayment':
      return { ...draft, paymentMethod: action.value };
    case 'setTaxInclusive':
      return { ...draft, taxInclusive: action.value };
    case 'setBuyer':
      return { ...draft, buyer: { ...draft.buyer, [action.field]: action.value } };
    case 'setAddress':
      return { ...draft, buyer: { ...draft.buyer, address: { ...draft.buyer.address, [action.field]: action.value } } };
    case 'pickBuyer': {
      const { lastUsedAt: _at, useCount: _count, ...buyer } = action.buyer;
      return { ...draft, buyer };
    }
    case 'walkIn':
      return { ...draft, buyer: { ...emptyBuyer(), name: WALK_IN_NAME }, paymentMethod: 'Cash' };
    case 'setLine': {
      const line = draft.lines[action.index];
      if (line === undefined) return draft;
      return { ...draft, lines: replaceAt(draft.lines, action.index, { ...line, [action.field]: action.value }) };
    }
    case 'addLine': {
      if (creditNote || draft.lines.length >= MAX_LINES) return draft;
      const previous = draft.lines[action.after];
      const lines = [...draft.lines];
      lines.splice(action.after + 1, 0, emptyLine(previous?.taxCode ?? ''));
      return { ...draft, lines };
    }
    case 'removeLine': {
      const lines = draft.lines.filter((_, i) => i !== action.index);
      return { ...draft, lines: lines.length === 0 ? [emptyLine(draft.lines[0]?.taxCode ?? '')] : lines };
    }
    case 'duplicateLine': {
      const line = draft.lines[action.index];
      if (line === undefined || creditNote || draft.lines.length >= MAX_LINES) return draft;
      const lines = [...draft.lines];
      lines.splice(action.index + 1, 0, { ...line });
      return { ...draft, lines };
    }
    case 'pasteLines': {
      if (creditNote) return draft;
      const lines = [...draft.lines];
      action.rows.forEach((row, offset) => {
        const at = action.index + offset;
        const base = lines[at] ?? emptyLine(lines[at - 1]?.taxCode ?? '');
        lines[at] = { ...base, ...row };
      });
      return { ...draft, lines: lines.slice(0, MAX_LINES) };
    }
    case 'suggest': {
      const line = draft.lines[action.index];
      if (line === undefined) return draft;
      const s = action.suggestion;
      return {
        ...draft,
        lines: replaceAt(draft.lines, action.index, {
          ...line,
          description: s.description,
          hsCode: s.hsCode,
          taxCode: s.taxCode,
          unitAmount: line.unitAmount.trim() === '' ? (s.unitAmount ?? '') : line.unitAmount,
          quantity: line.quantity.trim() === '' ? '1' : line.quantity,
        }),
      };
    }
    case 'rememberHsCode': {
      const line = draft.lines[action.index];
      if (line === undefined || line.hsCode.trim() !== '' || line.description.trim().toLowerCase() !== action.description.trim().toLowerCase()) return draft;
      return { ...draft, lines: replaceAt(draft.lines, action.index, { ...line, hsCode: action.hsCode }) };
    }
  }
}

/** A thousands-separated or currency-marked amount from a spreadsheet, as a plain decimal ("$1,234.50" -> "1234.50"). */
function cleanAmount(cell: string): string {
  const text = cell.trim().replace(/^[$]|^(USD|ZWG|ZAR)\s*/i, '');
  return /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) ? text.replace(/,/g, '') : text;
}

/**
 * Rows pasted from a spreadsheet (tab-separated, one line per row), in the form's column order:
 * description, quantity, unit price, discount, tax code, HS code. Null when the text is not a
 * table (a single cell pastes as usual).
 */
export function parsePastedRows(text: string, startField: LineField = 'description'): Array<Partial<LineDraft>> | null {
  const rows = text.replace(/\r\n?/g, '\n').split('\n');
  while (rows.length > 0 && rows[rows.length - 1]!.trim() === '') rows.pop();
  if (rows.length === 0 || (rows.length === 1 && !rows[0]!.includes('\t'))) return null;
  const first = LINE_FIELDS.indexOf(startField);
  return rows.slice(0, MAX_LINES).map((row) => {
    const cells = row.split('\t');
    const line: Partial<LineDraft> = {};
    cells.forEach((cell, i) => {
      const field = LINE_FIELDS[first + i];
      if (field === undefined) return;
      line[field] = field === 'quantity' || field === 'unitAmount' || field === 'discountAmount' ? cleanAmount(cell) : field === 'hsCode' ? cell.trim().replace(/[.\s]/g, '') : cell.trim();
    });
    return line;
  });
}

const SERVICE_FIELDS: Array<[RegExp, string]> = [
  [/ProductCode|HS code/i, 'hsCode'],
  [/TaxCode|Tax code|Tax "/, 'taxCode'],
  [/Quantity/, 'quantity'],
  [/DiscountAmount/, 'discountAmount'],
  [/UnitAmount|LineAmount/, 'unitAmount'],
  [/Description/, 'description'],
];

/**
 * The form fields a refusal of Fiscal Harmony names, so a needs-fix document shows where to look:
 * "Line 2: ProductCode ..." marks `lines.1.hsCode`, "Buyer TIN ..." marks `buyer.tin`.
 */
export function fieldsNamedByServiceError(error: string | null): Map<string, string> {
  const fields = new Map<string, string>();
  if (error === null) return fields;
  for (const part of error.split(/;\s*/)) {
    const text = part.trim();
    if (text === '') continue;
    const lineMatch = /\bline (\d+)|\blines ([\d, ]+)/i.exec(text);
    const lineNumbers = lineMatch === null ? [] : (lineMatch[1] ?? lineMatch[2] ?? '').split(',').map((n) => Number.parseInt(n.trim(), 10)).filter((n) => n > 0);
    if (lineNumbers.length > 0) {
      const field = SERVICE_FIELDS.find(([pattern]) => pattern.test(text))?.[1] ?? 'description';
      for (const n of lineNumbers) fields.set(`lines.${n - 1}.${field}`, text);
    } else if (/Buyer TIN/i.test(text)) fields.set('buyer.tin', text);
    else if (/VAT number/i.test(text)) fields.set('buyer.vatNumber', text);
    else if (/Buyer Name/i.test(text)) fields.set('buyer.name', text);
    else if (/Currency|currency/.test(text)) fields.set('currency', text);
    else if (/credit note|Original invoice/i.test(text)) fields.set('lines', text);
    else fields.set('document', text);
  }
  return fields;
}
