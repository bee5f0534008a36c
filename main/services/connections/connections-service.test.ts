import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { EventBus } from '../../events/event-bus';
import { silentLogger } from '../../logging/logger';
import { Redactor } from '../../logging/redact';
import { createDemoAccount, uniqueCredentials } from '../../sandbox/demo-accounts';
import { startFiscalHarmonySandbox, type RunningSandbox } from '../../sandbox/fiscal-harmony-sandbox';
import { openConfSettings } from '../../store/conf-backend';
import { SettingsStore } from '../../store/settings-store';
import { MemoryVault } from '../../vault/memory-vault';
import type { SecretVault } from '../../vault/secret-vault';
import { AccountService } from '../fiscal-harmony/account-service';
import { TrainingMode } from '../training/training-mode';
import { ConnectionsService } from './connections-service';
import { CredentialCache } from './credential-cache';
import { FiskalyConnections } from '../../providers/fiskaly/fiskaly-connections';
import { fiskalyConnector } from './fiskaly-connector';
import { ProfileStore } from './profile-store';

let sandbox: RunningSandbox;
const shop = uniqueCredentials('conn-shop');
const overdue = uniqueCredentials('conn-overdue');
const noDevice = uniqueCredentials('conn-nodevice');
const services: { training: TrainingMode }[] = [];

beforeAll(async () => {
  sandbox = await startFiscalHarmonySandbox({
    accounts: [createDemoAccount('shop', shop), createDemoAccount('overdue', overdue), createDemoAccount('no-device', noDevice)],
    onError: () => undefined,
  });
});
afterAll(async () => {
  await Promise.all(services.map((s) => s.training.stop()));
  await sandbox.close();
});

function setup(vault: SecretVault = new MemoryVault()) {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'fd-conn-'));
  const settings = new SettingsStore(openConfSettings(dataDirectory));
  const events = new EventBus();
  const seen: string[] = [];
  events.subscribe((name) => seen.push(name));
  const training = new TrainingMode({ dataDirectory, logger: silentLogger, processingDelayMs: 10 });
  const profiles = new ProfileStore(settings);
  const connections = new ConnectionsService({
    profiles,
    credentials: new CredentialCache(vault, new Redactor()),
    training,
    fiskaly: fiskalyConnector(new FiskalyConnections({ vault, redactor: new Redactor(), logger: silentLogger })),
    events,
    logger: silentLogger,
    appVersion: '0.1.0',
  });
  services.push({ training });
  return { connections, profiles, vault, seen, accounts: new AccountService(connections), training };
}

const customProfile = (name: string, creds: { apiKey: string; apiSecret: string }) => ({
  kind: 'fiscal-harmony' as const,
  name,
  environment: 'custom' as const,
  customBaseUrl: sandbox.baseUrl,
  applicationName: 'FiscalDesk',
  ...creds,
});

