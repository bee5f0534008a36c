import { join } from 'node:path';
import type { Logger } from '../../logging/logger';
import { DEMO_APPLICATION, DEMO_CREDENTIALS } from '../../sandbox/demo-accounts';
import { startFiscalHarmonySandbox, type RunningSandbox } from '../../sandbox/fiscal-harmony-sandbox';

export const trainingProfileId = 'training';
export const trainingApplicationName = DEMO_APPLICATION;

/**
 * Training mode: the Fiscal Harmony sandbox running inside the app on a random loopback port,
 * with the demo shop account, its history kept in the data folder. Nothing sent here is fiscal.
 * Started on first use, so the app starts just as fast without it.
 */
export class TrainingMode {
  private running: Promise<RunningSandbox> | undefined;

  constructor(private readonly options: { dataDirectory: string; logger: Logger; processingDelayMs?: number }) {}

  /** The demo credentials are public training values, not secrets: they never go to the keychain. */
  readonly credentials = { apiKey: DEMO_CREDENTIALS.shop.apiKey, apiSecret: DEMO_CREDENTIALS.shop.apiSecret };

  sandbox(): Promise<RunningSandbox> {
    this.running ??= startFiscalHarmonySandbox({
      port: 0,
      processingDelayMs: this.options.processingDelayMs ?? 2000,
      persistPath: join(this.options.dataDirectory, 'training', 'sandbox-state.json'),
      stationHeader: 'strict',
      onError: (error) => this.options.logger.error('Training sandbox error', { error }),
    }).then((sandbox) => {
      this.options.logger.info('Training sandbox started', { baseUrl: sandbox.baseUrl });
      return sandbox;
    });
    this.running.catch(() => {
      this.running = undefined;
    });
    return this.running;
  }

  async baseUrl(): Promise<string> {
    return (await this.sandbox()).baseUrl;
  }

  async stop(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    if (running !== undefined) {
      const sandbox = await running;
      await sandbox.flush();
      await sandbox.close();
    }
  }
}
