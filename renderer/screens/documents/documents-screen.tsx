import { startTransition, useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { Route, Routes, useSearchParams } from 'react-router';
import type { DocumentSummary } from '../../../shared/contract/documents';
import { useDocumentsLive } from '../../api/use-history';
import { Page } from '../../components/page';
import { shopScopeOf } from '../back-office/scope';
import { ScopeSwitch, useViewScope } from '../back-office/scope-switch';
import { ShopDocumentDetailScreen } from '../back-office/shop-document-detail';
import { DocumentDetailScreen } from './document-detail';
import { DocumentList } from './document-list';
import { FilterBar } from './filter-bar';
import { filtersFromParams, hasFilters, listInput, matchCount, paramsFromFilters, type HistoryFilters } from './history-filters';
import { ListActions } from './list-actions';
import { PrintScreen } from './print/print-screen';
import './documents.css';

/** How long typing pauses before the address follows the filters. */
const ADDRESS_DELAY_MS = 400;

export function DocumentsScreen() {
  useDocumentsLive();
  return (
    <Routes>
      <Route index element={<HistoryScreen />} />
      <Route path="shop/:id" element={<ShopDocumentDetailScreen />} />
      <Route path=":id" element={<DocumentDetailScreen />} />
      <Route path=":id/print/:layout" element={<PrintScreen />} />
    </Routes>
  );
}

function HistoryScreen() {
  const [params, setParams] = useSearchParams();
  const { scope, setScope } = useViewScope();
  const shopScope = useMemo(() => shopScopeOf(scope), [scope]);
  const [filters, setFilters] = useState<HistoryFilters>(() => filtersFromParams(params));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [count, setCount] = useState<{ total: number | null; stale: boolean; capped: boolean }>({ total: null, stale: true, capped: false });
  // Typing stays responsive: the list follows the filters as soon as React has time.
  const deferred = useDeferredValue(filters);
  const input = useMemo(() => listInput(deferred), [deferred]);

  // The address (which Back returns to) follows the filters once typing pauses or the filters
  // lose focus, not on each keystroke: each navigation re-renders the whole shell and costs
  // Chromium about 7 ms, which the list would wait for.
  const writeAddress = useCallback(() => {
    const next = paramsFromFilters(filters);
    const scopeParam = params.get('scope');
    if (scopeParam !== null) next.set('scope', scopeParam);
    if (next.toString() !== params.toString()) startTransition(() => setParams(next, { replace: true }));
  }, [filters, params, setParams]);
  useEffect(() => {
    const timer = setTimeout(writeAddress, ADDRESS_DELAY_MS);
    return () => clearTimeout(timer);
  }, [writeAddress]);
  const change = setFilters;
  const toggle = useCallback((document: DocumentSummary) => {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(document.id)) next.delete(document.id);
      else next.add(document.id);
      return next;
    });
  }, []);
  const onTotal = useCallback((total: number | null, stale: boolean, capped: boolean) => setCount({ total, stale, capped }), []);
  const clearSelection = useCallback(() => setSelected(new Set()), []);

  return (
    <Page
      title="Documents"
      summary={shopScope === null ? 'Every document of this connection: find it, check its status, print it or export the list' : 'Every till’s documents, as they copied them to the shop database'}
    >
      <ScopeSwitch
        scope={scope}
        onChange={(next) => {
          setSelected(new Set());
          setScope(next);
        }}
      />
      <FilterBar filters={filters} onChange={change} onLeave={writeAddress} />
      <div className="history-toolbar">
        <p className="history-toolbar__count" role="status" aria-live="polite" data-testid="documents-count">
          {count.total === null ? 'Loading documents…' : matchCount(count.total, hasFilters(deferred), count.capped)}
        </p>
        <ListActions filters={deferred} selected={selected} onClearSelection={clearSelection} scope={shopScope} />
      </div>
      {count.total === 0 && !count.stale ? (
        <div className="notice" role="status">
          <h2 className="notice__title">{hasFilters(deferred) ? 'No document matches' : 'No documents yet'}</h2>
          <p>{hasFilters(deferred) ? 'Try fewer words or clear the filters.' : 'Documents appear here once you save or send an invoice in New invoice.'}</p>
        </div>
      ) : null}
      <DocumentList input={input} selected={selected} onToggle={toggle} onTotal={onTotal} scope={shopScope} />
    </Page>
  );
}
