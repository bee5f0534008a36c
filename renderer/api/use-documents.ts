import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { DocumentDetail, ListDocumentsInput, SaveDraftInput } from '../../shared/contract/documents';
import type { EntryCheckInput } from '../../shared/contract/entry';
import { fiscal } from '../bridge/fiscal';
import { unwrap } from './unwrap';

/** Query keys of documents, the outbox and invoice entry ('service' first: a connection change resets them). */
export const documentKeys = {
  all: ['service', 'documents'] as const,
  one: (id: string) => ['service', 'documents', 'one', id] as const,
  list: (input: ListDocumentsInput) => ['service', 'documents', 'list', input] as const,
  outbox: ['outbox'] as const,
  entry: ['service', 'entry'] as const,
  entryOptions: ['service', 'entry', 'options'] as const,
};

// ---- Documents ---------------------------------------------------------------------------------

export function useDocument(id: string | null) {
  return useQuery({
    queryKey: documentKeys.one(id ?? ''),
    queryFn: () => unwrap(fiscal().documents.get({ id: id ?? '' })),
    enabled: id !== null,
    staleTime: 0,
  });
}

export function useDocumentList(input: ListDocumentsInput, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: documentKeys.list(input),
    queryFn: () => unwrap(fiscal().documents.list(input)),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** Drafts and documents that need a fix: what the manager may continue. */
export function useDrafts() {
  return useDocumentList({ states: ['draft', 'needs-fix'], sort: 'newest', limit: 20 });
}

function useDocumentMutation<I>(call: (input: I) => Promise<DocumentDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (detail) => {
      client.setQueryData(documentKeys.one(detail.id), detail);
      void client.invalidateQueries({ queryKey: [...documentKeys.all, 'list'] });
    },
  });
}

export function useSaveDraft() {
  return useDocumentMutation((input: SaveDraftInput) => unwrap(fiscal().documents.saveDraft(input)));
}

export function useQueueDocument() {
  return useDocumentMutation((id: string) => unwrap(fiscal().documents.queue({ id })));
}

export function useResendDocument() {
  return useDocumentMutation((id: string) => unwrap(fiscal().documents.resend({ id })));
}

export function useDiscardDraft() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(fiscal().documents.discardDraft({ id })),
    onSuccess: ({ id }) => {
      client.removeQueries({ queryKey: documentKeys.one(id) });
      void client.invalidateQueries({ queryKey: [...documentKeys.all, 'list'] });
    },
  });
}

/** "Check with Fiscal Harmony" on a document that needs attention: the detail comes back with the answer. */
export function useCheckAttention() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(fiscal().documents.checkAttention({ id })),
    onSuccess: (check) => {
      client.setQueryData(documentKeys.one(check.document.id), check.document);
      void client.invalidateQueries({ queryKey: [...documentKeys.all, 'list'] });
    },
  });
}

export function useConfirmFromPortal() {
  return useDocumentMutation((input: { id: string; found: string }) => unwrap(fiscal().documents.confirmFromPortal(input)));
}

export function useResendNeverArrived() {
  return useDocumentMutation((id: string) => unwrap(fiscal().documents.resendNeverArrived({ id })));
}

export function useCheckStatus() {
  return useMutation({ mutationFn: (ids: string[]) => unwrap(fiscal().documents.checkStatus({ ids })) });
}

// ---- Outbox ------------------------------------------------------------------------------------

/** The outbox at a glance; kept current by the outbox:progress event. */
export function useOutboxState() {
  return useQuery({ queryKey: documentKeys.outbox, queryFn: () => unwrap(fiscal().outbox.state()), staleTime: 60_000 });
}

function useOutboxAction(call: () => ReturnType<ReturnType<typeof fiscal>['outbox']['state']>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: () => unwrap(call()), onSuccess: (state) => client.setQueryData(documentKeys.outbox, state) });
}

export const usePauseOutbox = () => useOutboxAction(() => fiscal().outbox.pause());
export const useResumeOutbox = () => useOutboxAction(() => fiscal().outbox.resume());
export const useRetryOutboxNow = () => useOutboxAction(() => fiscal().outbox.retryNow());

// ---- Invoice entry -----------------------------------------------------------------------------

/** The value, once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function useEntryOptions() {
  return useQuery({ queryKey: documentKeys.entryOptions, queryFn: () => unwrap(fiscal().entry.options()) });
}

/**
 * The pre-submission check of what is typed, run in main shortly after typing stops. `current`
 * says whether the answer is for what is typed now (not an earlier answer kept while the next
 * one is on its way).
 */
export function useEntryCheck(input: EntryCheckInput | null) {
  const settled = useDebounced(input, 250);
  const query = useQuery({
    queryKey: [...documentKeys.entry, 'check', settled],
    queryFn: () => unwrap(fiscal().entry.check(settled!)),
    enabled: settled !== null,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
  return { ...query, current: settled === input && query.data !== undefined && !query.isPlaceholderData };
}

export function useFindBuyers(query: string, enabled: boolean) {
  const settled = useDebounced(query, 120);
  return useQuery({
    queryKey: [...documentKeys.entry, 'buyers', settled],
    queryFn: () => unwrap(fiscal().entry.findBuyers({ query: settled })),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useSuggestLines(query: string, currency: string) {
  const settled = useDebounced(query.trim(), 120);
  return useQuery({
    queryKey: [...documentKeys.entry, 'lines', currency, settled],
    queryFn: () => unwrap(fiscal().entry.suggestLines({ query: settled, currency })),
    enabled: settled.length >= 2,
    placeholderData: keepPreviousData,
  });
}

/** The HS code last sent with exactly this description (any case), from the journal's memory of sent lines; null when none. */
export function useRememberedHsCode() {
  const client = useQueryClient();
  return async (description: string, currency: string): Promise<string | null> => {
    const text = description.trim();
    if (text.length < 2) return null;
    const lines = await client.fetchQuery({
      queryKey: [...documentKeys.entry, 'lines', currency, text],
      queryFn: () => unwrap(fiscal().entry.suggestLines({ query: text, currency })),
      staleTime: 5_000,
    });
    const same = lines.find((line) => line.description.toLowerCase() === text.toLowerCase() && line.hsCode.trim() !== '');
    return same?.hsCode ?? null;
  };
}

export function useFindInvoices(query: string) {
  const settled = useDebounced(query, 150);
  return useQuery({
    queryKey: [...documentKeys.entry, 'invoices', settled],
    queryFn: () => unwrap(fiscal().entry.findInvoices({ query: settled })),
    placeholderData: keepPreviousData,
  });
}

export function useCreditBasis(invoiceId: string | null) {
  return useQuery({
    queryKey: [...documentKeys.entry, 'credit-basis', invoiceId],
    queryFn: () => unwrap(fiscal().entry.creditBasis({ invoiceId: invoiceId ?? '' })),
    enabled: invoiceId !== null,
    staleTime: 0,
  });
}

