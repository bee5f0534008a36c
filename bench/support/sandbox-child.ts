// Runs a Fiscal Harmony sandbox in its own process for a benchmark: prints `READY <baseUrl>`,
// stops when its standard input closes.
import { startFiscalHarmonySandbox } from '../../main/sandbox/fiscal-harmony-sandbox';

const processingDelayMs = Number(process.argv[2] ?? '50');
const sandbox = await startFiscalHarmonySandbox({ processingDelayMs, onError: (error) => console.error(error) });
console.log(`READY ${sandbox.baseUrl}`);
process.stdin.resume();
process.stdin.on('end', () => void sandbox.close().then(() => process.exit(0)));
