// What the app's Fiscal Harmony client path (serialise, sign, headers, send, read, validate)
// costs on top of a bare fetch of the same signed request, measured side by side in one run
// against the sandbox in another process. Prints `BENCH fh-client-overhead-ratio <r> x` and
// fails above 1.15.
import { silentLogger } from '../main/logging/logger';
import { FiscalHarmonyClient } from '../main/providers/fiscal-harmony/fh-client';
import { signBody } from '../main/providers/fiscal-harmony/signature';
import { DEMO_CREDENTIALS } from '../main/sandbox/demo-accounts';
import { demoInvoice } from '../main/sandbox/test-support/demo-documents';
import { startSandboxProcess } from './support/sandbox-process';

const ROUNDS = 3_000;
const WARMUP = 300;
const LIMIT = 1.15;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

const server = await startSandboxProcess({ processingDelayMs: 1 });
try {
  const credentials = DEMO_CREDENTIALS.shop;
  const client = new FiscalHarmonyClient({
    profileName: 'bench',
    baseUrl: server.baseUrl,
    applicationName: 'FiscalDeskBench',
    stationId: 'bench-station',
    appVersion: '0.1.0',
    credentials: async () => credentials,
    logger: silentLogger,
  });

  // Five fiscalised documents, so that each status check answers and parses five results.
  const ids: string[] = [];
  for (let index = 0; index < 5; index += 1) ids.push(await client.submitInvoice(demoInvoice()));
  await new Promise((resolve) => setTimeout(resolve, 200));
  if ((await client.checkStatus(ids)).length !== ids.length) throw new Error('the sandbox did not process the bench documents');

  // The bare request: the same bytes and headers, prepared once, then fetch and read the body.
  const body = Buffer.from(JSON.stringify(ids));
  const headers = {
    Accept: 'application/json, text/plain, application/pdf',
    'Content-Type': 'application/json',
    'X-Api-Key': credentials.apiKey,
    'X-Api-Signature': signBody(body, credentials.apiSecret),
    'X-Application': 'FiscalDeskBench',
    'X-App-Station': 'bench-station',
    'X-App-Version': '0.1.0',
  };
  const bare = async () => {
    const response = await fetch(`${server.baseUrl}/status`, { method: 'POST', headers, body });
    await response.arrayBuffer();
  };
  const viaClient = async () => {
    await client.checkStatus(ids);
  };

  const clientTimes: number[] = [];
  const bareTimes: number[] = [];
  for (let round = 0; round < WARMUP + ROUNDS; round += 1) {
    // Alternate which goes first, so neither always gets the warmer connection.
    const order = round % 2 === 0 ? [viaClient, bare] : [bare, viaClient];
    for (const run of order) {
      const started = performance.now();
      await run();
      const elapsed = performance.now() - started;
      if (round >= WARMUP) (run === bare ? bareTimes : clientTimes).push(elapsed);
    }
  }
  const clientMedian = median(clientTimes);
  const bareMedian = median(bareTimes);
  const ratio = clientMedian / bareMedian;
  console.log(`# median over ${ROUNDS} rounds: client ${(clientMedian * 1000).toFixed(0)} µs, bare fetch ${(bareMedian * 1000).toFixed(0)} µs`);
  console.log(`BENCH fh-client-overhead-ratio ${ratio.toFixed(3)} x`);
  if (ratio > LIMIT) {
    console.error(`# fh-client-overhead: ${ratio.toFixed(3)} is above the limit of ${LIMIT}`);
    process.exitCode = 1;
  }
} finally {
  server.stop();
}
