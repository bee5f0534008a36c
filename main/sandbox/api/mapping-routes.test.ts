import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CurrencyMappingSchema, TaxMappingSchema } from '../../../shared/domain/fiscal-harmony/schemas';
import { startTestSandbox } from '../test-support/sandbox-fixture';
import type { TestSandbox } from '../test-support/sandbox-fixture';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());

describe('tax mappings', () => {
  it('lists the demo mappings with integer ids and the account id as UserId', async () => {
    const c = t.client('shop');
    const profile = await c.json<{ Id: number }>('GET', '/profile');
    const r = await c.json<unknown[]>('GET', '/taxmapping');
    const list = r.body.map((x) => TaxMappingSchema.parse(x));
    expect(list.map((m) => [m.TaxCode, m.DestinationTaxId])).toEqual([
      ['EX', 515],
      ['ZR', 516],
      ['VAT15', 517],
      ['WHT5', 518],
    ]);
    expect(list.every((m) => Number.isInteger(m.Id) && m.UserId === profile.body.Id)).toBe(true);
  });

  it('creates, reads, updates and deletes', async () => {
    const c = t.freshClient('new-device');
    const created = await c.json<Record<string, unknown>>('POST', '/taxmapping', { TaxCode: 'S', TaxName: 'Standard', DestinationTaxId: 515 });
    expect(created.status).toBe(200);
    const mapping = TaxMappingSchema.parse(created.body);
    expect(mapping).toMatchObject({ TaxCode: 'S', TaxName: 'Standard', DestinationTaxId: 515, ZimraTaxId: 515 });
    expect(Number.isInteger(mapping.Id)).toBe(true);

    expect((await c.json('GET', `/taxmapping/${mapping.Id}`)).body).toEqual(created.body);

    const updated = await c.request('PUT', `/taxmapping/${mapping.Id}`, { Id: mapping.Id, TaxCode: 'S', DestinationTaxId: '513' });
    expect(updated.status).toBe(200);
    expect(updated.text).toBe('true');
    expect((await c.json('GET', `/taxmapping/${mapping.Id}`)).body).toMatchObject({ DestinationTaxId: 513, TaxName: 'Zero rated 0%' });

    const deleted = await c.request('DELETE', `/taxmapping/${mapping.Id}`);
    expect([deleted.status, deleted.text]).toEqual([200, 'true']);
    expect((await c.request('GET', `/taxmapping/${mapping.Id}`)).status).toBe(404);
    expect((await c.json('GET', '/taxmapping')).body).toEqual([]);
  });

  it('fills TaxName from the device when it is not given', async () => {
    const c = t.freshClient('new-device');
    const r = await c.json('POST', '/taxmapping', { TaxCode: 'E', DestinationTaxId: 512 });
    expect(r.body).toMatchObject({ TaxName: 'Exempt' });
  });

  it('refuses a tax id the device does not list, a duplicate code, a missing code', async () => {
    const c = t.freshClient('new-device');
    const unknown = await c.json<{ Message: string }>('POST', '/taxmapping', { TaxCode: 'X', DestinationTaxId: 517 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.Message).toBe("Tax id 517 is not one of the fiscal device's applicable taxes (512, 513, 515, 514)");
    await c.json('POST', '/taxmapping', { TaxCode: 'A', DestinationTaxId: 515 });
    const dup = await c.json<{ Message: string }>('POST', '/taxmapping', { TaxCode: 'A', DestinationTaxId: 513 });
    expect([dup.status, dup.body.Message]).toEqual([400, 'Tax code "A" is already mapped']);
    expect((await c.request('POST', '/taxmapping', { DestinationTaxId: 513 })).status).toBe(400);
    expect((await c.request('POST', '/taxmapping', '{"TaxCode": "B", ', { rawBody: '{"TaxCode": "B", ' })).status).toBe(400);
  });

  it('refuses an update whose Id differs from the URL, and unknown ids', async () => {
    const c = t.freshClient('shop');
    const r = await c.json<{ Message: string }>('PUT', '/taxmapping/1', { Id: 2, TaxCode: 'EX', DestinationTaxId: 515 });
    expect([r.status, r.body.Message]).toEqual([400, 'The Id in the body (2) does not match the URL (1)']);
    expect((await c.request('PUT', '/taxmapping/999', { Id: 999, TaxCode: 'Q', DestinationTaxId: 515 })).status).toBe(404);
    expect((await c.request('DELETE', '/taxmapping/999')).status).toBe(404);
    expect((await c.request('GET', '/taxmapping/abc')).status).toBe(404);
  });

  it('answers 404 to a mapping without a device', async () => {
    const r = await t.client('no-device').request('POST', '/taxmapping', { TaxCode: 'A', DestinationTaxId: 515 });
    expect(r.status).toBe(404);
  });
});

describe('currency mappings', () => {
  it('lists the supported currencies', async () => {
    const r = await t.client('shop').json('GET', '/currencymapping/supported-currencies');
    expect(r).toEqual({ status: 200, body: ['USD', 'ZWG'] });
  });

  it('creates, reads, updates and deletes', async () => {
    const c = t.freshClient('new-device');
    const created = await c.json('POST', '/currencymapping', { SourceCurrency: 'ZiG', DestinationCurrency: 'ZWG' });
    expect(created.status).toBe(200);
    const m = CurrencyMappingSchema.parse(created.body);
    expect(m).toMatchObject({ SourceCurrency: 'ZiG', DestinationCurrency: 'ZWG' });
    expect(m.UserId).toBeTypeOf('number');
    expect((await c.json('GET', `/currencymapping/${m.Id}`)).body).toEqual(created.body);
    const updated = await c.request('PUT', `/currencymapping/${m.Id}`, { Id: m.Id, SourceCurrency: 'ZIG', DestinationCurrency: 'ZWG' });
    expect([updated.status, updated.text]).toEqual([200, 'true']);
    expect((await c.json('GET', '/currencymapping')).body).toEqual([{ ...m, SourceCurrency: 'ZIG' }]);
    expect((await c.request('DELETE', `/currencymapping/${m.Id}`)).text).toBe('true');
    expect((await c.request('GET', `/currencymapping/${m.Id}`)).status).toBe(404);
  });

  it('refuses an unsupported destination and a duplicate source', async () => {
    const c = t.freshClient('new-device');
    const eur = await c.json<{ Message: string }>('POST', '/currencymapping', { SourceCurrency: 'EUR', DestinationCurrency: 'EUR' });
    expect([eur.status, eur.body.Message]).toEqual([400, 'DestinationCurrency "EUR" is not supported (supported: USD, ZWG)']);
    await c.json('POST', '/currencymapping', { SourceCurrency: 'USD', DestinationCurrency: 'USD' });
    expect((await c.request('POST', '/currencymapping', { SourceCurrency: 'USD', DestinationCurrency: 'ZWG' })).status).toBe(400);
    expect((await c.request('PUT', '/currencymapping/77', { Id: 77, SourceCurrency: 'X', DestinationCurrency: 'USD' })).status).toBe(404);
  });

  it('keeps accounts apart', async () => {
    const a = t.freshClient('new-device');
    const b = t.freshClient('new-device');
    await a.json('POST', '/currencymapping', { SourceCurrency: 'USD', DestinationCurrency: 'USD' });
    expect((await b.json('GET', '/currencymapping')).body).toEqual([]);
  });
});
