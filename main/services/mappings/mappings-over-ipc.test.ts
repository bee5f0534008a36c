import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MappingsOverview, SetupFromDeviceResult, TaxMappingRow } from '../../../shared/contract/mappings';
import type { ComposedApp } from '../../compose';
import { composeTestApp, ipcOf } from '../../test-support/compose-test-app';
import { silentLogger } from '../../logging/logger';
import { FiscalHarmonyClient } from '../../providers/fiscal-harmony/fh-client';
import { createDemoAccount, uniqueCredentials, type DemoTemplate } from '../../sandbox/demo-accounts';
import { startFiscalHarmonySandbox, type RunningSandbox } from '../../sandbox/fiscal-harmony-sandbox';
import { useSandboxAccount, type SandboxAccountOptions } from '../../test-support/sandbox-connection';

// Every mapping channel through the IPC router (contract validation of inputs and outputs
// included) against the sandbox over HTTP.

let sandbox: RunningSandbox;
let app: ComposedApp;
const { call, value } = ipcOf(() => app);
const changes: string[] = [];

beforeAll(async () => {
  sandbox = await startFiscalHarmonySandbox({ processingDelayMs: 5, onError: () => undefined });
  app = await composeTestApp();
  app.events.subscribe((name, payload) => {
    if (name === 'mappings:changed') changes.push(JSON.stringify(payload));
  });
});
afterAll(async () => {
  await app.dispose();
  await sandbox.close();
});

const useAccount = (template: DemoTemplate, options?: SandboxAccountOptions) => useSandboxAccount(app, sandbox, template, options);

const newDeviceRows = [
  { taxCode: 'EX', destinationTaxId: 512 },
  { taxCode: 'ZR', destinationTaxId: 513 },
  { taxCode: 'VAT15', taxName: 'VAT 15.5%', destinationTaxId: 515 },
  { taxCode: 'WHT5', destinationTaxId: 514 },
];

