import { useState } from 'react';
import { formatDate } from '../../components/format';
import { backwardsRange, type HistoryFilters } from './history-filters';

type Bound = 'dateFrom' | 'dateTo';

/**
 * The Documents filter's From and To days. A From after To is refused where it is typed: the
 * field keeps what was typed and says why, and the list keeps the last range that made sense.
 */
export function DateRangeFields({ filters, onChange }: { filters: HistoryFilters; onChange: (next: HistoryFilters) => void }) {
  const [refused, setRefused] = useState<{ bound: Bound; value: string } | null>(null);
  const change = (bound: Bound, value: string) => {
    const next = { ...filters, [bound]: value };
    if (backwardsRange(next)) {
      setRefused({ bound, value });
      return;
    }
    setRefused(null);
    onChange(next);
  };
  const message = refused === null
    ? null
    : refused.bound === 'dateFrom'
      ? `"From" must be on or before "To" (${formatDate(filters.dateTo)}). Choose an earlier day, or change "To" first.`
      : `"To" must be on or after "From" (${formatDate(filters.dateFrom)}). Choose a later day, or change "From" first.`;
  const field = (bound: Bound, id: string, label: string) => {
    const wrong = refused?.bound === bound;
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          type="date"
          value={wrong ? refused.value : filters[bound]}
          aria-invalid={wrong ? true : undefined}
          aria-describedby={wrong ? 'documents-dates-error' : undefined}
          onChange={(event) => change(bound, event.target.value)}
        />
        {wrong ? (
          <p id="documents-dates-error" role="alert" className="field__error">
            {message}
          </p>
        ) : null}
      </div>
    );
  };
  return (
    <>
      {field('dateFrom', 'documents-from', 'From')}
      {field('dateTo', 'documents-to', 'To')}
    </>
  );
}
