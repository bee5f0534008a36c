import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ShopDbChange } from '../../shared/contract/shop-db';
import { fiscal } from '../bridge/fiscal';
import { unwrap } from './unwrap';

const shopDbKey = ['shop-db'] as const;
const shopDbStatusKey = ['shop-db', 'status'] as const;

/** The shop database settings (whether a password is saved, never the password). */
export function useShopDb() {
  return useQuery({ queryKey: shopDbKey, queryFn: () => unwrap(fiscal().shopDb.get()) });
}

/**
 * How the copy to the shop database stands; read again every few seconds while shown and the copy
 * is on (a lone till's "off" only changes when its settings are saved, which reads it again).
 */
export function useShopDbStatus() {
  return useQuery({
    queryKey: shopDbStatusKey,
    queryFn: () => unwrap(fiscal().shopDb.status()),
    refetchInterval: (query) => (query.state.data === undefined || query.state.data.state === 'off' ? false : 5_000),
  });
}

export function useSaveShopDb() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: ShopDbChange) => unwrap(fiscal().shopDb.save(change)),
    onSuccess: (view) => {
      client.setQueryData(shopDbKey, view);
      void client.invalidateQueries({ queryKey: shopDbStatusKey });
      // Another login may read every till (or no longer may): the back office's views follow.
      void client.invalidateQueries({ queryKey: ['shop-office'] });
    },
  });
}

export function useTestShopDb() {
  return useMutation({ mutationFn: (change: ShopDbChange) => unwrap(fiscal().shopDb.test(change)) });
}
