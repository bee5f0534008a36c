import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DocumentDetail } from '../../shared/contract/documents';
import type { ShopDbSettings, ShopReplicationStatus } from '../../shared/contract/shop-db';
import type { ComposedApp } from '../compose';
import { startFiscalHarmonySandbox, type RunningSandbox } from '../sandbox/fiscal-harmony-sandbox';
import { composeTestApp, fastTraining, ipcOf } from '../test-support/compose-test-app';
import { useShopDatabase } from '../test-support/pg-test-cluster';
import { typedInvoice } from '../test-support/sample-drafts';
import { useSandboxAccount } from '../test-support/sandbox-connection';
import { loginSettings } from './test-support/shop-replication';
import { closedPort } from '../test-support/closed-port';

// The whole app through its IPC router: with the shop database away the till fiscalises as
// always and the copy says it is paused; pointed at the real server it copies every document,
// and the password is in the vault, not in the data folder.

const shop = useShopDatabase();
let app: ComposedApp;
let sandbox: RunningSandbox;
const { value } = ipcOf(() => app);

beforeAll(async () => {
  sandbox = await startFiscalHarmonySandbox({ processingDelayMs: 5, onError: () => undefined });
  app = await composeTestApp(fastTraining);
  await useSandboxAccount(app, sandbox, 'shop');
}, 60_000);
afterAll(async () => {
  await app?.dispose();
  await sandbox?.close();
});

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

it('fiscalises while the shop database is away, then copies every document once it is reachable', { timeout: 90_000 }, async (context) => {
  const db = shop.ready(context);
  const login = await db.login('fiscal_desk_till');
  const settings: ShopDbSettings = { ...loginSettings(login), port: await closedPort(), enabled: true, branch: 'Gweru' };
  await value('shopDb:save', { settings, password: login.password });

  const ids: string[] = [];
  for (let i = 0; i < 3; i += 1) {
    const draft = await value<DocumentDetail>('documents:saveDraft', { draft: typedInvoice() });
    await value('documents:queue', { id: draft.id });
    ids.push(draft.id);
  }
  if (!app.documents.ok) throw app.documents.error;
  await app.documents.module.outbox.settled();
  for (const id of ids) expect((await value<DocumentDetail>('documents:get', { id })).state).toBe('fiscalised');
  await expect.poll(async () => (await value<ShopReplicationStatus>('shopDb:status')).problem, { timeout: 20_000 }).toBe('unreachable');
  const paused = await value<ShopReplicationStatus>('shopDb:status');
  expect(paused.message).toMatch(/^Copy to the shop database paused: the shop database at 127\.0\.0\.1:\d+ cannot be reached/);

  // The server's real address: saved without a password, the saved one is used.
  await value('shopDb:save', { settings: { ...settings, port: loginSettings(login).port }, password: null });
  await expect.poll(async () => { const status = await value<ShopReplicationStatus>('shopDb:status'); return status.state === 'paused' ? status.message : status.state; }, { timeout: 20_000 }).toBe('up-to-date');
  const copied = await db.admin.query<{ id: string; state: string; branch: string; qr: boolean }>(
    'SELECT id::text AS id, state, branch, qr_url IS NOT NULL AS qr FROM shop.documents WHERE id = ANY($1::uuid[]) ORDER BY id',
    [ids],
  );
  expect(copied.rows).toEqual([...ids].sort().map((id) => ({ id, state: 'fiscalised', branch: 'Gweru', qr: true })));

  const view = await value<{ passwordSaved: boolean }>('shopDb:get');
  expect(view.passwordSaved).toBe(true);
  const folder = (await value<{ dataDirectory: string }>('app:info')).dataDirectory;
  for (const file of filesUnder(folder)) expect(readFileSync(file).includes(login.password), file).toBe(false);
});
