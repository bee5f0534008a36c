import { randomBytes } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventBus } from '../events/event-bus';
import type { Router } from '../ipc/router';
import type { Logger } from '../logging/logger';
import { securityHeaders } from '../app/csp';
import { contentTypeFor, resolveStaticFile } from '../app/static-files';
import { readBody } from '../http/read-body';
import { allowedHosts, checkBridgeRequest } from './rpc-guard';

export interface WebServerOptions {
  router: Router;
  events: EventBus;
  logger: Logger;
  /** The built renderer (out/renderer). */
  staticDirectory: string;
  port?: number;
  /** Fixed token for tests; a random one otherwise. */
  token?: string;
  /** Serve the renderer's source maps (development only; they are the app's source). */
  serveSourceMaps?: boolean;
  /** Tests shorten these; the defaults suit a browser tab on this computer. */
  limits?: Partial<ServerLimits>;
  /** The command that started this server (`npm start`), named to a tab whose token is stale. */
  startCommand?: string;
}

export interface ServerLimits {
  /** All request headers must arrive within this. */
  headersTimeoutMs: number;
  /** The whole request, body included, must arrive within this (a slow body is cut off). */
  requestTimeoutMs: number;
  /** A kept-alive connection with no request is closed after this. */
  keepAliveTimeoutMs: number;
  /** A connection on which nothing moves is closed after this (the event stream is exempt). */
  idleTimeoutMs: number;
  /** How often the server checks the two timeouts above. */
  timeoutCheckIntervalMs: number;
  /** Open connections at once; more are refused (one tab needs a handful). */
  maxConnections: number;
}

export const defaultServerLimits: ServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  idleTimeoutMs: 60_000,
  timeoutCheckIntervalMs: 1_000,
  maxConnections: 32,
};

export interface RunningWebServer {
  /** The address to open, token included. */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const maxBodyBytes = 1024 * 1024;
const host = '127.0.0.1';

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}

/**
 * Browser mode: the same router and services as the Electron app, reachable from a browser tab
 * on loopback only. Static files are public (they are the app's own code); every call and the
 * event stream need the per-run token, our Origin and our Host.
 */
export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const { router, events, logger } = options;
  let port = 0;
  const streams = new Set<ServerResponse>();

  async function handleRpc(request: IncomingMessage, response: ServerResponse, channel: string): Promise<void> {
    const body = await readBody(request, maxBodyBytes);
    if (body === 'too-large') return sendJson(response, 413, { error: 'request too large' });
    const raw = body.toString('utf8');
    let input: unknown;
    try {
      input = raw === '' ? undefined : (JSON.parse(raw) as { input?: unknown }).input;
    } catch {
      return sendJson(response, 400, { error: 'body is not JSON' });
    }
    const origin = request.headers.origin ?? '';
    const result = await router.dispatch(channel, input, { url: `${origin}/`, isMainFrame: true });
    sendJson(response, 200, result);
  }

  function handleEvents(request: IncomingMessage, response: ServerResponse): void {
    // The stream is quiet between events by design: the idle timeout does not apply to it.
    request.socket.setTimeout(0);
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    response.write(': connected\n\n');
    streams.add(response);
    const unsubscribe = events.subscribe((name, payload) => {
      response.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    response.on('close', () => {
      unsubscribe();
      streams.delete(response);
    });
  }

  function handleStatic(request: IncomingMessage, response: ServerResponse): void {
    const found = resolveStaticFile(options.staticDirectory, new URL(request.url ?? '/', 'http://x').pathname);
    const path = found !== null && found.toLowerCase().endsWith('.map') && options.serveSourceMaps !== true ? null : found;
    let size: number | null = null;
    if (path !== null) {
      try {
        const stat = statSync(path);
        size = stat.isFile() ? stat.size : null;
      } catch {
        size = null;
      }
    }
    if (path === null || size === null) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders() });
      response.end('Not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': contentTypeFor(path), 'Content-Length': size, 'Cache-Control': 'no-store', ...securityHeaders() });
    if (request.method === 'HEAD') response.end();
    else createReadStream(path).pipe(response);
  }

  const limits = { ...defaultServerLimits, ...options.limits };
  const serverOptions = {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: limits.timeoutCheckIntervalMs,
  };
  const server: Server = createServer(serverOptions, (request, response) => {
    const url = request.url ?? '/';
    const isBridge = url.startsWith('/rpc/') || url === '/events';
    if (!allowedHosts(port).includes(request.headers.host ?? '')) {
      response.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Forbidden host');
      return;
    }
    if (!isBridge) {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { Allow: 'GET, HEAD' });
        response.end();
        return;
      }
      handleStatic(request, response);
      return;
    }
    if (request.method !== 'POST') {
      response.writeHead(405, { Allow: 'POST' });
      response.end();
      return;
    }
    const verdict = checkBridgeRequest(request, { port, token });
    if (!verdict.ok) {
      logger.warn('Browser bridge refused a request', { reason: verdict.reason, path: url.slice(0, 100) });
      sendJson(response, verdict.status, { error: verdict.reason, ...(options.startCommand === undefined ? {} : { startCommand: options.startCommand }) });
      return;
    }
    if (url === '/events') {
      handleEvents(request, response);
      return;
    }
    let channel: string;
    try {
      channel = decodeURIComponent(url.slice('/rpc/'.length));
    } catch {
      sendJson(response, 400, { error: 'malformed channel name' });
      return;
    }
    handleRpc(request, response, channel).catch((error: unknown) => {
      logger.error('Browser bridge call failed', { error });
      if (!response.headersSent) sendJson(response, 500, { error: 'internal error' });
    });
  });

  server.maxConnections = limits.maxConnections;
  server.setTimeout(limits.idleTimeoutMs, (socket) => socket.destroy());
  server.on('drop', () => logger.warn('Browser mode refused a connection: too many open at once', { maxConnections: limits.maxConnections }));

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, host, () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${host}:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolveClose) => {
        for (const stream of streams) stream.end();
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
