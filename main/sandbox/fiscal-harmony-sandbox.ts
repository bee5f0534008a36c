// The Fiscal Harmony sandbox: a local HTTP server speaking the wire contract of fh-api.md, for
// tests, benchmarks and the app's training mode. Electron-free; clock, paths, seed by options.
import { once } from 'node:events';
import { rename } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { routeAdmin } from './admin/admin-routes';
import type { AdminActions } from './admin/admin-routes';
import type { ApiDeps } from './api/api-deps';
import { routeApi } from './api/api-router';
import { createDemoAccount, createDemoAccounts, uniqueCredentials } from './demo-accounts';
import type { DemoTemplate } from './demo-accounts';
import type { FaultConfig, FaultPatch } from './faults/fault-config';
import { FaultInjector } from './faults/fault-injector';
import { authenticate } from './http/auth';
import type { StationHeaderMode } from './http/auth';
import { ADMIN_BASE, API_BASE, createSandboxHttpServer } from './http/http-server';
import type { ApiRequest } from './http/api-types';
import { LOOPBACK_HOSTS } from './http/loopback';
import { PdfCache } from './pdf/pdf-cache';
import { processDocument } from './processing/document-processor';
import { ProcessingQueue } from './processing/processing-queue';
import type { AccountSeed, SandboxCredentials } from './state/account-seed';
import type { AccountState, StoredDocument } from './state/account-state';
import { DebouncedWriter, readJsonFile } from './state/persistence';
import { SandboxState } from './state/sandbox-state';
import { fromSnapshot, toSnapshot } from './state/snapshot';

export const SEVEN_DAYS_MS = 7 * 24 * 60 * 60 * 1000;

export interface SandboxOptions {
  /** 0 (default) = a free port. */
  port?: number;
  /** Loopback only: `127.0.0.1` (default), `::1` or `localhost`; anything else is refused. */
  host?: string;
  /** Seed accounts; default: the four demo accounts with their fixed credentials. */
  accounts?: AccountSeed[];
  /** Time between receiving a document and its result in /status. Default 1000 ms. */
  processingDelayMs?: number;
  /** `strict` (default) requires X-App-Station and refuses X-Api-Secret; `lenient` does not. */
  stationHeader?: StationHeaderMode;
  /** Initial faults (all off by default). */
  faults?: Partial<FaultConfig>;
  /** Seed of the fault decisions. Default 1. */
  seed?: number;
  /** Injectable clock for receipt times, the status window, fiscal days. */
  clock?: () => Date;
  /** JSON file to keep the state across restarts (written atomically). Default: memory only. */
  persistPath?: string;
  /** Status window, default 7 days ([decided] in fh-api.md). */
  statusWindowMs?: number;
  /** At most this many ids per /status call, default 100. */
  maxStatusIds?: number;
  /** Where internal errors are reported; default console.error. */
  onError?: (error: unknown) => void;
}

export interface RunningSandbox {
  /** `http://127.0.0.1:PORT/api`: the Fiscal Harmony base URL. */
  baseUrl: string;
  /** `http://127.0.0.1:PORT/__admin` (loopback only). */
  adminUrl: string;
  port: number;
  close(): Promise<void>;
  getFaults(): FaultConfig;
  /** Changes some fault settings (validated); a `seed` restarts the fault decisions. */
  setFaults(patch: FaultPatch): FaultConfig;
  resetFaults(): FaultConfig;
  addAccount(seed: AccountSeed): SandboxCredentials;
  /** A new account from a demo template, with fresh random credentials unless given. */
  createAccount(template: DemoTemplate, credentials?: { apiKey: string; apiSecret: string }): SandboxCredentials;
  /** Back to the seed accounts (documents and mappings changes dropped), faults off. */
  reset(): void;
  /** Processes pending documents now instead of after the delay; returns how many. */
  processNow(options?: { includeSlow?: boolean }): number;
  /** Documents received so far by an account (for tests and diagnostics). */
  documents(apiKey: string): readonly StoredDocument[];
  /** Writes the persisted state now (no-op without persistPath). */
  flush(): Promise<void>;
}

function checkHost(host: string): string {
  if (!(LOOPBACK_HOSTS as readonly string[]).includes(host)) {
    throw new Error(`The sandbox only listens on loopback (${LOOPBACK_HOSTS.join(', ')}), not on "${host}"`);
  }
  return host === 'localhost' ? '127.0.0.1' : host;
}

/** Accounts from the state file; an unreadable file is moved aside (training must still start). */
async function restoreAccounts(path: string, onError: (error: unknown) => void): Promise<AccountState[]> {
  try {
    const raw = await readJsonFile(path);
    return raw === undefined ? [] : fromSnapshot(raw);
  } catch (error) {
    const aside = `${path}.unreadable-${Date.now()}`;
    await rename(path, aside).catch(() => undefined);
    onError(new Error(`The sandbox state file could not be read and was moved to ${aside}; starting afresh`, { cause: error }));
    return [];
  }
}

