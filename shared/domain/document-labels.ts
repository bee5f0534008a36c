import type { DocumentKind, DocumentState } from '../contract/documents';

/** A document's state as the manager reads it, on screen and in an export. */
export const STATE_LABELS: Record<DocumentState, string> = {
  draft: 'Draft',
  queued: 'Waiting to send',
  sending: 'Sending',
  submitted: 'Waiting for result',
  fiscalised: 'Fiscalised',
  'needs-fix': 'Needs a fix',
  rejected: 'Rejected',
  'needs-attention': 'Needs attention',
};

export const KIND_LABELS: Record<DocumentKind, string> = { invoice: 'Invoice', 'credit-note': 'Credit note' };
