import { useMutation, useMutationState, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type {
  CurrencyMappingInput,
  CurrencyMappingRow,
  MappingsOverview,
  SetupFromDeviceInput,
  TaxMappingInput,
  TaxMappingRow,
  UpdateCurrencyMappingInput,
  UpdateTaxMappingInput,
} from '../../shared/contract/mappings';
import { fiscal } from '../bridge/fiscal';
import { queryKeys } from './keys';
import { unwrap } from './unwrap';

const key = queryKeys.mappings;

/** Tax and currency mappings of the active connection, joined with the device's taxes. */
export function useMappings() {
  return useQuery({ queryKey: key, queryFn: () => unwrap(fiscal().mappings.overview()) });
}

// Optimistic changes: each one is applied to the cached overview at once and undone precisely
// (only itself, not other changes in flight) when the service refuses; the list is read again
// when it settles either way.

let temporaryId = 0;
/** Rows created optimistically have negative ids until the service gives them theirs. */
export const isUnsaved = (row: { id: number }): boolean => row.id < 0;

function edit(client: QueryClient, change: (data: MappingsOverview) => MappingsOverview): void {
  client.setQueryData<MappingsOverview>(key, (data) => (data === undefined ? data : change(data)));
}

async function prepare(client: QueryClient): Promise<MappingsOverview | undefined> {
  await client.cancelQueries({ queryKey: key });
  return client.getQueryData<MappingsOverview>(key);
}

const settle = (client: QueryClient) => () => client.invalidateQueries({ queryKey: key });

function replaceRow<T extends { id: number }>(rows: T[], id: number, next: T): T[] {
  return rows.some((row) => row.id === id) ? rows.map((row) => (row.id === id ? next : row)) : rows;
}

function putBack<T extends { id: number }>(rows: T[], row: T, index: number): T[] {
  if (rows.some((r) => r.id === row.id)) return rows;
  const copy = [...rows];
  copy.splice(Math.min(index, copy.length), 0, row);
  return copy;
}

/** After success, the temporary row becomes the saved one (added if a refetch dropped it). */
function settleCreated<T extends { id: number }>(rows: T[], temporary: number, saved: T): T[] {
  const without = rows.filter((row) => row.id !== saved.id);
  return without.some((row) => row.id === temporary) ? without.map((row) => (row.id === temporary ? saved : row)) : [...without, saved];
}

function optimisticTaxRow(data: MappingsOverview, input: TaxMappingInput, id: number, previous?: TaxMappingRow): TaxMappingRow {
  const deviceTax = data.deviceTaxes.find((tax) => tax.id === input.destinationTaxId) ?? null;
  return {
    id,
    taxCode: input.taxCode,
    taxName: input.taxName === undefined || input.taxName === '' ? (deviceTax?.name ?? null) : input.taxName,
    destinationTaxId: input.destinationTaxId,
    zimraTaxId: previous?.destinationTaxId === input.destinationTaxId ? previous.zimraTaxId : null,
    deviceTax,
    stale: data.deviceProblem === null && deviceTax === null,
  };
}

export function useCreateTaxMapping() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: [...key, 'createTax'],
    mutationFn: (input: TaxMappingInput) => unwrap(fiscal().mappings.createTax(input)),
    onMutate: async (input) => {
      await prepare(client);
      const id = (temporaryId -= 1);
      edit(client, (data) => ({ ...data, taxMappings: [...data.taxMappings, optimisticTaxRow(data, input, id)] }));
      return { id };
    },
    onSuccess: (saved, _input, context) => edit(client, (data) => ({ ...data, taxMappings: settleCreated(data.taxMappings, context.id, saved) })),
    onError: (_error, _input, context) => {
      if (context !== undefined) edit(client, (data) => ({ ...data, taxMappings: data.taxMappings.filter((row) => row.id !== context.id) }));
    },
    onSettled: settle(client),
  });
}

export function useUpdateTaxMapping() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: [...key, 'updateTax'],
    mutationFn: (input: UpdateTaxMappingInput) => unwrap(fiscal().mappings.updateTax(input)),
    onMutate: async (input) => {
      const previous = (await prepare(client))?.taxMappings.find((row) => row.id === input.id);
      edit(client, (data) => ({ ...data, taxMappings: replaceRow(data.taxMappings, input.id, optimisticTaxRow(data, input, input.id, previous)) }));
      return { previous };
    },
    onSuccess: (saved) => edit(client, (data) => ({ ...data, taxMappings: replaceRow(data.taxMappings, saved.id, saved) })),
    onError: (_error, input, context) => {
      const previous = context?.previous;
      if (previous !== undefined) edit(client, (data) => ({ ...data, taxMappings: replaceRow(data.taxMappings, input.id, previous) }));
    },
    onSettled: settle(client),
  });
}

