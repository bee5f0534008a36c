import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PracticeFailure } from '../../shared/contract/training';
import { fiscal } from '../bridge/fiscal';
import { queryKeys } from './keys';
import { unwrap } from './unwrap';

/** Which failure the training practice service makes now (asked only where training is active). */
export function usePractice() {
  return useQuery({ queryKey: queryKeys.practice, queryFn: () => unwrap(fiscal().training.practice()) });
}

/** Sets the failure; what the service then says (readiness, the outbox) is read again. */
export function useSetPractice() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (failure: PracticeFailure) => unwrap(fiscal().training.setPractice({ failure })),
    onSuccess: (state) => client.setQueryData(queryKeys.practice, state),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.readiness }),
  });
}
