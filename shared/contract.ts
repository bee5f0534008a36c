/**
 * The single IPC contract between the renderer and main. Every channel is `domain:verb`, with a
 * zod schema for its input and its output. The preload, the router, the browser bridge and the
 * renderer hooks are all typed from this object; nothing is declared twice.
 */
import type { z } from 'zod';
import { accountChannels } from './contract/account';
import { appChannels } from './contract/app';
import { connectionsChannels } from './contract/connections';
import { deviceChannels } from './contract/device';
import { documentsChannels } from './contract/documents';
import { entryChannels } from './contract/entry';
import { historyChannels } from './contract/history';
import { importChannels } from './contract/import';
import { mappingsChannels } from './contract/mappings';
import { outboxChannels } from './contract/outbox';
import { readinessChannels } from './contract/readiness';
import { settingsChannels } from './contract/settings';
import { shopDbChannels } from './contract/shop-db';
import { shopOfficeChannels } from './contract/shop-office';
import { trainingChannels } from './contract/training';
import { updatesChannels } from './contract/updates';
import type { ChannelSpec, EventSpec } from './contract/define';
import { eventSpecs } from './contract/events';
import type { Result } from './result';

export const contract = {
  app: appChannels,
  settings: settingsChannels,
  updates: updatesChannels,
  connections: connectionsChannels,
  account: accountChannels,
  device: deviceChannels,
  mappings: mappingsChannels,
  readiness: readinessChannels,
  documents: documentsChannels,
  outbox: outboxChannels,
  entry: entryChannels,
  history: historyChannels,
  import: importChannels,
  shopDb: shopDbChannels,
  shopOffice: shopOfficeChannels,
  training: trainingChannels,
} as const;

export const events = eventSpecs;

export type Contract = typeof contract;
export type Domain = keyof Contract;
export type Events = typeof events;
export type EventName = keyof Events;

type ChannelNameOf<D extends Domain> = { [V in keyof Contract[D] & string]: `${D}:${V}` }[keyof Contract[D] & string];
export type ChannelName = { [D in Domain]: ChannelNameOf<D> }[Domain];

export type InputOf<S> = S extends ChannelSpec<infer I, z.ZodType> ? z.input<I> : never;
export type OutputOf<S> = S extends ChannelSpec<z.ZodType, infer O> ? z.output<O> : never;
export type ParsedInputOf<S> = S extends ChannelSpec<infer I, z.ZodType> ? z.output<I> : never;
export type EventPayload<E extends EventName> = Events[E] extends EventSpec<infer P> ? z.output<P> : never;

type Call<S> = undefined extends InputOf<S>
  ? (input?: InputOf<S>) => Promise<Result<OutputOf<S>>>
  : (input: InputOf<S>) => Promise<Result<OutputOf<S>>>;

/** What the renderer sees as `window.fiscal`. */
export type FiscalApi = {
  [D in Domain]: { [V in keyof Contract[D]]: Call<Contract[D][V]> };
} & {
  events: {
    on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
  };
};

/** Every channel as a flat list, for the router, the preload and the browser bridge. */
export function listChannels(): { name: ChannelName; domain: Domain; verb: string; spec: ChannelSpec }[] {
  return (Object.keys(contract) as Domain[]).flatMap((domain) =>
    Object.entries(contract[domain] as Record<string, ChannelSpec>).map(([verb, spec]) => ({
      name: `${domain}:${verb}` as ChannelName,
      domain,
      verb,
      spec,
    })),
  );
}

export function findChannel(name: string): ChannelSpec | undefined {
  const [domain, verb, ...rest] = name.split(':');
  if (domain === undefined || verb === undefined || rest.length > 0) return undefined;
  if (!Object.hasOwn(contract, domain)) return undefined;
  const channels = contract[domain as Domain] as Record<string, ChannelSpec>;
  return Object.hasOwn(channels, verb) ? channels[verb] : undefined;
}

export const eventNames = Object.keys(events) as EventName[];