export function useDeleteTaxMapping() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: [...key, 'deleteTax'],
    mutationFn: (row: TaxMappingRow) => unwrap(fiscal().mappings.deleteTax({ id: row.id })),
    onMutate: async (row) => {
      const index = (await prepare(client))?.taxMappings.findIndex((r) => r.id === row.id) ?? -1;
      edit(client, (data) => ({ ...data, taxMappings: data.taxMappings.filter((r) => r.id !== row.id) }));
      return { index };
    },
    onError: (_error, row, context) => edit(client, (data) => ({ ...data, taxMappings: putBack(data.taxMappings, row, context?.index ?? data.taxMappings.length) })),
    onSettled: settle(client),
  });
}

export function useCreateCurrencyMapping() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: [...key, 'createCurrency'],
    mutationFn: (input: CurrencyMappingInput) => unwrap(fiscal().mappings.createCurrency(input)),
    onMutate: async (input) => {
      await prepare(client);
      const id = (temporaryId -= 1);
      edit(client, (data) => ({
        ...data,
        currencyMappings: [...data.currencyMappings, { id, sourceCurrency: input.sourceCurrency, destinationCurrency: input.destinationCurrency, supported: true }],
      }));
      return { id };
    },
    onSuccess: (saved, _input, context) => edit(client, (data) => ({ ...data, currencyMappings: settleCreated(data.currencyMappings, context.id, saved) })),
    onError: (_error, _input, context) => {
      if (context !== undefined) edit(client, (data) => ({ ...data, currencyMappings: data.currencyMappings.filter((row) => row.id !== context.id) }));
    },
    onSettled: settle(client),
  });
}

export function useUpdateCurrencyMapping() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: [...key, 'updateCurrency'],
    mutationFn: (input: UpdateCurrencyMappingInput) => unwrap(fiscal().mappings.updateCurrency(input)),
    onMutate: async (input) => {
      const previous = (await prepare(client))?.currencyMappings.find((row) => row.id === input.id);
      const next: CurrencyMappingRow = { id: input.id, sourceCurrency: input.sourceCurrency, destinationCurrency: input.destinationCurrency, supported: true };
      edit(client, (data) => ({ ...data, currencyMappings: replaceRow(data.currencyMappings, input.id, next) }));
      return { previous };
    },
    onSuccess: (saved) => edit(client, (data) => ({ ...data, currencyMappings: replaceRow(data.currencyMappings, saved.id, saved) })),
    onError: (_error, input, context) => {
      const previous = context?.previous;
      if (previous !== undefined) edit(client, (data) => ({ ...data, currencyMappings: replaceRow(data.currencyMappings, input.id, previous) }));
    },
    onSettled: settle(client),
  });
}

export function useDeleteCurrencyMapping() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: [...key, 'deleteCurrency'],
    mutationFn: (row: CurrencyMappingRow) => unwrap(fiscal().mappings.deleteCurrency({ id: row.id })),
    onMutate: async (row) => {
      const index = (await prepare(client))?.currencyMappings.findIndex((r) => r.id === row.id) ?? -1;
      edit(client, (data) => ({ ...data, currencyMappings: data.currencyMappings.filter((r) => r.id !== row.id) }));
      return { index };
    },
    onError: (_error, row, context) =>
      edit(client, (data) => ({ ...data, currencyMappings: putBack(data.currencyMappings, row, context?.index ?? data.currencyMappings.length) })),
    onSettled: settle(client),
  });
}

/** Ids of rows whose change is still on its way to the service. */
export function useSavingIds(): ReadonlySet<number> {
  const ids = useMutationState({
    filters: { mutationKey: key, status: 'pending' },
    select: (mutation) => {
      const variables = mutation.state.variables;
      return typeof variables === 'object' && variables !== null && 'id' in variables && typeof variables.id === 'number' ? variables.id : null;
    },
  });
  return new Set(ids.filter((id): id is number => id !== null));
}

/** Set up from the device: not optimistic (each row has its own answer), with progress. */
export function useSetupFromDevice() {
  const client = useQueryClient();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const mutation = useMutation({
    mutationKey: [...key, 'setupFromDevice'],
    mutationFn: (input: SetupFromDeviceInput) => {
      setProgress({ done: 0, total: input.rows.length });
      return unwrap(fiscal().mappings.setupFromDevice(input));
    },
    onSettled: settle(client),
  });
  const pending = mutation.isPending;
  useEffect(() => {
    if (!pending) return undefined;
    return fiscal().events.on('mappings:setup-progress', ({ done, total }) => setProgress({ done, total }));
  }, [pending]);
  return { ...mutation, progress: pending ? progress : null };
}
