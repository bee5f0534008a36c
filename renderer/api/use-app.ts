import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UserSettings } from '../../shared/contract/settings';
import { fiscal } from '../bridge/fiscal';
import { documentKeys } from './use-documents';
import { queryKeys } from './keys';
import { unwrap } from './unwrap';

export function useAppInfo() {
  return useQuery({ queryKey: queryKeys.appInfo, queryFn: () => unwrap(fiscal().app.info()), staleTime: Infinity });
}

export function useSettings() {
  return useQuery({ queryKey: queryKeys.settings, queryFn: () => unwrap(fiscal().settings.get()) });
}

export function useUpdateSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<UserSettings>) => unwrap(fiscal().settings.set(patch)),
    // The choice shows at once; if main refuses it, the previous settings come back.
    onMutate: async (patch) => {
      await client.cancelQueries({ queryKey: queryKeys.settings });
      const previous = client.getQueryData<UserSettings>(queryKeys.settings);
      if (previous !== undefined) client.setQueryData(queryKeys.settings, { ...previous, ...patch });
      return { previous };
    },
    onError: (_error, _patch, context) => {
      if (context?.previous !== undefined) client.setQueryData(queryKeys.settings, context.previous);
    },
    onSuccess: (saved) => client.setQueryData(queryKeys.settings, saved),
  });
}

const standardRateKey = ['service', 'standard-rate'] as const;

/** The active connection's standard rate (the tax code new lines start with) and the device's suggestion. */
export function useStandardRate() {
  return useQuery({ queryKey: standardRateKey, queryFn: () => unwrap(fiscal().settings.standardRate()) });
}

export function useSetStandardRate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (taxCode: string | null) => unwrap(fiscal().settings.setStandardRate({ taxCode })),
    // "Saved" only once invoice entry knows it too: the next new invoice starts with it, even one opened straight away.
    onSuccess: async (saved) => {
      client.setQueryData(standardRateKey, saved);
      await client.invalidateQueries({ queryKey: documentKeys.entryOptions, refetchType: 'all' });
    },
  });
}

/** Repairs of a settings file that could not be read, until the manager dismisses them. */
export function useSettingsRecoveryNotices() {
  return useQuery({
    queryKey: queryKeys.settingsRecovery,
    queryFn: async () => (await unwrap(fiscal().settings.recoveryNotices())).notices,
    staleTime: Infinity,
  });
}

export function useDismissSettingsRecoveryNotices() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => (await unwrap(fiscal().settings.dismissRecoveryNotices())).notices,
    onSuccess: (notices) => client.setQueryData(queryKeys.settingsRecovery, notices),
  });
}

export async function openExternal(url: string): Promise<void> {
  const { opened } = await unwrap(fiscal().app.openExternal({ url }));
  // Browser mode has no system browser to hand the link to; the tab opens it instead.
  if (!opened) window.open(url, '_blank', 'noopener,noreferrer');
}
