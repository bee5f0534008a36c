import { memo, useState } from 'react';
import type { ExportFormat, ExportResult } from '../../../shared/contract/history';
import type { ShopScope } from '../../../shared/contract/shop-office';
import { useCheckStatus } from '../../api/use-documents';
import { useExport } from '../../api/use-history';
import { useShopExport } from '../../api/use-shop-office';
import { messageOf } from '../../api/unwrap';
import type { HistoryFilters } from './history-filters';
import { listInput } from './history-filters';


const documents = (count: number) => `${count} ${count === 1 ? 'document' : 'documents'}`;

/** Only documents still waiting for their result are asked about; the others' state is final. */
function checkedMessage(selected: number, checked: number, changed: number): string {
  if (checked === 0) {
    return selected === 1
      ? 'The selected document is not waiting for a result from Fiscal Harmony: nothing to check.'
      : `None of the ${selected} selected documents is waiting for a result from Fiscal Harmony: nothing to check.`;
  }
  const asked = `Asked Fiscal Harmony about ${documents(checked)} waiting for a result: ${changed === 0 ? 'no new result yet' : `${changed} came in`}.`;
  const others = selected - checked;
  return others === 0 ? asked : `${asked} The other ${others} ${others === 1 ? 'is' : 'are'} not waiting for one.`;
}

/** Check the status of the selected documents, and export the filtered list (of every till, with a shop scope). */
export const ListActions = memo(function ListActions({ filters, selected, onClearSelection, scope = null }: { filters: HistoryFilters; selected: ReadonlySet<string>; onClearSelection: () => void; scope?: ShopScope | null }) {
  const check = useCheckStatus();
  const localExport = useExport();
  const shopExport = useShopExport();
  const exporting = scope === null ? localExport : shopExport;
  const [message, setMessage] = useState<string | null>(null);

  const checkSelected = () => {
    setMessage(null);
    const ids = [...selected].slice(0, 100);
    check.mutate(ids, {
      onSuccess: ({ checked, changed }) => {
        setMessage(checkedMessage(ids.length, checked, changed));
        onClearSelection();
      },
      onError: (error) => setMessage(messageOf(error)),
    });
  };
  const exportAs = (format: ExportFormat) => {
    setMessage(null);
    const done = {
      onSuccess: (result: ExportResult) => {
        const where = result.file.kind === 'saved' ? ` Saved to ${result.file.path}.` : result.file.kind === 'cancelled' ? ' Not saved.' : '';
        setMessage(`Exported ${result.rows} ${result.rows === 1 ? 'document' : 'documents'} as ${format.toUpperCase()}.${where}`);
      },
      onError: (error: unknown) => setMessage(messageOf(error)),
    };
    if (scope === null) localExport.mutate({ ...listInput(filters), format }, done);
    else shopExport.mutate({ ...listInput(filters), format, scope }, done);
  };

  return (
    <div className="list-actions">
      <div className="button-row">
        {scope === null ? (
          <button type="button" className="button" disabled={selected.size === 0 || check.isPending} onClick={checkSelected}>
            {check.isPending ? 'Checking…' : selected.size === 0 ? 'Check status of selected' : `Check status of ${selected.size} selected`}
          </button>
        ) : null}
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
});
