import { QueryClient } from '@tanstack/react-query';
import { FiscalCallError } from './unwrap';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Only errors the service says may pass are retried, and only twice.
        retry: (failureCount, error) => error instanceof FiscalCallError && error.retryable && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
}
