import { keepPreviousData, useQueries } from '@tanstack/react-query';
import type { DocumentSummary, ListDocumentsInput } from '../../../shared/contract/documents';
import type { ShopDocumentSummary, ShopListInput, ShopScope } from '../../../shared/contract/shop-office';
import { documentKeys } from '../../api/use-documents';
import { SHOP_REFRESH_MS, shopOfficeKeys } from '../../api/use-shop-office';
import { unwrap } from '../../api/unwrap';
import { fiscal } from '../../bridge/fiscal';

export const PAGE_SIZE = 100;

/** A row of this till's journal, or of the shop database (with the till it came from). */
export type ListedDocument = DocumentSummary | ShopDocumentSummary;

type Listed = { total: number; items: ListedDocument[]; capped?: true };

export interface HistoryRows {
  /** How many documents match, once the first answer is in. */
  total: number | null;
  /** More documents match than `total`: a broad search, counted only this far. */
  capped: boolean;
  rowAt(index: number): ListedDocument | undefined;
  isFetching: boolean;
  /** The rows on screen are the previous filter's, while the new answer comes. */
  isStale: boolean;
  error: unknown;
  refetch(): void;
}

/**
 * The rows a virtual list shows, fetched page by page from main as they scroll into view (never
 * the whole list). The first page always loads: it carries the total. With a shop scope the
 * pages come from the shop database (every till, a branch or one till) instead of this journal.
 */
export function useHistoryRows(input: Omit<ListDocumentsInput, 'offset' | 'limit'>, firstRow: number, lastRow: number, scope: ShopScope | null = null): HistoryRows {
  const firstPage = Math.max(0, Math.floor(firstRow / PAGE_SIZE));
  const lastPage = Math.max(firstPage, Math.floor(Math.max(0, lastRow) / PAGE_SIZE));
  const pages = [0];
  for (let page = Math.max(1, firstPage); page <= lastPage; page += 1) pages.push(page);
  const results = useQueries({
    queries: pages.map((page) => {
      const query: ListDocumentsInput = { ...input, offset: page * PAGE_SIZE, limit: PAGE_SIZE };
      // The first page keeps showing the previous answer while the next one comes (no flash while typing).
      const placeholder = page === 0 ? { placeholderData: keepPreviousData } : {};
      if (scope !== null) {
        const shopQuery: ShopListInput = { ...query, scope };
        return {
          queryKey: shopOfficeKeys.list(shopQuery),
          queryFn: (): Promise<Listed> => unwrap(fiscal().shopOffice.list(shopQuery)),
          ...placeholder,
          staleTime: 5_000,
          refetchInterval: SHOP_REFRESH_MS,
        };
      }
      return {
        queryKey: documentKeys.list(query),
        queryFn: (): Promise<Listed> => unwrap(fiscal().documents.list(query)),
        ...placeholder,
        staleTime: 5_000,
      };
    }),
  });
  const byPage = new Map(pages.map((page, index) => [page, results[index]!]));
  const first = results[0]!;
  return {
    total: first.data?.total ?? null,
    capped: first.data?.capped === true,
    rowAt: (index) => byPage.get(Math.floor(index / PAGE_SIZE))?.data?.items[index % PAGE_SIZE],
    isFetching: results.some((result) => result.isFetching),
    isStale: first.isPlaceholderData,
    error: first.error,
    refetch: () => void first.refetch(),
  };
}
