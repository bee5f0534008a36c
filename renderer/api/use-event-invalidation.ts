import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { fiscal } from '../bridge/fiscal';
import { queryKeys } from './keys';

/** Keeps React Query in step with what main reports. */
export function useEventInvalidation(): void {
  const client = useQueryClient();
  useEffect(() => {
    const unsubscribers = [fiscal().events.on('settings:changed', (saved) => client.setQueryData(queryKeys.settings, saved))];
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, [client]);
}
