// `npm run sandbox`: the Fiscal Harmony sandbox on loopback, with the demo accounts.
//   --port 8787 (0 = any free port)   --delay 1000 (ms)   --persist <file.json>
//   --seed 1   --lenient (X-App-Station optional)   --host 127.0.0.1|::1
import { parseArgs } from 'node:util';
import { DEMO_APPLICATION, DEMO_CREDENTIALS, DEMO_TEMPLATES } from './demo-accounts';
import { startFiscalHarmonySandbox } from './fiscal-harmony-sandbox';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    delay: { type: 'string', default: '1000' },
    persist: { type: 'string' },
    seed: { type: 'string', default: '1' },
    lenient: { type: 'boolean', default: false },
  },
});

const number = (text: string, name: string): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, not "${text}"`);
  return n;
};

const sandbox = await startFiscalHarmonySandbox({
  port: number(values.port, 'port'),
  host: values.host,
  processingDelayMs: number(values.delay, 'delay'),
  seed: number(values.seed, 'seed'),
  stationHeader: values.lenient ? 'lenient' : 'strict',
  ...(values.persist ? { persistPath: values.persist } : {}),
});

const lines = [
  'Fiscal Harmony sandbox (training) is running.',
  `  Base URL   ${sandbox.baseUrl}`,
  `  Admin      ${sandbox.adminUrl}   (this computer only; see main/sandbox/README.md)`,
  `  State      ${values.persist ? `persisted to ${values.persist}` : 'in memory'}; documents processed after ${values.delay} ms`,
  `  Headers    X-Api-Key, X-Api-Signature (POST/PUT), X-Application (e.g. ${DEMO_APPLICATION}), X-App-Station${values.lenient ? ' (optional)' : ''}, X-App-Version`,
  '',
  'Demo accounts:',
  ...DEMO_TEMPLATES.map((t) => {
    const c = DEMO_CREDENTIALS[t];
    return `  ${t.padEnd(11)} key ${c.apiKey.padEnd(24)} secret ${c.apiSecret.padEnd(32)} ${c.description}`;
  }),
  '',
  'Press Ctrl+C to stop.',
];
console.log(lines.join('\n'));

const stop = (): void => {
  void sandbox.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
