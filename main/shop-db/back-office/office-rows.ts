import type { ShopDocumentSummary } from '../../../shared/contract/shop-office';
import { summaryOf, type SummaryRow } from '../../store/journal/history-query';

/** A moment as the journal writes it (JavaScript's toISOString), for dates that cross IPC. */
export const isoText = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The summary's columns from shop.documents `d` joined to shop.tills `t`, named as the journal's
 * history names them (so the local list's mapping and export read them), amounts as text.
 */
export const OFFICE_SUMMARY_COLUMNS = `d.id::text AS id, d.profile_id, d.kind, d.state, d.number, d.issued_at, d.buyer_name, d.buyer_tin, d.currency,
  d.total::text AS total, d.verification_code, d.zimra_number, d.fiscal_day, d.service_error,
  ${isoText('d.created_at')} AS created_at, ${isoText('d.updated_at')} AS updated_at,
  d.station_id, d.branch, coalesce(t.label, '') AS till_label`;

export type OfficeSummaryRow = SummaryRow & { station_id: string; branch: string; till_label: string };

export function officeSummaryOf(row: OfficeSummaryRow): ShopDocumentSummary {
  return { ...summaryOf(row), stationId: row.station_id, tillLabel: row.till_label, branch: row.branch };
}
