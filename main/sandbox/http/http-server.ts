// The node:http layer: reads bodies, sends API requests through fault injection, serves the
// loopback-only admin route, and keeps track of connections so that close() is immediate.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FaultInjector } from '../faults/fault-injector';
import { header, message } from './api-types';
import type { ApiRequest, ApiResponse } from './api-types';
import { isLoopbackAddress, isLoopbackHostHeader } from './loopback';
import { readBody } from '../../http/read-body';

export const API_BASE = '/api';
export const ADMIN_BASE = '/__admin';
const MAX_BODY_BYTES = 5 * 1024 * 1024;

export interface HttpHandlers {
  api(req: ApiRequest): Promise<ApiResponse>;
  admin(req: ApiRequest): Promise<ApiResponse>;
  faults: FaultInjector;
  faultsAfterReceipt(): boolean;
  onError(error: unknown): void;
}

export interface SandboxHttpServer {
  server: Server;
  /** Destroys every connection, hanging ones included. */
  closeAll(): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));


function send(res: ServerResponse, response: ApiResponse): void {
  if (res.destroyed || res.writableEnded) return;
  const body = typeof response.body === 'string' ? Buffer.from(response.body, 'utf8') : response.body;
  res.writeHead(response.status, { 'Content-Type': response.contentType, 'Content-Length': body.length, ...response.headers });
  res.end(body);
}

/** The first half of a JSON body plus junk: what a proxy cutting a response short looks like. */
function corrupt(response: ApiResponse): ApiResponse {
  const text = typeof response.body === 'string' ? response.body : Buffer.from(response.body).toString('utf8');
  return { ...response, body: `${text.slice(0, Math.max(1, Math.floor(text.length / 2)))}<!-- truncated` };
}

export function createSandboxHttpServer(handlers: HttpHandlers): SandboxHttpServer {
  const sockets = new Set<Socket>();
  const server = createServer({ keepAlive: true, keepAliveTimeout: 10_000, noDelay: true }, (req, res) => {
    void handle(req, res).catch((error: unknown) => {
      handlers.onError(error);
      send(res, message(500, 'Internal sandbox error'));
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    const lower = rawPath.toLowerCase();
    // Every route answers only requests addressed to this computer: a page whose name was
    // re-pointed at 127.0.0.1 (DNS rebinding) sends its own name as Host and is refused.
    if (!isLoopbackHostHeader(header(req.headers, 'host'))) {
      send(res, message(403, 'The training service only answers requests addressed to this computer (127.0.0.1 or localhost)'));
      return;
    }
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === 'too-large') {
      send(res, message(413, 'The request body is too large'));
      return;
    }
    const method = (req.method ?? 'GET').toUpperCase();
    if (lower === ADMIN_BASE || lower.startsWith(`${ADMIN_BASE}/`)) {
      if (!isLoopbackAddress(req.socket.remoteAddress) || header(req.headers, 'origin') !== undefined) {
        send(res, message(403, 'The admin route is only available to programs on this computer'));
        return;
      }
      send(res, await handlers.admin({ method, path: rawPath.slice(ADMIN_BASE.length), headers: req.headers, body }));
      return;
    }
    if (lower !== API_BASE && !lower.startsWith(`${API_BASE}/`)) {
      send(res, message(404, `Not found: the Fiscal Harmony API is under ${API_BASE}`));
      return;
    }
    const apiReq: ApiRequest = { method, path: rawPath.slice(API_BASE.length) || '/', headers: req.headers, body };
    const { fault, latencyMs } = handlers.faults.forRequest(apiReq.path);
    if (latencyMs > 0) await sleep(latencyMs);
    const after = handlers.faultsAfterReceipt();
    switch (fault.kind) {
      case 'none':
        send(res, await handlers.api(apiReq));
        return;
      case 'malformed-json': {
        const response = await handlers.api(apiReq);
        send(res, response.isJson ? corrupt(response) : response);
        return;
      }
      case 'unauthorized':
        send(res, message(401, 'Invalid API key or signature'));
        return;
      case 'server-error':
        if (after) await handlers.api(apiReq);
        send(res, message(fault.status, 'Fiscal Harmony is temporarily unavailable'));
        return;
      case 'drop':
        if (after) await handlers.api(apiReq);
        req.socket.destroy();
        return;
      case 'hang':
        // Never answered; the socket is released when the caller gives up or the sandbox closes.
        if (after) await handlers.api(apiReq);
        return;
    }
  }

  return {
    server,
    async closeAll(): Promise<void> {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      await closed;
    },
  };
}
