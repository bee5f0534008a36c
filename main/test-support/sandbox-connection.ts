import type { ComposedApp } from '../compose';
import { createDemoAccount, uniqueCredentials, type DemoTemplate } from '../sandbox/demo-accounts';
import type { RunningSandbox } from '../sandbox/fiscal-harmony-sandbox';
import type { AccountSeed } from '../sandbox/state/account-seed';
import { FhTestClient } from '../sandbox/test-support/fh-test-client';
import { ipcOf } from './compose-test-app';

export interface SandboxAccountOptions {
  /** Typed into the connection instead of the account's own key or secret (a typo, a rotated key). */
  key?: string;
  secret?: string;
  /** Changes the template's account before the sandbox gets it (a billing status, a certificate date). */
  seed?: (seed: AccountSeed) => AccountSeed;
}

export interface SandboxConnection {
  /** The connection profile made for the account, now the active one. */
  profileId: string;
  /** The account as the sandbox got it: start another sandbox with it to change it "in the portal". */
  seed: AccountSeed;
  /** The same account reached directly, as another till or the Fiscal Harmony portal would. */
  client: FhTestClient;
}

/**
 * A fresh sandbox account from a demo template, added as a connection through the IPC router
 * (as the Connections screen does) and made the active connection.
 */
export async function useSandboxAccount(app: ComposedApp, sandbox: RunningSandbox, template: DemoTemplate, options: SandboxAccountOptions = {}): Promise<SandboxConnection> {
  const { value } = ipcOf(() => app);
  const credentials = uniqueCredentials(`fd-${template}`);
  const seed = (options.seed ?? ((s) => s))(createDemoAccount(template, credentials));
  sandbox.addAccount(seed);
  const created = await value<{ id: string }>('connections:create', {
    kind: 'fiscal-harmony',
    name: `${template} ${credentials.apiKey.slice(-4)}`,
    environment: 'custom',
    customBaseUrl: sandbox.baseUrl,
    applicationName: 'FiscalDesk',
    apiKey: options.key ?? credentials.apiKey,
    apiSecret: options.secret ?? credentials.apiSecret,
  });
  await value('connections:activate', { id: created.id });
  return { profileId: created.id, seed, client: new FhTestClient(sandbox.baseUrl, credentials) };
}
