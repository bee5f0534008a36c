import { contextBridge, ipcRenderer } from 'electron';
import { eventNames, listChannels, type EventName, type FiscalApi } from '../shared/contract';
import { eventChannel, invokeChannel } from '../shared/contract/transport';

/**
 * Exposes exactly the contract as `window.fiscal`: one function per channel, grouped by domain,
 * and `events.on` for the named events. No raw ipcRenderer, no Node, nothing else.
 */
const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
for (const { name, domain, verb } of listChannels()) {
  api[domain] ??= {};
  api[domain][verb] = (input?: unknown) => ipcRenderer.invoke(invokeChannel, name, input);
}

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();
ipcRenderer.on(eventChannel, (_event, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const listener of listeners.get(name) ?? []) listener(payload);
});

const events: FiscalApi['events'] = {
  on(name: EventName, listener) {
    if (!(eventNames as string[]).includes(name)) throw new Error(`Unknown event ${String(name)}`);
    const set = listeners.get(name) ?? new Set<Listener>();
    set.add(listener as Listener);
    listeners.set(name, set);
    return () => {
      set.delete(listener as Listener);
    };
  },
};

contextBridge.exposeInMainWorld('fiscal', { ...api, events });
