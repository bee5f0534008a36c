// A pass-through in front of the sandbox that records every call (and the ids of each /status call) and
// can change the sandbox's status answer in one precise way (a service that repeats an id with
// a different verdict). Everything else goes to the sandbox and back unchanged.
import type { OutgoingHttpHeaders } from 'node:http';
import { startLocalHttpServer } from '../../test-support/local-http-server';

export interface StatusProxy {
  /** The Fiscal Harmony base URL to give the client (`http://127.0.0.1:PORT/api`). */
  baseUrl: string;
  /** The request ids of each /status call, in the order they came. */
  statusCalls: string[][];
  /** Every call that reached the sandbox through here: `GET /api/download/...`. */
  calls: string[];
  close(): Promise<void>;
}

export type StatusRewrite = (answer: unknown[]) => unknown[];

const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

export async function startStatusProxy(sandboxBaseUrl: string, rewrite: StatusRewrite = (answer) => answer): Promise<StatusProxy> {
  const target = new URL(sandboxBaseUrl).origin;
  const statusCalls: string[][] = [];
  const calls: string[] = [];
  const server = await startLocalHttpServer(async (request, response) => {
    calls.push(`${request.method} ${request.url}`);
    const isStatus = request.method === 'POST' && request.url.endsWith('/status');
    if (isStatus) statusCalls.push(JSON.parse(request.body) as string[]);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (!HOP_BY_HOP.has(name) && typeof value === 'string') headers[name] = value;
    }
    const answer = await fetch(`${target}${request.url}`, {
      method: request.method,
      headers,
      ...(request.method === 'GET' ? {} : { body: request.body }),
      redirect: 'manual',
    });
    let body = Buffer.from(await answer.arrayBuffer());
    if (isStatus && answer.status === 200) body = Buffer.from(JSON.stringify(rewrite(JSON.parse(body.toString('utf8')) as unknown[])));
    const out: OutgoingHttpHeaders = { 'content-length': body.byteLength };
    answer.headers.forEach((value, name) => {
      if (!HOP_BY_HOP.has(name) && name !== 'content-encoding') out[name] = value;
    });
    const cookies = answer.headers.getSetCookie();
    if (cookies.length > 0) out['set-cookie'] = cookies;
    response.writeHead(answer.status, out);
    response.end(body);
  });
  return { baseUrl: `${server.origin}${new URL(sandboxBaseUrl).pathname}`, statusCalls, calls, close: () => server.close() };
}
