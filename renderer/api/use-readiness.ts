import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fiscal } from '../bridge/fiscal';
import { queryKeys } from './keys';
import { unwrap } from './unwrap';

/** The readiness verdict of the active connection; kept current by the readiness:changed event. */
export function useReadiness() {
  return useQuery({ queryKey: queryKeys.readiness, queryFn: () => unwrap(fiscal().readiness.get()), staleTime: 60_000 });
}

/** Check again now, skipping the verdict main keeps for a minute. */
export function useRecheckReadiness() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(fiscal().readiness.get({ fresh: true })),
    onSuccess: (verdict) => client.setQueryData(queryKeys.readiness, verdict),
  });
}
