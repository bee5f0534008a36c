import type { DocumentDraft } from '../../../shared/contract/documents';
import type { EntryProblem } from '../../../shared/contract/entry';
import { IMPORT_FIELD_LABELS, type ColumnMapping, type ImportField, type ImportProblem, type PreviewDocument } from '../../../shared/contract/import';
import { draftFigures } from '../../../shared/domain/fiscal-harmony/draft-figures';
import { Dec } from '../../../shared/domain/money';
import { parseFhDate } from '../../../shared/domain/fiscal-harmony/fh-date';
import type { CreditedInvoice } from '../../store/journal/entry-queries';
import { checkDraft, type CheckContext } from '../entry/draft-check';
import { columnLetter } from './import-table';
import type { SourceDocument } from './source-documents';

/** What the check needs from the journal of the active connection. */
export interface ImportLookups {
  /** Source keys already imported. */
  imported(keys: readonly string[]): Set<string>;
  /** The invoice a credit note names (a seller's number, or the reference of an imported invoice), or null. */
  invoiceNamed(text: string): string | null;
  creditedInvoice(invoiceId: string): CreditedInvoice | null;
}

export interface CheckedDocument {
  source: SourceDocument;
  status: PreviewDocument['status'];
  /** The draft to save: the file's, with the credited invoice's id found. */
  draft: DocumentDraft;
  problems: ImportProblem[];
}

const LINE_FIELDS: Record<string, ImportField> = { description: 'description', quantity: 'quantity', unitAmount: 'unitAmount', discountAmount: 'discountAmount', taxCode: 'taxCode', hsCode: 'hsCode' };
const DOCUMENT_FIELDS: Record<string, ImportField> = {
  'buyer.name': 'buyerName',
  'buyer.tin': 'buyerTin',
  'buyer.vatNumber': 'buyerVat',
  currency: 'currency',
  date: 'date',
  originalInvoiceId: 'originalInvoice',
};

/**
 * Every document of the file through the pre-submission check invoice entry runs
 * (main/services/entry/draft-check.ts), each problem put on its row and cell. Documents already
 * imported are not checked again. A credit note is checked against its invoice with what earlier
 * credit notes of this file take from it, as if those were saved first.
 */
export function checkSourceDocuments(documents: readonly SourceDocument[], base: Omit<CheckContext, 'original'>, lookups: ImportLookups, mapping: ColumnMapping, headers: readonly string[]): CheckedDocument[] {
  const imported = lookups.imported(documents.map((d) => d.sourceKey));
  const seenKeys = new Set<string>();
  const creditedHere = new Map<string, Dec>();
  return documents.map((source) => {
    if (imported.has(source.sourceKey)) return { source, status: 'already-imported', draft: source.draft, problems: [] };
    const problems = [...source.problems];
    if (seenKeys.has(source.sourceKey)) {
      problems.push({ row: source.rows[0]!.number, cell: null, column: null, document: source.name, rule: 'import-duplicate', message: `Reference ${source.name} is on more than one row, and each row is a document.`, fix: 'Give each row its own reference, or choose Documents: "One per invoice reference".' });
    }
    seenKeys.add(source.sourceKey);
    let draft = source.draft;
    let original: CreditedInvoice | null = null;
    if (draft.kind === 'credit-note') {
      const invoiceId = source.originalInvoice === '' ? null : lookups.invoiceNamed(source.originalInvoice);
      draft = { ...draft, originalInvoiceId: invoiceId };
      const known = invoiceId === null ? null : lookups.creditedInvoice(invoiceId);
      const extra = invoiceId === null ? undefined : creditedHere.get(invoiceId);
      original = known === null || extra === undefined ? known : { ...known, credited: extra.plus(known.credited).toFixed(2), remaining: new Dec(known.remaining).minus(extra).toFixed(2) };
    }
    const check = checkDraft(draft, { ...base, original });
    for (const problem of check.problems) problems.push(placed(problem, source, mapping, headers));
    if (problems.length === 0 && draft.kind === 'credit-note' && draft.originalInvoiceId !== null && check.totals !== null) {
      creditedHere.set(draft.originalInvoiceId, (creditedHere.get(draft.originalInvoiceId) ?? new Dec(0)).plus(check.totals.total));
    }
    return { source, status: problems.length === 0 ? 'ready' : 'problem', draft, problems };
  });
}

/** A check problem on the row and cell it comes from: a line's on its row, the document's on its first row. */
function placed(problem: EntryProblem, source: SourceDocument, mapping: ColumnMapping, headers: readonly string[]): ImportProblem {
  const line = /^lines\.(\d+)\.(\w+)$/.exec(problem.field);
  const row = (line === null ? source.rows[0] : source.rows[Number(line[1])]) ?? source.rows[0]!;
  let field: ImportField | null = line === null ? (DOCUMENT_FIELDS[problem.field] ?? null) : (LINE_FIELDS[line[2]!] ?? null);
  if (problem.field === 'reference') field = 'creditReason';
  const column = field === null ? undefined : mapping[field];
  const known = column !== null && column !== undefined;
  return {
    row: row.number,
    cell: known ? `${columnLetter(column)}${row.number}` : null,
    column: known ? (headers[column] ?? null) : field === null ? null : IMPORT_FIELD_LABELS[field],
    document: source.name,
    rule: problem.rule,
    message: problem.message,
    fix: problem.fix,
  };
}

/** The documents to save, earliest date first: ZIMRA takes a connection's documents in date order. */
export function inDateOrder(documents: readonly CheckedDocument[], now: Date): CheckedDocument[] {
  const at = (d: CheckedDocument): number => (d.draft.date.trim() === '' ? now.getTime() : (parseFhDate(d.draft.date)?.getTime() ?? now.getTime()));
  return documents.map((d, i) => ({ d, i })).sort((a, b) => at(a.d) - at(b.d) || a.i - b.i).map(({ d }) => d);
}

/** A document as the preview shows it: its lines with their amounts and its totals, by the shared arithmetic. */
export function previewOf(checked: CheckedDocument, percentOf: (code: string) => string | null | undefined): PreviewDocument {
  const figures = draftFigures(checked.draft, percentOf);
  return {
    name: checked.source.name,
    kind: checked.draft.kind,
    status: checked.status,
    rows: checked.source.rows.map((row) => row.number),
    date: checked.draft.date,
    buyerName: checked.draft.buyer.name,
    currency: checked.draft.currency,
    lines: checked.draft.lines.map((line, i) => ({ row: checked.source.rows[i]?.number ?? 0, ...line, lineAmount: figures.lines[i]?.lineAmount ?? null })),
    totals: figures.totals,
    problemCount: checked.problems.length,
  };
}