describe('mappings over IPC, against the sandbox', () => {
  it('shows an account without mappings, with the device taxes and supported currencies', async () => {
    await useAccount('new-device');
    const overview = await value<MappingsOverview>('mappings:overview');
    expect(overview.taxMappings).toEqual([]);
    expect(overview.currencyMappings).toEqual([]);
    expect(overview.deviceProblem).toBeNull();
    expect(overview.deviceTaxes.map((t) => [t.id, t.name, t.percent])).toEqual([
      [512, 'Exempt', null],
      [513, 'Zero rated 0%', '0'],
      [515, 'Standard rated 15.5%', '15.5'],
      [514, 'Non-VAT Withholding Tax 5%', '5'],
    ]);
    expect(overview.supportedCurrencies).toEqual(['USD', 'ZWG']);
  });

  it('sets up from the device in one go, with a result per row', async () => {
    await useAccount('new-device');
    const progress: string[] = [];
    const stop = app.events.subscribe((name, payload) => {
      if (name === 'mappings:setup-progress') progress.push(JSON.stringify(payload));
    });
    const setup = await value<SetupFromDeviceResult>('mappings:setupFromDevice', {
      rows: [...newDeviceRows, { taxCode: 'BAD', destinationTaxId: 999 }, { taxCode: 'EX', destinationTaxId: 513 }],
    });
    stop();
    expect(setup).toMatchObject({ created: 4, failed: 2 });
    expect(setup.results.map((r) => r.ok)).toEqual([true, true, true, true, false, false]);
    expect(setup.results[4]).toMatchObject({ message: expect.stringContaining("Tax id 999 is not one of this fiscal device's taxes") });
    expect(setup.results[5]).toMatchObject({ message: expect.stringContaining('"EX" is used by another row above') });
    expect(progress).toHaveLength(6);

    const overview = await value<MappingsOverview>('mappings:overview');
    const rows = overview.taxMappings.map((r) => [r.taxCode, r.taxName, r.destinationTaxId, r.zimraTaxId, r.deviceTax?.name, r.deviceTax?.percent, r.stale]);
    expect(rows).toEqual([
      ['EX', 'Exempt', 512, 512, 'Exempt', null, false],
      ['ZR', 'Zero rated 0%', 513, 513, 'Zero rated 0%', '0', false],
      ['VAT15', 'VAT 15.5%', 515, 515, 'Standard rated 15.5%', '15.5', false],
      ['WHT5', 'Non-VAT Withholding Tax 5%', 514, 514, 'Non-VAT Withholding Tax 5%', '5', false],
    ]);
    // Invoice entry sees exactly these codes.
    expect((await app.mappings.mappedTaxCodes()).map((m) => m.taxCode)).toEqual(['EX', 'ZR', 'VAT15', 'WHT5']);
  });

  it('creates, updates and deletes a tax mapping; refuses unknown taxes, duplicates and bad codes before calling the service', async () => {
    const { client: other } = await useAccount('new-device');
    const created = await value<TaxMappingRow>('mappings:createTax', { taxCode: ' VAT15 ', destinationTaxId: 515 });
    expect(created).toMatchObject({ taxCode: 'VAT15', taxName: 'Standard rated 15.5%', destinationTaxId: 515, zimraTaxId: 515, stale: false });
    expect(created.deviceTax).toMatchObject({ name: 'Standard rated 15.5%', percent: '15.5' });

    const unknownTax = await call('mappings:createTax', { taxCode: 'X', destinationTaxId: 517 });
    expect(unknownTax).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { destinationTaxId: expect.any(String) } } });
    expect(unknownTax.ok ? '' : unknownTax.error.message).toContain('Tax id 517 is not one of this fiscal device');
    const duplicate = await call('mappings:createTax', { taxCode: 'VAT15', destinationTaxId: 512 });
    expect(duplicate).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { taxCode: expect.stringContaining('already mapped') } } });
    const badCode = await call('mappings:createTax', { taxCode: 'A"B', destinationTaxId: 512 });
    expect(badCode).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { taxCode: expect.any(String) } } });
    const empty = await call('mappings:createTax', { taxCode: '   ', destinationTaxId: 512 });
    expect(empty).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { taxCode: expect.stringContaining('Enter your tax code') } } });
    // None of the refused ones reached the service.
    expect((await other.json<unknown[]>('GET', '/taxmapping')).body).toHaveLength(1);

    const updated = await value<TaxMappingRow>('mappings:updateTax', { id: created.id, taxCode: 'S', taxName: 'Standard', destinationTaxId: 512 });
    expect(updated).toMatchObject({ id: created.id, taxCode: 'S', taxName: 'Standard', destinationTaxId: 512, zimraTaxId: 512 });
    expect((await other.json('GET', `/taxmapping/${created.id}`)).body).toMatchObject({ TaxCode: 'S', DestinationTaxId: 512 });
    const updateToUnknown = await call('mappings:updateTax', { id: created.id, taxCode: 'S', destinationTaxId: 999 });
    expect(updateToUnknown).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    expect(await value('mappings:deleteTax', { id: created.id })).toEqual({ id: created.id, alreadyDeleted: false });
    expect((await value<MappingsOverview>('mappings:overview')).taxMappings).toEqual([]);
    expect(await value('mappings:deleteTax', { id: created.id })).toEqual({ id: created.id, alreadyDeleted: true });
  });

  it('handles a tax mapping deleted elsewhere: NOT_FOUND with an explanation, the change announced, the list right', async () => {
    const { client: other, profileId } = await useAccount('new-device');
    const created = await value<TaxMappingRow>('mappings:createTax', { taxCode: 'EX', destinationTaxId: 512 });
    expect((await other.request('DELETE', `/taxmapping/${created.id}`)).status).toBe(200);
    changes.length = 0;
    const edit = await call('mappings:updateTax', { id: created.id, taxCode: 'EX2', destinationTaxId: 512 });
    expect(edit).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(edit.ok ? '' : edit.error.message).toContain('no longer exists at Fiscal Harmony: it was deleted elsewhere');
    expect(changes.some((c) => c.includes(profileId))).toBe(true);
    expect((await value<MappingsOverview>('mappings:overview')).taxMappings).toEqual([]);
    expect(await call('mappings:updateTax', { id: 987654, taxCode: 'Q', destinationTaxId: 512 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('passes on a refusal by the service when a change elsewhere beat the check (a code mapped meanwhile)', async () => {
    const { client: other } = await useAccount('new-device');
    await value('mappings:overview');
    // Another till maps "ZR" after this screen read the list.
    expect((await other.request('POST', '/taxmapping', { TaxCode: 'ZR', DestinationTaxId: 513 })).status).toBe(200);
    const refused = await call('mappings:createTax', { taxCode: 'ZR', destinationTaxId: 513 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'SERVICE_REJECTED', message: expect.stringContaining('Tax code "ZR" is already mapped') } });
    // The refusal dropped the cache: the next try is refused before the call, by name.
    expect(await call('mappings:createTax', { taxCode: 'ZR', destinationTaxId: 513 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('creates, updates and deletes a currency mapping from the supported list; refuses unsupported and malformed codes', async () => {
    const { client: other } = await useAccount('new-device');
    const created = await value<{ id: number }>('mappings:createCurrency', { sourceCurrency: 'US$', destinationCurrency: 'usd' });
    expect(created).toMatchObject({ sourceCurrency: 'US$', destinationCurrency: 'USD', supported: true });
    expect(await call('mappings:createCurrency', { sourceCurrency: 'EUR', destinationCurrency: 'EUR' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('does not support EUR'), fields: { destinationCurrency: expect.any(String) } },
    });
    expect(await call('mappings:createCurrency', { sourceCurrency: 'U S D', destinationCurrency: 'USD' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { sourceCurrency: expect.stringContaining('without spaces') } },
    });
    expect(await call('mappings:createCurrency', { sourceCurrency: '123', destinationCurrency: 'USD' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('mappings:createCurrency', { sourceCurrency: 'US$', destinationCurrency: 'ZWG' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { sourceCurrency: expect.stringContaining('already mapped') } },
    });
    expect((await other.json<unknown[]>('GET', '/currencymapping')).body).toHaveLength(1);

    const zig = await value<{ id: number }>('mappings:createCurrency', { sourceCurrency: 'ZiG', destinationCurrency: 'ZWG' });
    expect(await value('mappings:updateCurrency', { id: zig.id, sourceCurrency: 'ZWG', destinationCurrency: 'ZWG' })).toMatchObject({ sourceCurrency: 'ZWG' });
    expect(await call('mappings:updateCurrency', { id: zig.id, sourceCurrency: 'US$', destinationCurrency: 'ZWG' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await value<MappingsOverview>('mappings:overview')).currencyMappings.map((c) => [c.sourceCurrency, c.destinationCurrency])).toEqual([
      ['US$', 'USD'],
      ['ZWG', 'ZWG'],
    ]);
    expect(await app.mappings.checkDocumentCodes({ taxCodes: [], currency: 'US$' })).toEqual({ ok: true, problems: [] });
    expect((await app.mappings.checkDocumentCodes({ taxCodes: ['VAT15'], currency: 'ZAR' })).problems.map((p) => p.message)).toEqual([
      'Tax code "VAT15" has no tax mapping: map it in Mappings before sending this document.',
      'Currency "ZAR" has no currency mapping: map it in Mappings before sending this document.',
    ]);

    expect(await value('mappings:deleteCurrency', { id: zig.id })).toEqual({ id: zig.id, alreadyDeleted: false });
    expect(await value('mappings:deleteCurrency', { id: zig.id })).toEqual({ id: zig.id, alreadyDeleted: true });
    expect((await other.request('DELETE', `/currencymapping/${created.id}`)).status).toBe(200);
    const gone = await call('mappings:updateCurrency', { id: created.id, sourceCurrency: 'USD', destinationCurrency: 'USD' });
    expect(gone).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('The currency mapping you changed no longer exists') } });
  });

  it('flags a mapping whose tax the device no longer lists', async () => {
    // The shop's mappings, plus one to a tax id its device has stopped listing.
    await useAccount('shop', { seed: (seed) => ({ ...seed, taxMappings: [...(seed.taxMappings ?? []), { TaxCode: 'OLD', TaxName: 'Old rate', DestinationTaxId: 501 }] }) });
    const overview = await value<MappingsOverview>('mappings:overview');
    expect(overview.taxMappings.find((r) => r.taxCode === 'OLD')).toMatchObject({ destinationTaxId: 501, deviceTax: null, stale: true });
    expect(overview.taxMappings.filter((r) => r.stale)).toHaveLength(1);
    expect((await app.mappings.checkDocumentCodes({ taxCodes: ['OLD', 'VAT15'], currency: 'USD' })).problems).toMatchObject([{ code: 'OLD', reason: 'stale' }]);
    // Editing it onto a tax the device lists clears the flag.
    const row = overview.taxMappings.find((r) => r.taxCode === 'OLD');
    expect(await value('mappings:updateTax', { id: row?.id, taxCode: 'OLD', destinationTaxId: 517 })).toMatchObject({ stale: false, deviceTax: { id: 517 } });
  });

  it('says the credentials are wrong: a wrong secret refuses changes, a wrong key refuses everything', async () => {
    await useAccount('new-device', { secret: 'not-the-secret-at-all' });
    // GETs are not signed, so the lists still load with a wrong secret.
    expect((await value<MappingsOverview>('mappings:overview')).deviceTaxes).toHaveLength(4);
    const create = await call('mappings:createTax', { taxCode: 'EX', destinationTaxId: 512 });
    expect(create).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    expect(await call('mappings:createCurrency', { sourceCurrency: 'USD', destinationCurrency: 'USD' })).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    const setup = await value<SetupFromDeviceResult>('mappings:setupFromDevice', { rows: newDeviceRows });
    expect(setup).toMatchObject({ created: 0, failed: 4 });
    expect(setup.results[0]).toMatchObject({ ok: false, message: expect.stringContaining('did not accept the API key or secret') });
    expect(setup.results[3]).toMatchObject({ ok: false, message: expect.stringContaining('Not tried') });

    await useAccount('new-device', { key: 'unknown-key-1234' });
    expect(await call('mappings:overview')).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    expect(await call('mappings:deleteTax', { id: 1 })).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
  });

  it('explains an account without a device: currency mappings still work, tax mappings cannot be checked', async () => {
    await useAccount('no-device');
    const overview = await value<MappingsOverview>('mappings:overview');
    expect(overview.deviceTaxes).toEqual([]);
    expect(overview.deviceProblem).toContain('no fiscal device attached');
    expect(await call('mappings:createTax', { taxCode: 'EX', destinationTaxId: 512 })).toMatchObject({ ok: false, error: { code: 'NO_DEVICE' } });
    expect(await value('mappings:createCurrency', { sourceCurrency: 'USD', destinationCurrency: 'USD' })).toMatchObject({ destinationCurrency: 'USD' });
  });

  it('switching the active connection switches what invoice entry sees', async () => {
    await useAccount('shop');
    expect((await app.mappings.mappedCurrencies()).map((c) => c.sourceCurrency)).toEqual(['USD', 'ZWG']);
    await useAccount('new-device');
    expect(await app.mappings.mappedCurrencies()).toEqual([]);
  });
});

describe('the client against the sandbox: refusals the app checks for first', () => {
  it('the service refuses an unknown tax id, an unsupported currency and an unknown id', async () => {
    const credentials = uniqueCredentials('map-raw');
    sandbox.addAccount(createDemoAccount('new-device', credentials));
    const client = new FiscalHarmonyClient({
      profileName: 'raw',
      baseUrl: sandbox.baseUrl,
      applicationName: 'FiscalDesk',
      stationId: 'till-1',
      appVersion: '0.1.0',
      credentials: async () => credentials,
      logger: silentLogger,
    });
    await expect(client.addTaxMapping({ TaxCode: 'X', DestinationTaxId: 517 })).rejects.toMatchObject({ code: 'SERVICE_REJECTED', message: expect.stringContaining('517') });
    await expect(client.addCurrencyMapping({ SourceCurrency: 'EUR', DestinationCurrency: 'EUR' })).rejects.toMatchObject({ code: 'SERVICE_REJECTED' });
    await expect(client.updateTaxMapping({ Id: 424242, TaxCode: 'X', DestinationTaxId: 512 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(client.deleteCurrencyMapping(424242)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
