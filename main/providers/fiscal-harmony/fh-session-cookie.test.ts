import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../logging/logger';
import { FiscalHarmonyClient } from './fh-client';

// fh-api.md: no login step is documented, but if the service sets a session cookie the client
// keeps it (in main only) and sends it back; a 401 drops it and re-sends once. The sandbox sets
// no cookie, so a small real HTTP server plays a service that does.
let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve()))));

async function serve(handler: (request: IncomingMessage, count: number) => { status: number; headers?: Record<string, string>; body: string }) {
  let count = 0;
  const seen: (string | undefined)[] = [];
  server = createServer((request, response) => {
    count += 1;
    seen.push(request.headers.cookie);
    const answer = handler(request, count);
    response.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
    response.end(answer.body);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const client = new FiscalHarmonyClient({
    profileName: 'Cookie shop',
    baseUrl: `http://127.0.0.1:${port}/api`,
    applicationName: 'FiscalDesk',
    stationId: 'station-1',
    appVersion: '0.1.0',
    credentials: async () => ({ apiKey: 'key-1', apiSecret: 'secret-1' }),
    logger: silentLogger,
  });
  return { client, seen };
}

const profile = JSON.stringify({ Id: 7, FullName: 'Cookie shop' });

describe('session cookie', () => {
  it('keeps a cookie the service sets and sends it back on later requests', async () => {
    const { client, seen } = await serve((_request, count) => ({
      status: 200,
      ...(count === 1 ? { headers: { 'Set-Cookie': 'fh_session=abc123; Path=/; HttpOnly; Secure' } } : {}),
      body: profile,
    }));
    await client.getProfile();
    await client.getProfile();
    expect(seen).toEqual([undefined, 'fh_session=abc123']);
  });

  it('drops the cookie after a 401 and re-sends once without it', async () => {
    const { client, seen } = await serve((request, count) => {
      if (count === 1) return { status: 200, headers: { 'Set-Cookie': 'fh_session=old' }, body: profile };
      if (request.headers.cookie === 'fh_session=old') return { status: 401, body: '{"Message":"Session expired"}' };
      return { status: 200, headers: { 'Set-Cookie': 'fh_session=new' }, body: profile };
    });
    await client.getProfile();
    await expect(client.getProfile()).resolves.toMatchObject({ FullName: 'Cookie shop' });
    await client.getProfile();
    expect(seen).toEqual([undefined, 'fh_session=old', undefined, 'fh_session=new']);
  });
});
