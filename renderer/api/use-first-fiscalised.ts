import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { fiscal } from '../bridge/fiscal';
import { queryKeys } from './keys';
import { FiscalCallError, unwrap } from './unwrap';

/**
 * Whether the active connection has fiscalised any document yet (the checklist's last step):
 * true or false from documents:list, null while documents cannot be listed (NOT_AVAILABLE_YET).
 */
export function useFirstFiscalised() {
  const client = useQueryClient();
  useEffect(
    () => fiscal().events.on('documents:changed', ({ changes }) => {
      if (changes.some((change) => change.state === 'fiscalised')) void client.invalidateQueries({ queryKey: queryKeys.firstFiscalised });
    }),
    [client],
  );
  return useQuery({
    queryKey: queryKeys.firstFiscalised,
    // Documents are fiscalised while Home is not shown (events then reach no one here): ask again on every visit.
    refetchOnMount: 'always',
    queryFn: async (): Promise<boolean | null> => {
      try {
        const page = await unwrap(fiscal().documents.list({ states: ['fiscalised'], limit: 1 }));
        return page.total > 0;
      } catch (error) {
        if (error instanceof FiscalCallError && error.code === 'NOT_AVAILABLE_YET') return null;
        throw error;
      }
    },
  });
}
