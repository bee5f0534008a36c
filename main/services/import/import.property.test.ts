// Property: a file the import calls valid yields documents equal to the source digit for digit,
// and the sandbox fiscalises each; a file with one planted problem is refused on the planted row
// for the same reason the sandbox gives when that document is sent anyway; credit notes for
// invoices fiscalised from earlier files are ready exactly when the sandbox fiscalises them (two
// in one file share what their invoice has left). Random CSV (comma, semicolon with decimal
// commas, tab; UTF-8, with BOM, Windows-1252; quoted or not) and XLSX files.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDraft } from '../../../shared/contract/documents';
import type { ImportSettings } from '../../../shared/contract/import';
import { Dec } from '../../../shared/domain/money';
import { resolveLineTax, type MappingFacts } from '../../../shared/domain/fiscal-harmony/document-checks';
import { formatFhDate, parseFhDate } from '../../../shared/domain/fiscal-harmony/fh-date';
import { createDemoAccount, uniqueCredentials } from '../../sandbox/demo-accounts';
import type { FhTestClient } from '../../sandbox/test-support/fh-test-client';
import { startTestSandbox, type TestSandbox } from '../../sandbox/test-support/sandbox-fixture';
import { wireDocument } from '../entry/wire-document';
import { matchColumns } from './column-mapping';
import { usesDecimalComma } from './decimal-text';
import { checkSourceDocuments } from './import-check';
import { readImportFile } from './import-file';
import { sourceDocuments } from './source-documents';
import { workbook, zipFile } from './test-support/zip-file';
import { sandboxMappingFacts } from '../../test-support/sandbox-mapping-facts';

/** At least 500 files; more with IMPORT_PROPERTY_RUNS, a seed with IMPORT_PROPERTY_SEED to replay one. */
const RUNS = Math.max(500, Number.parseInt(process.env.IMPORT_PROPERTY_RUNS ?? '500', 10));
const SEED = process.env.IMPORT_PROPERTY_SEED === undefined ? undefined : Number.parseInt(process.env.IMPORT_PROPERTY_SEED, 10);

type Planted = 'hs-code' | 'tax-unmapped' | 'buyer-tin' | 'currency-unmapped' | 'quantity' | 'description';

