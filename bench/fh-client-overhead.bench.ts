// What the app's Fiscal Harmony client path (serialise, sign, headers, send, read, validate)
// costs on top of a bare fetch of the same signed request, measured in turns in one process
// against the sandbox in another. Five blocks of rounds each give a ratio of medians; the median
// block is printed as `BENCH fh-client-overhead-ratio <r> x (goal at most 1.10; …; load …)`,
// and the bench fails above the goal.
import { silentLogger } from '../main/logging/logger';
import { FiscalHarmonyClient } from '../main/providers/fiscal-harmony/fh-client';
import { signBody } from '../main/providers/fiscal-harmony/signature';
import { DEMO_CREDENTIALS } from '../main/sandbox/demo-accounts';
import { demoInvoice } from '../main/sandbox/test-support/demo-documents';
import { benchLine, inTurns, loadAverage, median, timed } from './support/in-turns';
import { startSandboxProcess } from './support/sandbox-process';

const BLOCKS = 5;
const ROUNDS_PER_BLOCK = 600;
const WARMUP = 300;
const GOAL = 1.1;

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

  await inTurns({ viaClient: () => timed(viaClient), bare: () => timed(bare) }, WARMUP);
  const loadBefore = loadAverage();
  const blocks: { ratio: number; clientUs: number; bareUs: number }[] = [];
  for (let block = 0; block < BLOCKS; block += 1) {
    const times = await inTurns({ viaClient: () => timed(viaClient), bare: () => timed(bare) }, ROUNDS_PER_BLOCK);
    const clientMs = median(times.viaClient);
    const bareMs = median(times.bare);
    blocks.push({ ratio: clientMs / bareMs, clientUs: clientMs * 1000, bareUs: bareMs * 1000 });
  }
  const ratios = blocks.map((block) => block.ratio);
  const ratio = median(ratios);
  const clientUs = median(blocks.map((block) => block.clientUs));
  const bareUs = median(blocks.map((block) => block.bareUs));
  console.log(`# ${BLOCKS} blocks of ${ROUNDS_PER_BLOCK} rounds in turns (${loadBefore} before): ratios ${ratios.map((r) => r.toFixed(3)).join(' ')}`);
  console.log(`# median per call: client ${clientUs.toFixed(0)} µs, bare fetch ${bareUs.toFixed(0)} µs, the client's own ${(clientUs - bareUs).toFixed(0)} µs`);
  console.log(benchLine('fh-client-overhead-ratio', ratio.toFixed(3), 'x', { goal: `at most ${GOAL.toFixed(2)}`, how: `median of ${BLOCKS} blocks` }));
  if (ratio > GOAL) {
    console.error(`# fh-client-overhead: ${ratio.toFixed(3)} is above the goal of ${GOAL.toFixed(2)}`);
    process.exitCode = 1;
  }
} finally {
  server.stop();
}
