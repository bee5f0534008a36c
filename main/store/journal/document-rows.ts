import type { DocumentKind, DocumentState } from '../../../shared/contract/documents';

/** A row of `documents`, as stored (amounts are decimal strings, times in the outbox are epoch ms). */
export interface DocumentRow {
  id: string;
  profile_id: string;
  kind: DocumentKind;
  state: DocumentState;
  /** The draft as typed, compressed (`document-body.ts`). */
  draft: Uint8Array;
  number: string | null;
  issued_at: string | null;
  currency: string;
  buyer_name: string;
  buyer_tin: string | null;
  buyer_id: number | null;
  original_id: string | null;
  sub_total: string | null;
  total_tax: string | null;
  total: string | null;
  /** The exact JSON body sent on every attempt, compressed; null until queued. */
  wire: Uint8Array | null;
  is_retry: number;
  ambiguous: number;
  attempts: number;
  next_attempt_at: number | null;
  lease_owner: string | null;
  lease_until: number | null;
  request_id: string | null;
  submitted_at: number | null;
  next_poll_at: number | null;
  polls: number;
  service_error: string | null;
  last_failure: string | null;
  qr_url: string | null;
  verification_code: string | null;
  fiscal_day: number | null;
  device_id: number | null;
  zimra_number: number | null;
  pdf_token: string | null;
  created_at: string;
  updated_at: string;
}

export interface LineRow {
  document_id: string;
  position: number;
  description: string;
  quantity: string;
  unit_amount: string;
  discount_amount: string;
  tax_code: string;
  hs_code: string;
  line_amount: string | null;
}

/** A row of the buyers register (migration 001), one per name and TIN of a profile. */
export interface BuyerRow {
  id: number;
  profile_id: string;
  name: string;
  trade_name: string;
  tin: string;
  vat_number: string;
  phone: string;
  email: string;
  address_json: string;
  last_used_at: string;
  use_count: number;
}

export interface EventRow {
  id: number;
  document_id: string;
  at: string;
  from_state: DocumentState | null;
  to_state: DocumentState;
  note: string;
}

/** Columns a state change may set besides `state` and `updated_at`. */
export type DocumentChanges = Partial<Omit<DocumentRow, 'id' | 'profile_id' | 'kind' | 'state' | 'created_at' | 'updated_at'>>;
