import type { DocumentKind } from '../contract/documents';

/** A document kind as a manager says it: "invoice", "credit note". */
export const kindInWords = (kind: DocumentKind): string => (kind === 'invoice' ? 'invoice' : 'credit note');
