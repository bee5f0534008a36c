import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import { taxCopySchema, type TaxCopy } from './fiscal-copies';

/** Each document's tax per rate as sent (null without a fiscal copy), one prepared lookup for many documents (the export). */
export function fiscalTaxesOf(db: DatabaseSync): (documentId: string) => TaxCopy[] | null {
  const statement = db.prepare('SELECT taxes_json FROM fiscal_copies WHERE document_id = ?');
  return (documentId) => {
    const row = statement.get(documentId) as { taxes_json: string } | undefined;
    if (row === undefined) return null;
    const taxes = z.array(taxCopySchema).safeParse(JSON.parse(row.taxes_json));
    return taxes.success ? taxes.data : null;
  };
}
