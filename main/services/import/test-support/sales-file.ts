/**
 * A till's export for tests: documents of a few lines each for the demo shop's mappings (VAT15,
 * ZR, EX; USD), with problems planted on chosen rows. Written by hand, not by the import's code.
 */
export const SALES_HEADINGS = ['Invoice', 'Customer', 'TIN', 'Currency', 'Description', 'Qty', 'Price', 'Tax', 'HS Code'] as const;

export type PlantedProblem = 'hs-code' | 'tax-unmapped' | 'buyer-tin' | 'number' | 'currency-unmapped';

export interface SalesFile {
  headings: string[];
  rows: string[][];
  /** The row number (heading row = 1) of each planted problem, with the document it is in. */
  planted: { row: number; problem: PlantedProblem; document: string; column: string }[];
  /** Each document's reference with its rows' row numbers. */
  documents: { reference: string; rows: number[] }[];
}

const PRODUCTS = [
  { description: 'Cooking oil 2 l', price: '4.60', tax: 'VAT15', hs: '15079000' },
  { description: 'Bread', price: '1.15', tax: 'ZR', hs: '19059000' },
  { description: 'Cement 50 kg', price: '12.35', tax: 'VAT15', hs: '25232900' },
  { description: 'School exercise book', price: '0.45', tax: 'EX', hs: '48202000' },
  { description: 'Nails 3 inch 1 kg', price: '3.05', tax: 'VAT15', hs: '73170000' },
] as const;

/** `lines(i)` rows for document i; `problems` maps a document index to what goes wrong in it. */
export function salesFile(options: { documents: number; lines: (index: number) => number; problems?: ReadonlyMap<number, PlantedProblem>; prefix?: string }): SalesFile {
  const rows: string[][] = [];
  const planted: SalesFile['planted'] = [];
  const documents: SalesFile['documents'] = [];
  for (let d = 0; d < options.documents; d += 1) {
    const reference = `${options.prefix ?? 'T'}-${String(1001 + d)}`;
    const problem = options.problems?.get(d);
    const count = options.lines(d);
    const numbers: number[] = [];
    for (let l = 0; l < count; l += 1) {
      const product = PRODUCTS[(d + l) % PRODUCTS.length]!;
      const row = [reference, d % 3 === 0 ? 'Msasa Builders' : '', d % 3 === 0 ? '2000123456' : '', 'USD', product.description, String(1 + ((d + 2 * l) % 4)), product.price, product.tax, product.hs];
      const number = rows.length + 2;
      // Document-level problems on every row of the document (shown on its first), line problems on its last.
      if (problem === 'buyer-tin') {
        row[1] = 'Msasa Builders';
        row[2] = '12345';
      }
      if (problem === 'currency-unmapped') row[3] = 'EUR';
      if (problem === 'hs-code' && l === count - 1) row[8] = '1234';
      if (problem === 'tax-unmapped' && l === count - 1) row[7] = 'XX';
      if (problem === 'number' && l === count - 1) row[5] = 'two';
      const column = { 'buyer-tin': 'TIN', 'currency-unmapped': 'Currency', 'hs-code': 'HS Code', 'tax-unmapped': 'Tax', number: 'Qty' } as const;
      if (problem !== undefined && ((l === 0 && (problem === 'buyer-tin' || problem === 'currency-unmapped')) || (l === count - 1 && !(problem === 'buyer-tin' || problem === 'currency-unmapped')))) {
        planted.push({ row: number, problem, document: reference, column: column[problem] });
      }
      rows.push(row);
      numbers.push(number);
    }
    documents.push({ reference, rows: numbers });
  }
  return { headings: [...SALES_HEADINGS], rows, planted, documents };
}

/** As CSV text (the cells here need no quoting). */
export function asCsv(file: Pick<SalesFile, 'headings' | 'rows'>, separator = ','): string {
  return [file.headings, ...file.rows].map((cells) => cells.join(separator)).join('\r\n') + '\r\n';
}
