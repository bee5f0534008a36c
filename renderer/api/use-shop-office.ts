import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ShopExportInput, ShopListInput, ShopScope } from '../../shared/contract/shop-office';
import { fiscal } from '../bridge/fiscal';
import { documentKeys } from './use-documents';
import { downloadDelivered } from './use-history';
import { unwrap } from './unwrap';

/** Query keys of the back office (every till, from the shop database). */
export const shopOfficeKeys = {
  all: ['shop-office'] as const,
  reach: ['shop-office', 'reach'] as const,
  list: (input: ShopListInput) => ['shop-office', 'list', input] as const,
  one: (id: string) => ['shop-office', 'one', id] as const,
  dashboard: (scope: ShopScope) => ['shop-office', 'dashboard', scope] as const,
};

/** Other tills' documents change without an event here: what the back office shows is read again this often. */
export const SHOP_REFRESH_MS = 10_000;

/**
 * Whether this computer may show every till, the branches and the tills: read again while it may
 * (other tills come and go); where it may not, again only when the shop database settings are saved.
 */
export function useShopReach() {
  return useQuery({
    queryKey: shopOfficeKeys.reach,
    queryFn: () => unwrap(fiscal().shopOffice.reach()),
    staleTime: 30_000,
    refetchInterval: (query) => (query.state.data?.available === true ? SHOP_REFRESH_MS : false),
    retry: false,
  });
}

export function useShopDocument(id: string) {
  return useQuery({ queryKey: shopOfficeKeys.one(id), queryFn: () => unwrap(fiscal().shopOffice.get({ id })), refetchInterval: SHOP_REFRESH_MS });
}

export function useShopDashboard(scope: ShopScope) {
  return useQuery({ queryKey: shopOfficeKeys.dashboard(scope), queryFn: () => unwrap(fiscal().shopOffice.dashboard({ scope })), refetchInterval: SHOP_REFRESH_MS, staleTime: 0 });
}

export function useShopExport() {
  return useMutation({
    mutationFn: async (input: ShopExportInput) => {
      const result = await unwrap(fiscal().shopOffice.export(input));
      downloadDelivered(result.file);
      return result;
    },
  });
}

/** A credit note on this computer for another till's invoice: the answer is the new draft. */
export function useStartShopCreditNote() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (invoiceId: string) => unwrap(fiscal().shopOffice.startCreditNote({ invoiceId })),
    onSuccess: (draft) => {
      client.setQueryData(documentKeys.one(draft.id), draft);
      void client.invalidateQueries({ queryKey: documentKeys.all });
    },
  });
}
