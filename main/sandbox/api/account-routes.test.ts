import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FiscalDeviceSchema, ProfileSchema, SubscriptionSchema, parseDeviceConfig } from '../../../shared/domain/fiscal-harmony/schemas';
import { startTestSandbox } from '../test-support/sandbox-fixture';
import type { TestSandbox } from '../test-support/sandbox-fixture';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());

describe('GET /profile', () => {
  it('answers the profile in PascalCase', async () => {
    const r = await t.client('shop').json('GET', '/profile');
    expect(r.status).toBe(200);
    const profile = ProfileSchema.parse(r.body);
    expect(profile).toMatchObject({ FullName: 'Tendai Moyo', TradeName: 'Msasa Hardware', Tin: '2000123456' });
    expect(Number.isInteger(profile.Id)).toBe(true);
  });

  it('gives each account its own id', async () => {
    const a = await t.client('shop').json<{ Id: number }>('GET', '/profile');
    const b = await t.client('overdue').json<{ Id: number }>('GET', '/profile');
    expect(a.body.Id).not.toBe(b.body.Id);
  });
});

describe('GET /fiscaldevice', () => {
  it('answers the device with CurrentConfig as a JSON string', async () => {
    const r = await t.client('shop').json<Record<string, unknown>>('GET', '/fiscaldevice');
    expect(r.status).toBe(200);
    expect(typeof r.body.CurrentConfig).toBe('string');
    const device = FiscalDeviceSchema.parse(r.body);
    expect(device).toMatchObject({ DeviceId: 23401, Status: 'Active', BillingStatus: 'Active' });
    const config = parseDeviceConfig(device.CurrentConfig);
    if (!config.ok) throw new Error(config.error);
    expect(config.config.applicableTaxes.map((x) => [x.taxID, x.taxName, x.taxPercent])).toEqual([
      [515, 'Exempt', undefined],
      [516, 'Zero rated 0%', '0'],
      [517, 'Standard rated 15.5%', '15.5'],
      [518, 'Non-VAT Withholding Tax 5%', '5'],
    ]);
    expect(config.config).toMatchObject({ qrUrl: 'https://fdmstest.zimra.co.zw', deviceOperatingMode: 'Online' });
    expect(config.config.certificateValidTill).toBeTruthy();
  });

  it('uses other tax ids on another device', async () => {
    const r = await t.client('new-device').json<{ CurrentConfig: string }>('GET', '/fiscaldevice');
    const config = parseDeviceConfig(r.body.CurrentConfig);
    expect(config.ok && config.config.applicableTaxes.find((x) => x.taxPercent === '15.5')?.taxID).toBe(515);
  });

  it('answers 404 without a device', async () => {
    const r = await t.client('no-device').json<{ Message: string }>('GET', '/fiscaldevice');
    expect(r.status).toBe(404);
    expect(r.body.Message).toMatch(/No fiscal device/);
  });
});

describe('GET /subscription', () => {
  it('answers the subscription', async () => {
    const r = await t.client('shop').json('GET', '/subscription');
    expect(r.status).toBe(200);
    expect(SubscriptionSchema.parse(r.body)).toMatchObject({ Status: 'Active', Plan: { Name: 'Standard', Price: '25', Currency: 'USD' } });
  });

  it('shows an overdue bill on the device and the subscription', async () => {
    expect((await t.client('overdue').json('GET', '/subscription')).body).toMatchObject({ Status: 'Overdue' });
    expect((await t.client('overdue').json('GET', '/fiscaldevice')).body).toMatchObject({ BillingStatus: 'Overdue' });
  });

  it('answers 404 without a device', async () => {
    expect((await t.client('no-device').request('GET', '/subscription')).status).toBe(404);
  });
});

describe('routing', () => {
  it('answers 404 for unknown paths and 405 for wrong methods, as JSON Message', async () => {
    const c = t.client('shop');
    const unknown = await c.request('GET', '/nothing-here');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.text)).toHaveProperty('Message');
    expect((await c.request('POST', '/profile', {})).status).toBe(405);
    expect((await c.request('GET', '/invoice')).status).toBe(405);
    const outside = await fetch(t.sandbox.baseUrl.replace(/\/api$/, '/profile'));
    expect(outside.status).toBe(404);
  });

  it('matches paths case-insensitively', async () => {
    expect((await t.client('shop').request('GET', '/Profile')).status).toBe(200);
  });
});