/** The sandbox's refusal of a planted problem, named as the shared rules name it. */
function sandboxRules(error: string): string[] {
  const rules: Array<[RegExp, string]> = [
    [/has no Description/, 'description'],
    [/ProductCode/, 'hs-code'],
    [/: Quantity /, 'quantity'],
    [/^Buyer TIN/, 'buyer-tin'],
    [/has no currency mapping/, 'currency-unmapped'],
    [/has no tax mapping/, 'tax-unmapped'],
    [/credit note Total must be more than 0/, 'credit-note-amount'],
    [/exceeds the remaining total/, 'credit-limit'],
    [/differs from the original invoice's currency/, 'credit-currency'],
    [/^Original invoice .* (was not found|was not fiscalised|is still being processed)/, 'credit-original'],
    [/^BuyerContact differs from the original invoice's buyer/, 'credit-buyer'],
  ];
  return [...new Set(error.split('; ').map((part) => rules.find(([pattern]) => pattern.test(part))?.[1] ?? `unknown: ${part}`))].sort();
}

const PRODUCTS = [
  { description: 'Cooking oil 2 l', tax: 'VAT15', hs: '15079000' },
  { description: 'Bread', tax: 'ZR', hs: '19059000' },
  { description: 'Café crème 250 g', tax: 'VAT15', hs: '09012100' },
  { description: 'Exercise book "A4", 96 pages', tax: 'EX', hs: '48202000' },
  { description: 'Cement 50 kg; grey', tax: 'WHT5', hs: '25232900' },
] as const;

const decimal = (maxWhole: number, places: number, minWhole = 0) =>
  fc.tuple(fc.integer({ min: minWhole, max: maxWhole }), fc.integer({ min: 0, max: 10 ** places - 1 })).map(([w, f]) => (places === 0 ? `${w}` : `${w}.${String(f).padStart(places, '0')}`));

const lineArb = fc.record({
  product: fc.constantFrom(...PRODUCTS),
  quantity: fc.oneof(decimal(20, 0, 1), decimal(9, 1, 1), decimal(5, 3, 1)),
  price: fc.oneof({ weight: 4, arbitrary: decimal(400, 2, 1) }, { weight: 1, arbitrary: decimal(40, 3, 1) }, { weight: 1, arbitrary: decimal(9999, 2, 1000) }),
  discount: fc.oneof({ weight: 4, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('0.05', '0.50') }),
});

const documentArb = fc.record({
  lines: fc.array(lineArb, { minLength: 1, maxLength: 3 }),
  buyer: fc.oneof(
    { weight: 2, arbitrary: fc.constant({ name: '', tin: '', vat: '' }) },
    { weight: 1, arbitrary: fc.record({ name: fc.constantFrom('Msasa Builders', 'Tendai Moyo'), tin: fc.stringMatching(/^\d{10}$/), vat: fc.oneof(fc.constant(''), fc.stringMatching(/^\d{9}$/)) }) },
  ),
  currency: fc.constantFrom('USD', 'ZWG'),
  inclusive: fc.constantFrom('Yes', 'No'),
});

const fileArb = fc.record({
  documents: fc.array(documentArb, { minLength: 1, maxLength: 3 }),
  format: fc.constantFrom('comma', 'semicolon-decimal-comma', 'tab', 'xlsx'),
  encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'windows-1252'),
  quoteAll: fc.boolean(),
  thousands: fc.boolean(),
  // Credit notes for invoices fiscalised from earlier files: a share of one of their lines.
  credits: fc.array(fc.record({ pick: fc.nat(), share: fc.constantFrom(10, 50, 100) }), { maxLength: 2 }),
  plant: fc.oneof(
    { weight: 3, arbitrary: fc.constant(null) },
    { weight: 2, arbitrary: fc.record({ problem: fc.constantFrom<Planted>('hs-code', 'tax-unmapped', 'buyer-tin', 'currency-unmapped', 'quantity', 'description'), document: fc.nat(), line: fc.nat() }) },
  ),
});
type RandomFile = typeof fileArb extends fc.Arbitrary<infer T> ? T : never;

const HEADINGS = ['Invoice', 'Customer', 'TIN', 'VAT number', 'Currency', 'Prices include tax', 'Description', 'Qty', 'Unit price', 'Discount', 'Tax code', 'HS code', 'Type', 'Original invoice', 'Reason'];

/** An invoice the sandbox fiscalised, as a later file's credit note finds it. */
interface Original {
  id: string;
  reference: string;
  draft: DocumentDraft;
  date: string;
  total: string;
  credited: string;
}

interface Built {
  bytes: Buffer;
  format: 'csv' | 'tsv' | 'xlsx';
  /** Per document: its reference and each line's source values (decimal text with a point) and row. */
  expected: { reference: string; lines: { row: number; quantity: string; unitAmount: string; discountAmount: string; description: string; taxCode: string; hsCode: string }[] }[];
  planted: { problem: Planted; document: number; row: number } | null;
}

/** The file written by hand: cells as a till would write them (thousands separators, decimal commas, quotes). */
function build(file: RandomFile, run: number, originals: readonly Original[]): Built {
  const comma = file.format === 'semicolon-decimal-comma';
  const separator = file.format === 'tab' ? '\t' : comma ? ';' : ',';
  const shown = (amount: string): string => {
    if (amount === '') return amount;
    const [whole = '', fraction] = amount.split('.');
    const grouped = file.thousands && file.format !== 'xlsx' ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, comma ? '.' : ',') : whole;
    return fraction === undefined ? grouped : `${grouped}${comma ? ',' : '.'}${fraction}`;
  };
  const rows: (string | { n: string })[][] = [];
  const expected: Built['expected'] = [];
  let planted: Built['planted'] = null;
  const plantDoc = file.plant === null ? -1 : file.plant.document % file.documents.length;
  file.documents.forEach((doc, d) => {
    const reference = `R${run}-${d + 1}`;
    const lines: Built['expected'][number]['lines'] = [];
    const plantLine = file.plant === null ? -1 : file.plant.line % doc.lines.length;
    doc.lines.forEach((line, l) => {
      const row = rows.length + 2;
      const cells: (string | { n: string })[] = [reference, doc.buyer.name, doc.buyer.tin, doc.buyer.vat, doc.currency, doc.inclusive, line.product.description, file.format === 'xlsx' ? { n: line.quantity } : shown(line.quantity), file.format === 'xlsx' ? { n: line.price } : shown(line.price), file.format === 'xlsx' && line.discount !== '' ? { n: line.discount } : shown(line.discount), line.product.tax, line.product.hs, 'Invoice', '', ''];
      if (file.plant !== null && d === plantDoc) {
        const onFirst = file.plant.problem === 'buyer-tin' || file.plant.problem === 'currency-unmapped';
        if (onFirst ? l === 0 : l === plantLine) {
          planted = { problem: file.plant.problem, document: d, row };
          if (file.plant.problem === 'hs-code') cells[11] = '2523.2900';
          if (file.plant.problem === 'tax-unmapped') cells[10] = 'XX';
          if (file.plant.problem === 'buyer-tin') {
            cells[1] = 'Msasa Builders';
            cells[2] = '12345';
          }
          if (file.plant.problem === 'currency-unmapped') cells[4] = 'EUR';
          if (file.plant.problem === 'quantity') {
            cells[7] = file.format === 'xlsx' ? { n: '0' } : '0';
            cells[9] = '';
          }
          if (file.plant.problem === 'description') cells[6] = '';
        } else if (file.plant.problem === 'currency-unmapped') cells[4] = 'EUR';
        else if (file.plant.problem === 'buyer-tin') {
          // The rows of one document agree on its buyer.
          cells[1] = 'Msasa Builders';
          cells[2] = '12345';
        }
      }
      rows.push(cells);
      lines.push({ row, quantity: line.quantity, unitAmount: line.price, discountAmount: line.discount, description: line.product.description, taxCode: line.product.tax, hsCode: line.product.hs });
    });
    expected.push({ reference, lines });
  });
  if (originals.length > 0) {
    file.credits.forEach((credit, k) => {
      // One of the last few, so two credit notes of a file often share an invoice (and may credit more than it has left).
      const original = originals[originals.length - 1 - (credit.pick % Math.min(3, originals.length))]!;
      const line = original.draft.lines[0]!;
      const share = new Dec(line.quantity).times(credit.share).dividedBy(100).toDecimalPlaces(3, Dec.ROUND_DOWN);
      const quantity = share.gt(0) ? share.toFixed() : line.quantity;
      const reference = `C${run}-${k + 1}`;
      const row = rows.length + 2;
      const { buyer } = original.draft;
      const number = (amount: string): string | { n: string } => (file.format === 'xlsx' && amount !== '' ? { n: amount } : shown(amount));
      rows.push([reference, buyer.name, buyer.tin, buyer.vatNumber, original.draft.currency, original.draft.taxInclusive ? 'Yes' : 'No', line.description, number(quantity), number(line.unitAmount), number(line.discountAmount), line.taxCode, line.hsCode, 'Credit note', original.reference, 'Goods returned']);
      expected.push({ reference, lines: [{ row, quantity, unitAmount: line.unitAmount, discountAmount: line.discountAmount, description: line.description, taxCode: line.taxCode, hsCode: line.hsCode }] });
    });
  }
  if (file.format === 'xlsx') return { bytes: zipFile(workbook([HEADINGS, ...rows])), format: 'xlsx', expected, planted };
  const text = [HEADINGS, ...rows]
    .map((cells) =>
      cells
        .map((cell) => String(cell))
        .map((cell) => (file.quoteAll || cell.includes(separator) || cell.includes('"') || (comma && cell.includes(',')) ? `"${cell.replaceAll('"', '""')}"` : cell))
        .join(separator),
    )
    .join('\r\n');
  const encoded = file.encoding === 'windows-1252' ? Buffer.from(text.replaceAll('é', '\u00e9'), 'latin1') : Buffer.from(text, 'utf8');
  return { bytes: file.encoding === 'utf-8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), encoded]) : encoded, format: file.format === 'tab' ? 'tsv' : 'csv', expected, planted };
}

let t: TestSandbox;
let client: FhTestClient;
let mappings: MappingFacts;

beforeAll(async () => {
  const shop = createDemoAccount('shop', uniqueCredentials('fh-import-prop'));
  t = await startTestSandbox({ accounts: [shop] });
  client = t.clientFor(shop);
  mappings = await sandboxMappingFacts(client);
});
afterAll(() => t.close());

describe('an imported file and the sandbox agree', () => {
  it(`on ${RUNS} random CSV, TSV and XLSX files`, async () => {
    const tally = { files: 0, valid: 0, planted: 0, documents: 0, fiscalised: 0, creditNotes: 0, creditsFiscalised: 0, creditRules: new Map<string, number>(), formats: new Map<string, number>() };
    const originals: Original[] = [];
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fileArb, async (file) => {
        run += 1;
        t.clock.advance(60_000);
        const now = t.clock.now();
        const built = build(file, run, originals);
        const read = await readImportFile(built.format, built.bytes);
        const mapping = matchColumns(read.table.headers);
        const settings: ImportSettings = { mapping, grouping: 'reference', decimalComma: null, taxInclusive: true };
        const amountColumns = [mapping.quantity, mapping.unitAmount, mapping.discountAmount].flatMap((c) => (c === null || c === undefined ? [] : [c]));
        const decimalComma = usesDecimalComma(read.table, amountColumns, read.reading.separator);
        const checked = checkSourceDocuments(
          sourceDocuments(read.table, settings, decimalComma),
          { now, mappings, lastFiscalisedDate: null, readiness: [] },
          {
            imported: () => new Set(),
            invoiceNamed: (text) => originals.find((o) => o.reference === text)?.id ?? null,
            creditedInvoice: (id) => {
              const o = originals.find((original) => original.id === id);
              if (o === undefined) return null;
              const remaining = new Dec(o.total).minus(o.credited).toFixed(2);
              return { invoiceId: o.id, number: null, state: 'fiscalised', currency: o.draft.currency, total: o.total, credited: o.credited, remaining, lines: o.draft.lines, fiscalised: true, issuedAt: o.date, buyer: o.draft.buyer };
            },
          },
          mapping,
          read.table.headers,
        );
        expect(checked.map((c) => c.source.name)).toEqual(built.expected.map((e) => e.reference));

        // Digit for digit: every line as the source wrote it.
        checked.forEach((c, d) => {
          const source = built.expected[d]!;
          if (built.planted?.document === d) return;
          if (c.draft.kind === 'credit-note') {
            expect(c.draft.lines.map((line) => line.quantity)).toEqual(source.lines.map((line) => line.quantity));
            return;
          }
          expect(c.source.rows.map((row) => row.number)).toEqual(source.lines.map((line) => line.row));
          expect(c.draft.lines.map((line) => ({ description: line.description, quantity: line.quantity, unitAmount: line.unitAmount, discountAmount: line.discountAmount, taxCode: line.taxCode, hsCode: line.hsCode }))).toEqual(
            source.lines.map((line) => ({ description: line.description, quantity: line.quantity, unitAmount: line.unitAmount, discountAmount: line.discountAmount, taxCode: line.taxCode, hsCode: line.hsCode })),
          );
          const doc = file.documents[d]!;
          expect({ currency: c.draft.currency, taxInclusive: c.draft.taxInclusive, tin: c.draft.buyer.tin, vat: c.draft.buyer.vatNumber, name: c.draft.buyer.name, reference: c.draft.reference }).toEqual({
            currency: doc.currency,
            taxInclusive: doc.inclusive === 'Yes',
            tin: doc.buyer.tin,
            vat: doc.buyer.vat,
            name: doc.buyer.name === '' ? 'Walk-in customer' : doc.buyer.name,
            reference: source.reference,
          });
        });

        // The sandbox's verdict on every document, sent as the outbox would send it (one batch per file).
        const date = formatFhDate(now);
        const wires = checked.map((c) => {
          const id = randomUUID();
          const wire = wireDocument(c.draft, { id, number: `P-${id.slice(0, 8)}`, date, isRetry: false, originalInvoiceId: c.draft.originalInvoiceId ?? '' }, (code) => {
            const resolved = resolveLineTax(mappings, code, parseFhDate(date) ?? now);
            return resolved.ok ? resolved.tax.percent : undefined;
          });
          return { id, wire };
        });
        const sent = await Promise.all(checked.map((c, d) => client.submit(c.draft.kind === 'invoice' ? 'invoice' : 'creditnote', wires[d]!.wire)));
        t.sandbox.processNow();
        const statuses = await client.status(sent);
        checked.forEach((c, d) => {
          const status = statuses.find((s) => s.RequestId === sent[d]) ?? statuses[d]!;
          const plantedHere = built.planted?.document === d;
          if (c.draft.kind === 'credit-note') {
            // The import's check and the sandbox agree on each credit note, whatever the earlier ones left of its invoice.
            const rules = [...new Set(c.problems.map((p) => p.rule))].sort();
            expect({ document: c.source.name, ready: c.status === 'ready', rules }).toEqual({ document: c.source.name, ready: status.Success, rules: status.Success ? [] : sandboxRules(status.Error ?? '') });
            tally.creditNotes += 1;
            for (const rule of rules) tally.creditRules.set(rule, (tally.creditRules.get(rule) ?? 0) + 1);
            if (status.Success) {
              tally.creditsFiscalised += 1;
              const original = originals.find((o) => o.id === c.draft.originalInvoiceId)!;
              original.credited = new Dec(original.credited).plus(wires[d]!.wire.Total as string).toFixed(2);
            }
            return;
          }
          if (status.Success) originals.push({ id: wires[d]!.id, reference: c.source.name, draft: c.draft, date, total: wires[d]!.wire.Total as string, credited: '0' });
          if (!plantedHere) {
            expect({ document: c.source.name, status: c.status, problems: c.problems }).toEqual({ document: c.source.name, status: 'ready', problems: [] });
            expect({ document: c.source.name, success: status.Success, error: status.Error }).toEqual({ document: c.source.name, success: true, error: null });
            tally.fiscalised += 1;
            return;
          }
          const planted = built.planted!;
          expect(c.status).toBe('problem');
          const rules = [...new Set(c.problems.map((p) => p.rule))].sort();
          expect(rules).toEqual([planted.problem]);
          if (planted.document === d) expect(c.problems.map((p) => p.row)).toContain(planted.row);
          expect(status.Success).toBe(false);
          expect(sandboxRules(status.Error ?? '')).toEqual(rules);
        });
        tally.files += 1;
        tally.documents += checked.length;
        tally[built.planted === null ? 'valid' : 'planted'] += 1;
        tally.formats.set(`${file.format}/${file.format === 'xlsx' ? '-' : file.encoding}`, (tally.formats.get(`${file.format}/${file.format === 'xlsx' ? '-' : file.encoding}`) ?? 0) + 1);
        return true;
      }),
      {
        numRuns: RUNS,
        ...(SEED === undefined ? {} : { seed: SEED }),
        endOnFailure: true,
        reporter: (details) => {
          if (!details.failed) return;
          const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
          throw new Error(`Property failed with seed ${details.seed} (replay: IMPORT_PROPERTY_SEED=${details.seed} IMPORT_PROPERTY_RUNS=${RUNS}): ${fc.defaultReportMessage(details)}\n${cause}`);
        },
      },
    );
    console.info(`import property: ${tally.files} files (${tally.valid} valid, ${tally.planted} with a planted problem), ${tally.documents} documents, ${tally.fiscalised} invoices fiscalised; ${tally.creditNotes} credit notes, ${tally.creditsFiscalised} fiscalised, refused for ${JSON.stringify(Object.fromEntries(tally.creditRules))}; ${JSON.stringify(Object.fromEntries(tally.formats))}`);
    expect(tally.files).toBe(RUNS);
    expect(tally.valid).toBeGreaterThan(150);
    expect(tally.planted).toBeGreaterThan(100);
    expect(tally.creditsFiscalised).toBeGreaterThan(100);
    expect(tally.creditRules.get('credit-limit') ?? 0).toBeGreaterThan(10);
  }, 180_000);
});
