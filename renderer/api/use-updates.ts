import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fiscal } from '../bridge/fiscal';
import { queryKeys } from './keys';
import { unwrap } from './unwrap';

/** Where the updater is; `update:status` events keep it current (see use-event-invalidation). */
export function useUpdateStatus() {
  return useQuery({ queryKey: queryKeys.updates, queryFn: () => unwrap(fiscal().updates.status()) });
}

/**
 * The actions answer at once and the updater moves on by events, which may arrive before the
 * answer does: so after each action the status is read again rather than taken from the answer.
 */
function useUpdateAction<T>(action: () => Promise<T>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.updates }),
  });
}

export function useCheckForUpdates() {
  return useUpdateAction(() => unwrap(fiscal().updates.check()));
}

export function useRestartToUpdate() {
  return useUpdateAction(() => unwrap(fiscal().updates.restart()));
}

export function useCancelRestart() {
  return useUpdateAction(() => unwrap(fiscal().updates.cancelRestart()));
}
