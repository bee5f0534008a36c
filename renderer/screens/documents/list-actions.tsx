import { useState } from 'react';
import type { ExportFormat } from '../../../shared/contract/history';
import { useCheckStatus } from '../../api/use-documents';
import { useExport } from '../../api/use-history';
import { FiscalCallError } from '../../api/unwrap';
import type { HistoryFilters } from './history-filters';
import { listInput } from './history-filters';

const errorText = (error: unknown) => (error instanceof FiscalCallError ? error.message : 'Something went wrong. Please try again.');

/** Check the status of the selected documents, and export the filtered list. */
export function ListActions({ filters, selected, onClearSelection }: { filters: HistoryFilters; selected: ReadonlySet<string>; onClearSelection: () => void }) {
  const check = useCheckStatus();
  const exporting = useExport();
  const [message, setMessage] = useState<string | null>(null);

  const checkSelected = () => {
    setMessage(null);
    check.mutate([...selected].slice(0, 100), {
      onSuccess: ({ checked, changed }) => {
        setMessage(`Asked Fiscal Harmony about ${checked} ${checked === 1 ? 'document' : 'documents'}: ${changed} changed.`);
        onClearSelection();
      },
      onError: (error) => setMessage(errorText(error)),
    });
  };
  const exportAs = (format: ExportFormat) => {
    setMessage(null);
    exporting.mutate(
      { ...listInput(filters), format },
      {
        onSuccess: (result) => {
          const where = result.file.kind === 'saved' ? ` Saved to ${result.file.path}.` : result.file.kind === 'cancelled' ? ' Not saved.' : '';
          setMessage(`Exported ${result.rows} ${result.rows === 1 ? 'document' : 'documents'} as ${format.toUpperCase()}.${where}`);
        },
        onError: (error) => setMessage(errorText(error)),
      },
    );
  };

  return (
    <div className="list-actions">
      <div className="button-row">
        <button type="button" className="button" disabled={selected.size === 0 || check.isPending} onClick={checkSelected}>
          {check.isPending ? 'Checking…' : selected.size === 0 ? 'Check status of selected' : `Check status of ${selected.size} selected`}
        </button>
        <button type="button" className="button" disabled={exporting.isPending} onClick={() => exportAs('csv')}>
          Export CSV
        </button>
        <button type="button" className="button" disabled={exporting.isPending} onClick={() => exportAs('xlsx')}>
          Export Excel
        </button>
      </div>
      <p className="list-actions__message" role="status" aria-live="polite">
        {message}
      </p>
    </div>
  );
}
