import { DOCUMENT_KINDS, DOCUMENT_STATES, type DocumentKind, type DocumentState, type ListDocumentsInput } from '../../../shared/contract/documents';

export const SORTS = ['newest', 'oldest', 'number', 'total-desc', 'total-asc'] as const;
export type HistorySort = (typeof SORTS)[number];

export const SORT_LABELS: Record<HistorySort, string> = {
  newest: 'Newest first',
  oldest: 'Oldest first',
  number: 'Number, highest first',
  'total-desc': 'Largest amount first',
  'total-asc': 'Smallest amount first',
};

export { KIND_LABELS, STATE_LABELS } from '../../../shared/domain/document-labels';

/** What the Documents screen filters by; kept in the address so a link can open a filtered list. */
export interface HistoryFilters {
  search: string;
  kind: DocumentKind | '';
  state: DocumentState | '';
  currency: string;
  dateFrom: string;
  dateTo: string;
  sort: HistorySort;
}

export const NO_FILTERS: HistoryFilters = { search: '', kind: '', state: '', currency: '', dateFrom: '', dateTo: '', sort: 'newest' };

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
const oneOf = <T extends string>(values: readonly T[], value: string | null): T | '' => (values as readonly string[]).includes(value ?? '') ? (value as T) : '';

export function filtersFromParams(params: URLSearchParams): HistoryFilters {
  const sort = oneOf(SORTS, params.get('sort'));
  return {
    search: (params.get('q') ?? '').slice(0, 100),
    kind: oneOf(DOCUMENT_KINDS, params.get('kind')),
    state: oneOf(DOCUMENT_STATES, params.get('state')),
    currency: (params.get('currency') ?? '').slice(0, 10),
    dateFrom: isDay(params.get('from') ?? '') ? params.get('from')! : '',
    dateTo: isDay(params.get('to') ?? '') ? params.get('to')! : '',
    sort: sort === '' ? 'newest' : sort,
  };
}

export function paramsFromFilters(filters: HistoryFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.search !== '') params.set('q', filters.search);
  if (filters.kind !== '') params.set('kind', filters.kind);
  if (filters.state !== '') params.set('state', filters.state);
  if (filters.currency !== '') params.set('currency', filters.currency);
  if (filters.dateFrom !== '') params.set('from', filters.dateFrom);
  if (filters.dateTo !== '') params.set('to', filters.dateTo);
  if (filters.sort !== 'newest') params.set('sort', filters.sort);
  return params;
}

/** From after To: no day is in the range (the filter bar refuses it; an address holding one is read without dates). */
export const backwardsRange = (filters: Pick<HistoryFilters, 'dateFrom' | 'dateTo'>): boolean =>
  isDay(filters.dateFrom) && isDay(filters.dateTo) && filters.dateFrom > filters.dateTo;

/** The list query main answers (paging added by the list). */
export function listInput(filters: HistoryFilters): Omit<ListDocumentsInput, 'offset' | 'limit'> {
  return {
    search: filters.search.trim(),
    kinds: filters.kind === '' ? [] : [filters.kind],
    states: filters.state === '' ? [] : [filters.state],
    currency: filters.currency.trim().toUpperCase(),
    dateFrom: isDay(filters.dateFrom) && !backwardsRange(filters) ? filters.dateFrom : null,
    dateTo: isDay(filters.dateTo) && !backwardsRange(filters) ? filters.dateTo : null,
    sort: filters.sort,
  };
}

export const hasFilters = (filters: HistoryFilters): boolean =>
  filters.search !== '' || filters.kind !== '' || filters.state !== '' || filters.currency !== '' || filters.dateFrom !== '' || filters.dateTo !== '';

/** "1 document matches", "3 documents match"; without filters, "3 documents". */
export function matchCount(total: number, filtered: boolean, capped = false): string {
  if (capped) return `More than ${total.toLocaleString('en')} documents match: type more to narrow the list`;
  const documents = `${total.toLocaleString('en')} ${total === 1 ? 'document' : 'documents'}`;
  return filtered ? `${documents} ${total === 1 ? 'matches' : 'match'}` : documents;
}
