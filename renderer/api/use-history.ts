import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ExportInput, FileDelivery, PrintLayoutName } from '../../shared/contract/history';
import { fiscal } from '../bridge/fiscal';
import { documentKeys } from './use-documents';
import { unwrap } from './unwrap';

/** Query keys of the history domain ('service' first: a connection change resets them). */
export const historyKeys = {
  all: ['service', 'history'] as const,
  dashboard: ['service', 'history', 'dashboard'] as const,
  receipt: (id: string) => ['service', 'history', 'receipt', id] as const,
  pdf: (id: string) => ['service', 'history', 'pdf', id] as const,
};

/** Refetches documents and the dashboard when main reports changed documents or outbox counts. */
export function useDocumentsLive(): void {
  const client = useQueryClient();
  useEffect(() => {
    const refresh = () => {
      void client.invalidateQueries({ queryKey: documentKeys.all });
      void client.invalidateQueries({ queryKey: historyKeys.dashboard });
    };
    const unsubscribers = [
      fiscal().events.on('documents:changed', (change) => {
        refresh();
        for (const { id } of change.changes) void client.invalidateQueries({ queryKey: historyKeys.receipt(id) });
      }),
      fiscal().events.on('outbox:progress', (state) => {
        client.setQueryData(documentKeys.outbox, state);
        void client.invalidateQueries({ queryKey: historyKeys.dashboard });
      }),
    ];
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, [client]);
}

export function useDashboard() {
  // Read again whenever Home opens: documents may have changed while another screen was open.
  return useQuery({ queryKey: historyKeys.dashboard, queryFn: () => unwrap(fiscal().history.dashboard()), staleTime: 0 });
}

export function useReceipt(id: string | null) {
  return useQuery({ queryKey: historyKeys.receipt(id ?? ''), queryFn: () => unwrap(fiscal().history.receipt({ id: id ?? '' })), enabled: id !== null });
}

/** Notes a printout (the document's timeline; the next fiscal printout says COPY). */
export function useRecordPrint() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; layout: PrintLayoutName }) => unwrap(fiscal().history.recordPrint(input)),
    onSettled: (_result, _error, input) => {
      void client.invalidateQueries({ queryKey: historyKeys.receipt(input.id) });
      void client.invalidateQueries({ queryKey: documentKeys.all });
    },
  });
}

/** The service's PDF: main keeps it once downloaded, so it never goes stale here either. */
export function usePdf(id: string | null) {
  return useQuery({
    queryKey: historyKeys.pdf(id ?? ''),
    queryFn: () => unwrap(fiscal().history.pdf({ id: id ?? '' })),
    enabled: id !== null,
    staleTime: Infinity,
    gcTime: 60_000,
  });
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** Browser mode: the page downloads what main produced (the desktop app saved it already). */
export function downloadDelivered(delivery: FileDelivery): void {
  if (delivery.kind !== 'download') return;
  const url = URL.createObjectURL(new Blob([base64ToBytes(delivery.base64)], { type: delivery.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = delivery.fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function useSavePdf() {
  return useMutation({
    mutationFn: async (id: string) => {
      const delivery = await unwrap(fiscal().history.savePdf({ id }));
      downloadDelivered(delivery);
      return delivery;
    },
  });
}

export function useExport() {
  return useMutation({
    mutationFn: async (input: ExportInput) => {
      const result = await unwrap(fiscal().history.export(input));
      downloadDelivered(result.file);
      return result;
    },
  });
}
