// How many signed invoice submissions per second the Fiscal Harmony sandbox serves on loopback.
// The sandbox runs in a child process (its own core), the load generator here: keep-alive
// connections, pre-serialised and pre-signed bodies, 32 requests in flight.
// Prints `BENCH sandbox-submits-per-s <n> /s`; fails below 1,000/s (the sandbox must never be
// the bottleneck of the app's own benchmarks).
import { Agent, request } from 'node:http';
import { DEMO_CREDENTIALS } from '../main/sandbox/demo-accounts';
import { startSandboxProcess } from './support/sandbox-process';
import { demoInvoice } from '../main/sandbox/test-support/demo-documents';
import { signBody } from '../main/providers/fiscal-harmony/signature';

const CONCURRENCY = 32;
const WARMUP_MS = 1_000;
const MEASURE_MS = 4_000;
const REQUIRED_PER_S = 1_000;

interface Prepared {
  body: Buffer;
  headers: Record<string, string | number>;
}

function prepare(count: number): Prepared[] {
  const { apiKey, apiSecret } = DEMO_CREDENTIALS.shop;
  return Array.from({ length: count }, () => {
    const body = Buffer.from(
      JSON.stringify(
        demoInvoice({
          lines: [
            { quantity: '2', unitAmount: '57.75', taxCode: 'VAT15' },
            { quantity: '1', unitAmount: '3.20', taxCode: 'ZR', productCode: '04011000' },
          ],
        }),
      ),
    );
    return {
      body,
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': body.length,
        'X-Api-Key': apiKey,
        'X-Api-Signature': signBody(body, apiSecret),
        'X-Application': 'FiscalDeskBench',
        'X-App-Station': 'bench',
        'X-App-Version': '0.1.0',
      },
    };
  });
}

function post(agent: Agent, url: URL, prepared: Prepared): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ agent, host: url.hostname, port: url.port, path: `${url.pathname}/invoice`, method: 'POST', headers: prepared.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(prepared.body);
  });
}

async function statusOf(url: URL, ids: string[]): Promise<Array<{ Success: boolean; Error: string | null }>> {
  const body = JSON.stringify(ids);
  const { apiKey, apiSecret } = DEMO_CREDENTIALS.shop;
  const r = await fetch(`${url.href}/status`, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/json', 'X-Api-Key': apiKey, 'X-Api-Signature': signBody(body, apiSecret), 'X-App-Station': 'bench' },
  });
  return (await r.json()) as Array<{ Success: boolean; Error: string | null }>;
}

async function measure(): Promise<void> {
  const server = await startSandboxProcess();
  const url = new URL(server.baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const pool = prepare(40_000);
  let next = 0;
  let completed = 0;
  let failures = 0;
  const ids: string[] = [];
  let phase: 'warmup' | 'measure' | 'done' = 'warmup';

  const worker = async (): Promise<void> => {
    while (phase !== 'done') {
      const prepared = pool[next++ % pool.length];
      if (!prepared) return;
      const r = await post(agent, url, prepared);
      if (phase !== 'measure') continue;
      if (r.status === 200) {
        completed += 1;
        if (ids.length < 100) ids.push(r.text);
      } else failures += 1;
    }
  };

  const workers = Array.from({ length: CONCURRENCY }, () => worker());
  await new Promise((resolve) => setTimeout(resolve, WARMUP_MS));
  phase = 'measure';
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, MEASURE_MS));
  const elapsed = (performance.now() - started) / 1000;
  const perSecond = Math.round(completed / elapsed);
  phase = 'done';
  await Promise.all(workers);

  // The documents must also have been processed and fiscalised, not only received.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const results = await statusOf(url, ids);
  agent.destroy();
  server.stop();

  console.log(`# ${completed} submissions in ${elapsed.toFixed(2)} s with ${CONCURRENCY} in flight; ${failures} non-200; ${results.filter((r) => r.Success).length}/${ids.length} sampled fiscalised`);
  console.log(`BENCH sandbox-submits-per-s ${perSecond} /s`);
  const problems = [
    failures > 0 ? `${failures} submissions were not answered 200` : '',
    results.length !== ids.length || results.some((r) => !r.Success) ? 'sampled submissions were not all fiscalised' : '',
    perSecond < REQUIRED_PER_S ? `below the required ${REQUIRED_PER_S}/s` : '',
  ].filter((p) => p !== '');
  if (problems.length > 0) {
    console.error(`# sandbox-submits: ${problems.join('; ')}`);
    process.exitCode = 1;
  }
}

await measure();
