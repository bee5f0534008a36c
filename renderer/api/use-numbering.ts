import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Numbering } from '../../shared/contract/documents';
import { fiscal } from '../bridge/fiscal';
import { documentKeys } from './use-documents';
import { queryKeys } from './keys';
import { unwrap } from './unwrap';

/** Under 'service': a connection change resets it. */
const numberingKey = ['service', 'numbering'] as const;

/** The active connection's prefixes, next numbers and what stands in the way of numbering. */
export function useNumbering() {
  return useQuery({ queryKey: numberingKey, queryFn: () => unwrap(fiscal().documents.numbering()), staleTime: 0 });
}

export function useSetNumbering() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Numbering) => unwrap(fiscal().documents.setNumbering(input)),
    onSuccess: (view) => {
      client.setQueryData(numberingKey, view);
      // Readiness and the journal notice say whether queuing waits for a confirmed number.
      void client.invalidateQueries({ queryKey: queryKeys.readiness });
      void client.invalidateQueries({ queryKey: documentKeys.outbox });
    },
  });
}
