import { useState } from 'react';
import { DOCUMENT_KINDS, DOCUMENT_STATES } from '../../../shared/contract/documents';
import { DateRangeFields } from './date-range-fields';
import { KIND_LABELS, NO_FILTERS, SORT_LABELS, SORTS, STATE_LABELS, hasFilters, type HistoryFilters } from './history-filters';

/** How many filters beyond the search are set (the sort is not a filter). */
export function activeFilterCount(filters: HistoryFilters): number {
  return [filters.kind, filters.state, filters.currency.trim(), filters.dateFrom, filters.dateTo].filter((value) => value !== '').length;
}

/** A small or short window (Electron's minimum is 900x600): the filters start folded away, so the list is on the first screen. */
const SMALL_WINDOW = '(max-width: 1000px), (max-height: 700px)';
const startsFolded = () => typeof window.matchMedia === 'function' && window.matchMedia(SMALL_WINDOW).matches;

/** Search and filters of the Documents screen; every change shows at once. */
export function FilterBar({ filters, onChange, onLeave }: { filters: HistoryFilters; onChange: (next: HistoryFilters) => void; onLeave?: () => void }) {
  const set = <K extends keyof HistoryFilters>(key: K, value: HistoryFilters[K]) => onChange({ ...filters, [key]: value });
  const [open, setOpen] = useState(() => !startsFolded());
  const count = activeFilterCount(filters);
  return (
    <form className="filter-bar" role="search" aria-label="Find documents" onSubmit={(event) => event.preventDefault()} onBlur={onLeave}>
      <div className="filter-bar__top">
        <div className="field filter-bar__search">
          <label htmlFor="documents-search">Search</label>
          <input
            id="documents-search"
            type="search"
            value={filters.search}
            maxLength={100}
            autoComplete="off"
            placeholder="Number, buyer, TIN, amount, ZIMRA number or verification code"
            onChange={(event) => set('search', event.target.value)}
          />
        </div>
        <button type="button" className="button filter-bar__toggle" aria-expanded={open} aria-controls="documents-filters" onClick={() => setOpen(!open)}>
          Filters ({count})
        </button>
      </div>
      <div id="documents-filters" className="filter-bar__more" hidden={!open}>
        <div className="field">
          <label htmlFor="documents-kind">Type</label>
          <select id="documents-kind" value={filters.kind} onChange={(event) => set('kind', event.target.value as HistoryFilters['kind'])}>
            <option value="">All</option>
            {DOCUMENT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="documents-state">State</label>
          <select id="documents-state" value={filters.state} onChange={(event) => set('state', event.target.value as HistoryFilters['state'])}>
            <option value="">All</option>
            {DOCUMENT_STATES.map((state) => (
              <option key={state} value={state}>
                {STATE_LABELS[state]}
              </option>
            ))}
          </select>
        </div>
        <div className="field filter-bar__currency">
          <label htmlFor="documents-currency">Currency</label>
          <input id="documents-currency" value={filters.currency} maxLength={10} autoComplete="off" placeholder="All" onChange={(event) => set('currency', event.target.value)} />
        </div>
        <DateRangeFields filters={filters} onChange={onChange} />
        <div className="field">
          <label htmlFor="documents-sort">Sort</label>
          <select id="documents-sort" value={filters.sort} onChange={(event) => set('sort', event.target.value as HistoryFilters['sort'])}>
            {SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {SORT_LABELS[sort]}
              </option>
            ))}
          </select>
        </div>
        {hasFilters(filters) ? (
          <button type="button" className="button filter-bar__clear" onClick={() => onChange({ ...NO_FILTERS, sort: filters.sort })}>
            Clear filters
          </button>
        ) : null}
      </div>
    </form>
  );
}
