import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { KeytarVault } from './keytar-vault';

// Runs against the real OS keychain: in CI a Secret Service (gnome-keyring) inside dbus-run-session,
// started by scripts/with-keyring.sh. There is no fake here.
const service = `fiscal-desk-test-${randomUUID()}`;
const vault = new KeytarVault(service);
const account = `${randomUUID()}/apiSecret`;

afterAll(async () => {
  await vault.delete(account).catch(() => false);
});

describe('KeytarVault on the real keychain', () => {
  it('stores, reads, replaces and deletes a secret', async () => {
    expect(await vault.get(account)).toBeNull();
    await vault.set(account, 'first-secret-ü-value');
    expect(await vault.get(account)).toBe('first-secret-ü-value');
    await vault.set(account, 'second-secret-value');
    expect(await vault.get(account)).toBe('second-secret-value');
    expect(await vault.delete(account)).toBe(true);
    expect(await vault.get(account)).toBeNull();
    expect(await vault.delete(account)).toBe(false);
  });

  it('keeps services apart', async () => {
    const other = new KeytarVault(`${service}-other`);
    await vault.set(account, 'mine');
    expect(await other.get(account)).toBeNull();
    await vault.delete(account);
  });
});

describe('KeytarVault without a reachable keychain', () => {
  it('fails with KEYCHAIN_UNAVAILABLE and a message saying what to do, never falling back', async () => {
    const { spawnSync } = await import('node:child_process');
    const script = `
      import { KeytarVault } from './main/vault/keytar-vault.ts';
      try { await new KeytarVault('fiscal-desk-test').set('x/apiSecret', 'value'); console.log('STORED'); }
      catch (error) { console.log(JSON.stringify({ code: error.code, message: error.message, retryable: error.retryable })); }
    `;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: new URL('../..', import.meta.url).pathname,
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/fiscal-desk-bus' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    const line = child.stdout.trim().split('\n').pop() ?? '';
    expect(line).not.toBe('STORED');
    const error = JSON.parse(line) as { code: string; message: string; retryable: boolean };
    expect(error.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(error.message).toContain('Unlock the keychain');
    expect(error.retryable).toBe(true);
  });
});
