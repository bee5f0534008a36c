import { eventNames, listChannels, type EventName, type FiscalApi } from '../../shared/contract';
import type { AppErrorShape } from '../../shared/errors';
import type { Result } from '../../shared/result';
import { reportConnectionLost } from './connection-lost';

const tokenKey = 'fiscal-desk-token';

/** Takes the per-run token from `?token=` once, keeps it for this tab, and removes it from the address bar. */
export function takeToken(location: Location, history: History, storage: Storage): string | null {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl !== null) {
    storage.setItem(tokenKey, fromUrl);
    params.delete('token');
    const query = params.toString();
    history.replaceState(history.state, '', `${location.pathname}${query === '' ? '' : `?${query}`}${location.hash}`);
    return fromUrl;
  }
  return storage.getItem(tokenKey);
}

/** The refusal of a stale token, naming the command that started Fiscal Desk when the server says it. */
async function disconnected(response: Response): Promise<AppErrorShape> {
  const body = (await response.json().catch(() => null)) as { startCommand?: unknown } | null;
  const command = typeof body?.startCommand === 'string' ? body.startCommand : 'npm start (or npm run web)';
  return {
    code: 'FORBIDDEN_SENDER',
    message: `This browser tab is not connected to Fiscal Desk: its access token is missing or belongs to an earlier run. Find the new address in the terminal where you ran ${command}.`,
    retryable: false,
  };
}

const unreachable: AppErrorShape = {
  code: 'NETWORK',
  message: 'Fiscal Desk is not answering. Check that it is still running in its terminal (`npm start` or `npm run web`), then try again.',
  retryable: true,
};

type Listener = (payload: unknown) => void;

/**
 * `window.fiscal` for browser mode: the same contract as the Electron preload, carried over
 * HTTP to the loopback server. The renderer cannot tell the two apart.
 */
export function createWebBridge(token: string | null, origin: string): FiscalApi {
  const headers = { 'Content-Type': 'application/json', 'X-Fiscal-Token': token ?? '' };
  // Once this tab has talked to Fiscal Desk, a refused connection or token means it went away
  // (stopped, or restarted with a new token): the shell says so on one page. Before that, the
  // not-connected page explains a missing or old token.
  let connected = false;
  const lost = (reason: 'stopped' | 'restarted') => {
    if (connected) reportConnectionLost(reason);
  };
  const api: Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> = {};
  for (const { name, domain, verb } of listChannels()) {
    api[domain] ??= {};
    api[domain][verb] = async (input?: unknown) => {
      let response: Response;
      try {
        response = await fetch(`${origin}/rpc/${encodeURIComponent(name)}`, { method: 'POST', headers, body: JSON.stringify({ input }) });
      } catch {
        lost('stopped');
        return { ok: false, error: unreachable };
      }
      if (response.status === 401 || response.status === 403) {
        lost('restarted');
        return { ok: false, error: await disconnected(response) };
      }
      if (!response.ok) return { ok: false, error: unreachable };
      connected = true;
      return (await response.json()) as Result<unknown>;
    };
  }

  const listeners = new Map<EventName, Set<Listener>>();
  let streaming = false;
  const startStream = () => {
    if (streaming) return;
    streaming = true;
    void readEventStream(origin, headers, (name, payload) => {
      if (!(eventNames as string[]).includes(name)) return;
      for (const listener of listeners.get(name as EventName) ?? []) listener(payload);
    }).then((ended) => {
      if (ended !== 'ended') lost(ended);
    }).finally(() => {
      streaming = false;
      // Reconnect after a pause, for as long as anyone listens.
      if ([...listeners.values()].some((set) => set.size > 0)) setTimeout(startStream, 2000);
    });
  };

  const events: FiscalApi['events'] = {
    on(name, listener) {
      const set = listeners.get(name) ?? new Set<Listener>();
      set.add(listener as Listener);
      listeners.set(name, set);
      startStream();
      return () => set.delete(listener as Listener);
    },
  };
  return { ...(api as unknown as Omit<FiscalApi, 'events'>), events } as FiscalApi;
}

/** How the event stream ended: the server closed it, could not be reached, or refused the token. */
type StreamEnd = 'ended' | 'stopped' | 'restarted';

async function readEventStream(origin: string, headers: Record<string, string>, onEvent: (name: string, payload: unknown) => void): Promise<StreamEnd> {
  let response: Response;
  try {
    response = await fetch(`${origin}/events`, { method: 'POST', headers });
  } catch {
    return 'stopped';
  }
  if (response.status === 401 || response.status === 403) return 'restarted';
  if (!response.ok || response.body === null) return 'ended';
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    let chunk: ReadableStreamReadResult<string>;
    try {
      chunk = await reader.read();
    } catch {
      // The connection dropped mid-stream: the next attempt tells whether the server is gone.
      return 'ended';
    }
    const { value, done } = chunk;
    if (done) return 'ended';
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const name = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (name !== undefined && data !== undefined) {
        try {
          onEvent(name, JSON.parse(data));
        } catch {
          // A malformed event is dropped; the next one may be fine.
        }
      }
    }
  }
}
