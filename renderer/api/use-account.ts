import { useQuery } from '@tanstack/react-query';
import { fiscal } from '../bridge/fiscal';
import { queryKeys } from './keys';
import { unwrap } from './unwrap';

/** Account data changes rarely: five minutes before it counts as stale, refresh on demand. */
const accountStaleMs = 5 * 60_000;

export function useAccount() {
  return useQuery({ queryKey: queryKeys.account, queryFn: () => unwrap(fiscal().account.get()), staleTime: accountStaleMs });
}

export function useDevice() {
  return useQuery({ queryKey: queryKeys.device, queryFn: () => unwrap(fiscal().device.get()), staleTime: accountStaleMs });
}
