import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateProfileInput, SecretField } from '../../shared/contract/connections';
import { fiscal } from '../bridge/fiscal';
import { queryKeys } from './keys';
import { unwrap } from './unwrap';

export function useConnections() {
  return useQuery({ queryKey: queryKeys.connections, queryFn: () => unwrap(fiscal().connections.list()) });
}

/** After any change to connections, what the screens show may belong to another account. */
function useRefreshAfterChange() {
  const client = useQueryClient();
  return async () => {
    await client.invalidateQueries({ queryKey: queryKeys.connections });
    await client.resetQueries({ queryKey: queryKeys.service });
  };
}

export function useCreateProfile() {
  const refresh = useRefreshAfterChange();
  return useMutation({ mutationFn: (input: CreateProfileInput) => unwrap(fiscal().connections.create(input)), onSuccess: refresh });
}

export function useActivateProfile() {
  const refresh = useRefreshAfterChange();
  return useMutation({ mutationFn: (id: string) => unwrap(fiscal().connections.activate({ id })), onSuccess: refresh });
}

export function useRemoveProfile() {
  const refresh = useRefreshAfterChange();
  return useMutation({ mutationFn: (id: string) => unwrap(fiscal().connections.remove({ id })), onSuccess: refresh });
}

export function useRenameProfile() {
  const refresh = useRefreshAfterChange();
  return useMutation({ mutationFn: (input: { id: string; name: string }) => unwrap(fiscal().connections.rename(input)), onSuccess: refresh });
}

export function useSetSecret() {
  const refresh = useRefreshAfterChange();
  return useMutation({
    mutationFn: (input: { id: string; field: SecretField; value: string }) => unwrap(fiscal().connections.setSecret(input)),
    onSuccess: refresh,
  });
}

export function useRemoveSecret() {
  const refresh = useRefreshAfterChange();
  return useMutation({
    mutationFn: (input: { id: string; field: SecretField }) => unwrap(fiscal().connections.removeSecret(input)),
    onSuccess: refresh,
  });
}

export function useTestConnection() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(fiscal().connections.test({ id })),
    onSettled: (_result, _error, id) => client.invalidateQueries({ queryKey: queryKeys.tokenState(id) }),
  });
}

/** Sign-in state of a fiskaly connection; kept current by the connections:token-state event. */
export function useTokenState(profileId: string) {
  return useQuery({ queryKey: queryKeys.tokenState(profileId), queryFn: () => unwrap(fiscal().connections.tokenState({ id: profileId })) });
}

export function useSetStationLabel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (label: string) => unwrap(fiscal().connections.setStationLabel({ label })),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.connections }),
  });
}

/** The active profile, from the connections list. */
export function useActiveProfile() {
  const connections = useConnections();
  const active = connections.data?.profiles.find((profile) => profile.id === connections.data?.activeProfileId) ?? null;
  return { ...connections, active };
}