describe('ConnectionsService', () => {
  it('creates the training profile on the very first start only, and makes it active', async () => {
    const { connections, profiles } = setup();
    connections.ensureTrainingProfile();
    connections.ensureTrainingProfile();
    const overview = await connections.overview();
    expect(overview.profiles).toHaveLength(1);
    expect(overview.profiles[0]).toMatchObject({ id: 'training', environment: 'training', isActive: true, secrets: { apiKey: true, apiSecret: true } });
    await connections.remove('training');
    connections.ensureTrainingProfile();
    expect(profiles.list()).toHaveLength(0);
  });

  it('shows account and device data of the training sandbox', async () => {
    const { connections, accounts } = setup();
    connections.ensureTrainingProfile();
    const account = await accounts.account();
    expect(account.connection).toMatchObject({ training: true });
    expect(account.subscription?.status?.severity).toBe('ok');
    const device = await accounts.device();
    expect(device.config?.taxes.length).toBeGreaterThanOrEqual(4);
  });

  it('keeps key and secret in the vault only, and reports only whether they are set', async () => {
    const { connections, vault, profiles } = setup();
    const view = await connections.create(customProfile('Harare shop', shop));
    expect(view.secrets).toEqual({ apiKey: true, apiSecret: true });
    expect(JSON.stringify(view)).not.toContain(shop.apiSecret);
    expect(JSON.stringify(profiles.list())).not.toContain(shop.apiSecret);
    expect(JSON.stringify(profiles.list())).not.toContain(shop.apiKey);
    expect(await vault.get(`${view.id}/apiSecret`)).toBe(shop.apiSecret);
  });

  it('makes the first real profile active when none is, and switches the data when another is activated', async () => {
    const { connections, accounts } = setup();
    const first = await connections.create(customProfile('Shop', shop));
    const second = await connections.create(customProfile('Overdue shop', overdue));
    expect((await connections.overview()).activeProfileId).toBe(first.id);
    expect((await accounts.account()).subscription?.status?.severity).toBe('ok');
    await connections.activate(second.id);
    expect((await accounts.account()).subscription?.status).toMatchObject({ value: 'Overdue', severity: 'warning' });
  });

  it('tests a connection: accepted keys, wrong secret, and an account without a device', async () => {
    const { connections } = setup();
    const good = await connections.create(customProfile('Good', shop));
    expect(await connections.test(good.id)).toMatchObject({ ok: true });
    const bad = await connections.create(customProfile('Bad', { apiKey: shop.apiKey, apiSecret: 'wrong-secret-value' }));
    const result = await connections.test(bad.id);
    expect(result.ok).toBe(false);
    expect(result.message).toContain('did not accept the API key or secret of "Bad"');
    const none = await connections.create(customProfile('No device', noDevice));
    // It works, but is not called ready: nothing can be fiscalised without a device.
    expect(await connections.test(none.id)).toMatchObject({ ok: true, message: expect.stringContaining('no fiscal device'), blocker: expect.stringContaining('cannot be fiscalised') });
    expect((await connections.test(good.id)).blocker).toBeUndefined();
  });

  it('refuses a second connection with the same name, on create and on rename', async () => {
    const { connections, profiles } = setup();
    const first = await connections.create(customProfile('Harare shop', shop));
    await expect(connections.create(customProfile(' harare SHOP ', overdue))).rejects.toMatchObject({ code: 'CONFLICT', fields: { name: expect.stringContaining('taken') } });
    const other = await connections.create(customProfile('Bulawayo', overdue));
    await expect(connections.rename(other.id, 'Harare shop')).rejects.toMatchObject({ code: 'CONFLICT' });
    // Renaming a connection to its own name (or its own name in other case) is fine.
    await expect(connections.rename(first.id, 'Harare Shop')).resolves.toMatchObject({ name: 'Harare Shop' });
    expect(profiles.list().map((p) => p.name).sort()).toEqual(['Bulawayo', 'Harare Shop']);
  });

  it('uses a replaced secret at once', async () => {
    const { connections } = setup();
    const profile = await connections.create(customProfile('Rotating', { apiKey: shop.apiKey, apiSecret: 'old-wrong-secret' }));
    expect((await connections.test(profile.id)).ok).toBe(false);
    await connections.setSecret(profile.id, 'apiSecret', shop.apiSecret);
    expect((await connections.test(profile.id)).ok).toBe(true);
  });

  it('explains a missing secret instead of calling the service', async () => {
    const { connections, accounts } = setup();
    const profile = await connections.create(customProfile('Half set', shop));
    await connections.removeSecret(profile.id, 'apiSecret');
    expect((await connections.overview()).profiles[0]?.secrets).toEqual({ apiKey: true, apiSecret: false });
    await expect(accounts.account()).rejects.toMatchObject({ code: 'CREDENTIALS_MISSING', message: expect.stringContaining('API secret of "Half set"') });
  });

  it('removes the keychain entries with the profile and activates another one', async () => {
    const { connections, vault } = setup();
    const a = await connections.create(customProfile('A', shop));
    const b = await connections.create(customProfile('B', overdue));
    const overview = await connections.remove(a.id);
    expect(await vault.get(`${a.id}/apiKey`)).toBeNull();
    expect(await vault.get(`${a.id}/apiSecret`)).toBeNull();
    expect(overview.activeProfileId).toBe(b.id);
    await expect(connections.activate(a.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('emits connections:changed on every change', async () => {
    const { connections, seen } = setup();
    const profile = await connections.create(customProfile('A', shop));
    await connections.rename(profile.id, 'A2');
    connections.setStationLabel('Till 2');
    expect(seen.filter((name) => name === 'connections:changed')).toHaveLength(3);
  });

  it('keeps one station id per installation while its label changes', async () => {
    const { connections } = setup();
    const before = (await connections.overview()).station;
    expect(before.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(connections.setStationLabel('Front till')).toEqual({ id: before.id, label: 'Front till' });
    expect((await connections.overview()).station.id).toBe(before.id);
  });

  describe('when the keychain cannot be reached', () => {
    class LockableVault extends MemoryVault {
      locked = false;
      private check(): void {
        if (this.locked) throw new AppError('KEYCHAIN_UNAVAILABLE', 'The keychain is locked.', { retryable: true });
      }
      override async get(account: string) {
        this.check();
        return super.get(account);
      }
      override async set(account: string, value: string) {
        this.check();
        return super.set(account, value);
      }
      override async delete(account: string) {
        this.check();
        return super.delete(account);
      }
    }

    it('refuses to create a profile and leaves nothing behind (no plain-text fallback)', async () => {
      const vault = new LockableVault();
      vault.locked = true;
      const { connections, profiles } = setup(vault);
      await expect(connections.create(customProfile('A', shop))).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
      expect(profiles.list()).toHaveLength(0);
      expect(vault.entries.size).toBe(0);
    });

    it('still lists profiles, saying the keychain is unavailable, and calls fail with that reason', async () => {
      const vault = new LockableVault();
      const { connections, accounts } = setup(vault);
      await connections.create(customProfile('A', shop));
      vault.locked = true;
      const overview = await connections.overview();
      expect(overview.keychainAvailable).toBe(false);
      expect(overview.profiles).toHaveLength(1);
      await expect(accounts.account()).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
    });

    it('is asked even when only the training connection exists, so the form can say so before a key is typed', async () => {
      const vault = new LockableVault();
      const { connections } = setup(vault);
      connections.ensureTrainingProfile();
      expect((await connections.overview()).keychainAvailable).toBe(true);
      vault.locked = true;
      expect((await connections.overview()).keychainAvailable).toBe(false);
      expect(vault.entries.size).toBe(0);
    });
  });
});
