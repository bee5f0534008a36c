import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { fiscal } from '../bridge/fiscal';
import { queryKeys } from './keys';
import { documentKeys } from './use-documents';

/** Keeps React Query in step with what main reports. */
export function useEventInvalidation(): void {
  const client = useQueryClient();
  useEffect(() => {
    const unsubscribers = [
      fiscal().events.on('settings:changed', (saved) => client.setQueryData(queryKeys.settings, saved)),
      fiscal().events.on('update:status', (status) => client.setQueryData(queryKeys.updates, status)),
      fiscal().events.on('connections:token-state', ({ profileId, state }) => client.setQueryData(queryKeys.tokenState(profileId), state)),
      fiscal().events.on('mappings:changed', () => {
        // A change made here refetches when its mutation settles; refetching sooner would undo other optimistic changes.
        if (client.isMutating({ mutationKey: queryKeys.mappings }) === 0) void client.invalidateQueries({ queryKey: queryKeys.mappings });
      }),
      fiscal().events.on('readiness:changed', () => void client.invalidateQueries({ queryKey: queryKeys.readiness })),
      fiscal().events.on('documents:changed', () => void client.invalidateQueries({ queryKey: documentKeys.all })),
      fiscal().events.on('outbox:progress', (state) => client.setQueryData(documentKeys.outbox, state)),
      fiscal().events.on('connections:changed', () => {
        void client.invalidateQueries({ queryKey: queryKeys.connections });
        void client.invalidateQueries({ queryKey: queryKeys.service });
      }),
    ];
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, [client]);
}
