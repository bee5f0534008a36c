import type { Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appErrorOf } from '../../test-support/app-error-of';
import { startLocalHttpServer, type LocalHttpServer } from '../../test-support/local-http-server';
import { localFhClient } from './test-support/local-fh-client';

// A service that closes a kept-open connection just as the next request arrives on it (what a
// server's idle timeout does in the wrong instant): that request never reaches the service.
let server: LocalHttpServer;
const answeredOn = new WeakMap<Socket, number>();

beforeEach(async () => {
  server = await startLocalHttpServer((request, response, raw) => {
    const earlier = answeredOn.get(raw.socket) ?? 0;
    if (earlier > 0) {
      raw.socket.destroy();
      return;
    }
    answeredOn.set(raw.socket, 1);
    response.writeHead(200, { 'Content-Type': 'application/json' });
    if (request.url === '/api/status') response.end('[]');
    else if (request.url === '/api/invoice') response.end('"req-1"');
    else response.end('{"Id":7,"FullName":"Harare shop"}');
  });
});
afterEach(async () => {
  await server.close();
});

/** A first answer, and its connection back in the pool for the next request to take. */
async function connectionKeptOpen(client: ReturnType<typeof localFhClient>): Promise<void> {
  await client.getProfile();
  await new Promise((resolve) => setImmediate(resolve));
}

const paths = () => server.received.map((request) => `${request.method} ${request.url}`);

describe('Fiscal Harmony client and a kept-open connection the service closed', () => {
  it('asks again on a new connection when the request only reads (a GET)', async () => {
    const client = localFhClient(server.origin);
    await connectionKeptOpen(client);
    await expect(client.getProfile()).resolves.toMatchObject({ FullName: 'Harare shop' });
    expect(paths()).toEqual(['GET /api/profile', 'GET /api/profile', 'GET /api/profile']);
  });

  it('asks again for a status check, which changes nothing at the service', async () => {
    const client = localFhClient(server.origin);
    await connectionKeptOpen(client);
    await expect(client.checkStatus(['req-1'])).resolves.toEqual([]);
    expect(paths()).toEqual(['GET /api/profile', 'POST /api/status', 'POST /api/status']);
  });

  it('never sends a document twice on its own: the outbox decides, with IsRetry', async () => {
    const client = localFhClient(server.origin);
    await connectionKeptOpen(client);
    const error = await appErrorOf(client.submitInvoice({ InvoiceId: 'd1' }));
    expect(error.code).toBe('NETWORK');
    expect(paths()).toEqual(['GET /api/profile', 'POST /api/invoice']);
  });
});
