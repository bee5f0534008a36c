// Starts a sandbox for one test file: isolated demo accounts, a settable clock, small delays.
import { createDemoAccounts } from '../demo-accounts';
import type { DemoAccountSet, DemoTemplate } from '../demo-accounts';
import { startFiscalHarmonySandbox } from '../fiscal-harmony-sandbox';
import type { RunningSandbox, SandboxOptions } from '../fiscal-harmony-sandbox';
import type { AccountSeed } from '../state/account-seed';
import { FhTestClient } from './fh-test-client';
import type { StatusJson } from './fh-test-client';

export interface TestClock {
  now(): Date;
  set(iso: string): void;
  advance(ms: number): void;
}

export function testClock(start = '2026-11-21T08:00:00Z'): TestClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (iso) => {
      current = new Date(iso);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

export interface TestSandbox {
  sandbox: RunningSandbox;
  clock: TestClock;
  accounts: DemoAccountSet;
  client(template: DemoTemplate): FhTestClient;
  clientFor(seed: Pick<AccountSeed, 'apiKey' | 'apiSecret'>): FhTestClient;
  /** A fresh account from a template, with its own client. */
  freshClient(template: DemoTemplate): FhTestClient;
  /** Submits, processes right away and returns the status result. */
  submitAndProcess(client: FhTestClient, kind: 'invoice' | 'creditnote', document: unknown): Promise<StatusJson>;
  close(): Promise<void>;
}

export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const clock = testClock();
  const accounts = createDemoAccounts({ unique: true });
  const errors: unknown[] = [];
  const sandbox = await startFiscalHarmonySandbox({
    accounts: Object.values(accounts),
    processingDelayMs: 5,
    clock: clock.now,
    onError: (error) => errors.push(error),
    ...options,
  });
  const clientFor = (seed: Pick<AccountSeed, 'apiKey' | 'apiSecret'>): FhTestClient => new FhTestClient(sandbox.baseUrl, seed);
  return {
    sandbox,
    clock,
    accounts,
    client: (template) => clientFor(accounts[template]),
    clientFor,
    freshClient: (template) => clientFor(sandbox.createAccount(template)),
    async submitAndProcess(client, kind, document) {
      const id = await client.submit(kind, document);
      sandbox.processNow();
      const [result] = await client.status([id]);
      if (!result) throw new Error(`No status for ${id}`);
      return result;
    },
    async close() {
      await sandbox.close();
      if (errors.length > 0) throw new AggregateError(errors, 'The sandbox reported internal errors');
    },
  };
}
