import type { DocumentDraft, DocumentKind } from '../../../shared/contract/documents';
import { documentBody } from '../../../shared/domain/fiscal-harmony/document-body';
import { CreditNoteSchema, InvoiceSchema } from '../../../shared/domain/fiscal-harmony/schemas';
import { wireDocument } from '../entry/wire-document';
import { exactJsonNumber, stringifyExactJson } from '../../../shared/domain/exact-json';
import type { PercentOf } from '../../../shared/domain/fiscal-harmony/draft-figures';

// `JSON.parse`'s reviver gets each number's source text (Node 21+); TypeScript's lib lacks it.
type Reviver = (key: string, value: unknown, context?: { source?: string }) => unknown;
const parseWithSource = JSON.parse as (text: string, reviver: Reviver) => unknown;

export interface WireSource {
  id: string;
  kind: DocumentKind;
  number: string;
  /** ISO date with offset, CAT. */
  date: string;
  draft: DocumentDraft;
  /** The tax percent of each code on the document's date, as the pre-submission check found it. */
  percentOf: PercentOf;
  /** Credit notes: the credited invoice's id. */
  originalInvoiceId: string | null;
}

/**
 * The Invoice or CreditNote body of fh-api.md section 4, built once when the document is queued
 * and kept as JSON text: every attempt sends the same document. It is the body invoice entry's
 * check judges (entry/wire-document.ts, the one the property test sends to the sandbox),
 * validated by the wire schema, with amounts as JSON numbers written from their decimal text.
 */
export function wireDocumentJson(source: WireSource): string {
  const identity = { id: source.id, number: source.number, date: source.date, isRetry: false, ...(source.originalInvoiceId === null ? {} : { originalInvoiceId: source.originalInvoiceId }) };
  const document = wireDocument(source.draft, identity, source.percentOf);
  const body = source.kind === 'invoice' ? documentBody(InvoiceSchema.parse(document)) : documentBody(CreditNoteSchema.parse(document));
  return stringifyExactJson(body);
}

/**
 * The stored body, ready to send, with `IsRetry` set. Numbers are revived from their source text
 * so the body sent is the body stored, to the last digit.
 */
export function wireBodyToSend(wireJson: string, isRetry: boolean): Record<string, unknown> {
  const body = parseWithSource(wireJson, (_key, value, context) =>
    typeof value === 'number' && context?.source !== undefined ? exactJsonNumber(context.source) : value,
  ) as Record<string, unknown>;
  body.IsRetry = isRetry;
  return body;
}
