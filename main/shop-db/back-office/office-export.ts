import type pg from 'pg';
import type { ExportResult } from '../../../shared/contract/history';
import type { ShopExportInput } from '../../../shared/contract/shop-office';
import { shopExportInputSchema } from '../../../shared/contract/shop-office';
import { AppError } from '../../../shared/errors';
import { buildExport, deliverFile, EXPORT_MAX_ROWS, type LeadingColumns } from '../../services/history/history-export';
import type { FileSaver } from '../../services/history/history-service';
import { countOffice, officeRows } from './office-list';
import type { OfficeSummaryRow } from './office-rows';
import { resolveSearch } from './office-search';

const TILL_COLUMNS: LeadingColumns<OfficeSummaryRow> = {
  headings: ['Till', 'Branch'],
  widths: [18, 14],
  values: (row) => [row.till_label === '' ? row.station_id : row.till_label, row.branch],
};

/**
 * The filtered list of every till's documents as the local export writes it (history-export.ts),
 * with the till and branch of each first. The shop database keeps no tax per rate, so those
 * columns stay out.
 */
export async function exportOffice(db: pg.Pool, input: ShopExportInput, at: Date, saveFile: FileSaver | null): Promise<ExportResult> {
  const { format, sort, ...filter } = shopExportInputSchema.parse(input);
  const search = await resolveSearch(db, filter);
  const count = await countOffice(db, filter, search);
  if (count > EXPORT_MAX_ROWS) {
    throw new AppError('INVALID_INPUT', `The list has ${count.toLocaleString('en')} documents; an export holds at most ${EXPORT_MAX_ROWS.toLocaleString('en')}. Narrow it with a date range or other filters, then export again.`);
  }
  const rows = await officeRows(db, filter, sort, search, null);
  const file = await buildExport(rows, format, at, () => null, TILL_COLUMNS);
  return { rows: file.rows, totals: file.totals, file: await deliverFile(saveFile, file) };
}
