import { keepPreviousData, useQueries } from '@tanstack/react-query';
import type { DocumentSummary, ListDocumentsInput } from '../../../shared/contract/documents';
import { documentKeys } from '../../api/use-documents';
import { unwrap } from '../../api/unwrap';
import { fiscal } from '../../bridge/fiscal';

export const PAGE_SIZE = 100;

export interface HistoryRows {
  /** How many documents match, once the first answer is in. */
  total: number | null;
  rowAt(index: number): DocumentSummary | undefined;
  isFetching: boolean;
  /** The rows on screen are the previous filter's, while the new answer comes. */
  isStale: boolean;
  error: unknown;
  refetch(): void;
}

/**
 * The rows a virtual list shows, fetched page by page from main as they scroll into view (never
 * the whole list). The first page always loads: it carries the total.
 */
export function useHistoryRows(input: Omit<ListDocumentsInput, 'offset' | 'limit'>, firstRow: number, lastRow: number): HistoryRows {
  const firstPage = Math.max(0, Math.floor(firstRow / PAGE_SIZE));
  const lastPage = Math.max(firstPage, Math.floor(Math.max(0, lastRow) / PAGE_SIZE));
  const pages = [0];
  for (let page = Math.max(1, firstPage); page <= lastPage; page += 1) pages.push(page);
  const results = useQueries({
    queries: pages.map((page) => {
      const query: ListDocumentsInput = { ...input, offset: page * PAGE_SIZE, limit: PAGE_SIZE };
      return {
        queryKey: documentKeys.list(query),
        queryFn: () => unwrap(fiscal().documents.list(query)),
        // The first page keeps showing the previous answer while the next one comes (no flash while typing).
        ...(page === 0 ? { placeholderData: keepPreviousData } : {}),
        staleTime: 5_000,
      };
    }),
  });
  const byPage = new Map(pages.map((page, index) => [page, results[index]!]));
  const first = results[0]!;
  return {
    total: first.data?.total ?? null,
    rowAt: (index) => byPage.get(Math.floor(index / PAGE_SIZE))?.data?.items[index % PAGE_SIZE],
    isFetching: results.some((result) => result.isFetching),
    isStale: first.isPlaceholderData,
    error: first.error,
    refetch: () => void first.refetch(),
  };
}
