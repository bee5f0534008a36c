import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '../events/event-bus';
import type { Router } from '../ipc/router';
import { silentLogger } from '../logging/logger';
import { defaultServerLimits, startWebServer, type RunningWebServer } from './server';

// The server's limits over real HTTP, with timeouts shortened so that each check takes a second
// or less. The router behind it does not matter here (no request below reaches it).
const router: Router = { dispatch: async () => ({ ok: true, value: null }), channelNames: [] };

let staticDirectory: string;
const servers: RunningWebServer[] = [];
const sockets: Socket[] = [];

beforeAll(() => {
  staticDirectory = mkdtempSync(join(tmpdir(), 'fd-static-'));
  mkdirSync(join(staticDirectory, 'assets'));
  writeFileSync(join(staticDirectory, 'index.html'), '<!doctype html><title>Fiscal Desk</title>');
  writeFileSync(join(staticDirectory, 'assets', 'app.js'), 'console.log(1)\n//# sourceMappingURL=app.js.map');
  writeFileSync(join(staticDirectory, 'assets', 'app.js.map'), '{"version":3,"sources":["../../renderer/secret-source.tsx"]}');
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(options: Partial<Parameters<typeof startWebServer>[0]> = {}): Promise<RunningWebServer> {
  const server = await startWebServer({ router, events: new EventBus(), logger: silentLogger, staticDirectory, ...options });
  servers.push(server);
  return server;
}

function get(server: RunningWebServer, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path, headers: { Host: `127.0.0.1:${server.port}` } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

/** A raw connection; resolves with what the server sent once it closes the connection. */
function rawConnection(server: RunningWebServer): { socket: Socket; closed: Promise<{ text: string; afterMs: number }> } {
  const socket = connect(server.port, '127.0.0.1');
  sockets.push(socket);
  const started = Date.now();
  let text = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (text += chunk));
  socket.on('error', () => undefined);
  const closed = new Promise<{ text: string; afterMs: number }>((resolve) => socket.on('close', () => resolve({ text, afterMs: Date.now() - started })));
  return { socket, closed };
}

const shortTimeouts = { requestTimeoutMs: 400, headersTimeoutMs: 300, timeoutCheckIntervalMs: 50 };

describe('browser-mode server limits', () => {
  it('cuts off a request whose body trickles in too slowly', async () => {
    const server = await serve({ limits: shortTimeouts });
    const { socket, closed } = rawConnection(server);
    socket.write(
      `POST /rpc/settings:get HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: ${server.origin}\r\nX-Fiscal-Token: ${server.token}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"inp',
    );
    const { text, afterMs } = await closed;
    expect(text).toMatch(/^HTTP\/1\.1 408/);
    expect(afterMs).toBeLessThan(3_000);
  });

  it('cuts off a request whose headers never finish', async () => {
    const server = await serve({ limits: shortTimeouts });
    const { socket, closed } = rawConnection(server);
    socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-Slow: `);
    const { text, afterMs } = await closed;
    expect(text).toMatch(/^HTTP\/1\.1 408/);
    expect(afterMs).toBeLessThan(3_000);
  });

  it('closes a connection on which nothing moves', async () => {
    const server = await serve({ limits: { idleTimeoutMs: 300 } });
    const { closed } = rawConnection(server);
    const { text, afterMs } = await closed;
    expect(text).toBe('');
    expect(afterMs).toBeLessThan(3_000);
  });

  it('keeps the event stream open through quiet spells longer than the idle timeout', async () => {
    const events = new EventBus();
    const server = await serve({ events, limits: { idleTimeoutMs: 200 } });
    const { socket, closed } = rawConnection(server);
    let received = '';
    socket.on('data', (chunk: string) => (received += chunk));
    socket.write(`POST /events HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: ${server.origin}\r\nX-Fiscal-Token: ${server.token}\r\nContent-Length: 0\r\n\r\n`);
    await expect.poll(() => received).toContain(': connected');
    await new Promise((resolve) => setTimeout(resolve, 600));
    events.emit('settings:changed', { theme: 'dark', updateChannel: 'latest' });
    await expect.poll(() => received).toContain('event: settings:changed');
    socket.destroy();
    await closed;
  });

  it('refuses connections past the cap and serves again once one closes', async () => {
    const server = await serve({ limits: { maxConnections: 2 } });
    const first = rawConnection(server);
    const second = rawConnection(server);
    await Promise.all([new Promise((resolve) => first.socket.once('connect', resolve)), new Promise((resolve) => second.socket.once('connect', resolve))]);
    await expect(get(server, '/')).rejects.toMatchObject({ code: expect.stringMatching(/ECONNRESET|EPIPE|ECONNREFUSED/) });
    first.socket.destroy();
    await first.closed;
    await expect.poll(() => get(server, '/').catch(() => 0)).toBe(200);
  });

  it('has explicit limits by default, not Node’s five minutes for a request', async () => {
    const server = await serve();
    expect(await get(server, '/')).toBe(200);
    expect(defaultServerLimits.requestTimeoutMs).toBeLessThanOrEqual(30_000);
    expect(defaultServerLimits.headersTimeoutMs).toBeLessThanOrEqual(10_000);
  });

  it('does not serve source maps outside development', async () => {
    const production = await serve();
    expect(await get(production, '/assets/app.js')).toBe(200);
    expect(await get(production, '/assets/app.js.map')).toBe(404);
    expect(await get(production, '/assets/APP.JS.MAP')).toBe(404);
    const development = await serve({ serveSourceMaps: true });
    expect(await get(development, '/assets/app.js.map')).toBe(200);
  });
});