export async function startFiscalHarmonySandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const host = checkHost(options.host ?? '127.0.0.1');
  const clock = options.clock ?? (() => new Date());
  const seed = options.seed ?? 1;
  const processingDelayMs = options.processingDelayMs ?? 1000;
  const stationHeader = options.stationHeader ?? 'strict';
  const onError = options.onError ?? ((error: unknown) => console.error('[fh-sandbox]', error));
  const seeds = options.accounts ?? Object.values(createDemoAccounts());

  const state = new SandboxState();
  const faults = new FaultInjector(options.faults, seed);
  const pdfs = new PdfCache();
  const writer = options.persistPath
    ? new DebouncedWriter(options.persistPath, () => JSON.stringify(toSnapshot(state.all(), clock())), 250, onError)
    : undefined;
  const changed = (): void => writer?.changed();

  const queue = new ProcessingQueue((account, doc) => {
    try {
      processDocument(account, doc, clock());
    } catch (error) {
      onError(error);
      doc.result = { success: false, actionable: true, error: 'Internal sandbox error while processing', processedAt: clock().toISOString(), fiscal: null };
    }
    changed();
  });

  const enqueue = (account: AccountState, doc: StoredDocument): void => {
    const { delayMs, slow } = faults.processingDelay(processingDelayMs);
    doc.slow = slow;
    queue.schedule(account, doc, delayMs);
  };

  const seedAccounts = (): void => {
    for (const s of seeds) state.addAccount(s);
  };

  // Restore persisted accounts; seed accounts missing from the file are added.
  if (options.persistPath) {
    for (const account of await restoreAccounts(options.persistPath, onError)) {
      state.restore(account);
      for (const doc of account.documents.values()) if (!doc.result) enqueue(account, doc);
    }
  }
  for (const s of seeds) if (!state.get(s.apiKey)) state.addAccount(s);
  changed(); // the file exists from the first start on

  const deps: ApiDeps = {
    clock,
    enqueue,
    changed,
    renderPdf: (account, doc) => pdfs.get(account, doc),
    statusWindowMs: options.statusWindowMs ?? SEVEN_DAYS_MS,
    maxStatusIds: options.maxStatusIds ?? 100,
    hostileQrCode: () => faults.current.hostileQrCode,
  };

  const actions: AdminActions = {
    getFaults: () => faults.current,
    setFaults: (patch) => faults.update(patch),
    resetFaults: () => {
      faults.reset(seed);
      return faults.current;
    },
    listAccounts: () =>
      state.all().map((a) => ({
        accountId: a.id,
        label: a.label,
        apiKey: a.apiKey,
        hasDevice: a.device !== null,
        documents: a.documents.size,
        documentIds: new Set([...a.documents.values()].map((doc) => `${doc.kind} ${doc.documentId}`)).size,
      })),
    addAccount: (accountSeed) => {
      const credentials = state.addAccount(accountSeed);
      changed();
      return credentials;
    },
    createAccount: (template, credentials) => {
      return actions.addAccount(createDemoAccount(template, credentials ?? uniqueCredentials(`fh-${template}`)));
    },
    reset: () => {
      queue.clear();
      pdfs.clear();
      state.clear();
      seedAccounts();
      faults.reset(seed);
      changed();
    },
    processNow: (includeSlow) => queue.processNow({ includeSlow }),
  };

  const http = createSandboxHttpServer({
    faults,
    faultsAfterReceipt: () => faults.current.faultsAfterReceipt,
    onError,
    api: async (req: ApiRequest) => {
      const auth = authenticate(state, req, stationHeader);
      if ('response' in auth) return auth.response;
      return routeApi(auth.account, req, deps);
    },
    admin: async (req) => routeAdmin(req, actions),
  });

  http.server.listen(options.port ?? 0, host);
  await once(http.server, 'listening');
  const port = (http.server.address() as AddressInfo).port;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  let closed = false;
  return {
    baseUrl: `${origin}${API_BASE}`,
    adminUrl: `${origin}${ADMIN_BASE}`,
    port,
    async close() {
      if (closed) return;
      closed = true;
      queue.clear();
      await http.closeAll();
      await writer?.flush();
    },
    getFaults: actions.getFaults,
    setFaults: actions.setFaults,
    resetFaults: actions.resetFaults,
    addAccount: actions.addAccount,
    createAccount: actions.createAccount,
    reset: actions.reset,
    processNow: (o = {}) => actions.processNow(o.includeSlow ?? false),
    documents: (apiKey) => [...(state.get(apiKey)?.documents.values() ?? [])],
    flush: async () => writer?.flush(),
  };
}
