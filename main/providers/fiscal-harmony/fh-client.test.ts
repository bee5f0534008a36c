import { appErrorOf } from '../../test-support/app-error-of';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signBody } from './signature';
import { silentLogger } from '../../logging/logger';
import { startFiscalHarmonySandbox, type RunningSandbox } from '../../sandbox/fiscal-harmony-sandbox';
import { createDemoAccount, uniqueCredentials, type DemoTemplate } from '../../sandbox/demo-accounts';
import { FiscalHarmonyClient } from './fh-client';
import type { FiscalHarmonyCredentials } from './fh-http';

// Real HTTP against the sandbox. The fetch wrapper only records what went out; it sends as is.
interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
}

let sandbox: RunningSandbox;
const credentials: Partial<Record<DemoTemplate, FiscalHarmonyCredentials>> = {};
const stationId = 'c0ffee00-1111-4222-8333-444455556666';

beforeAll(async () => {
  const accounts = (['shop', 'new-device', 'no-device'] as const).map((template) => {
    credentials[template] = uniqueCredentials(`client-${template}`);
    return createDemoAccount(template, credentials[template]);
  });
  sandbox = await startFiscalHarmonySandbox({ accounts, processingDelayMs: 5, stationHeader: 'strict', onError: () => undefined });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.resetFaults();
});

function clientFor(creds: FiscalHarmonyCredentials, options: { timeoutMs?: number; baseUrl?: string } = {}) {
  const sent: Sent[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const body = init?.body === undefined || init.body === null ? null : Buffer.from(init.body as Uint8Array).toString('utf8');
    sent.push({ method: init?.method ?? 'GET', url: String(input), headers, body });
    return fetch(input, init);
  };
  const client = new FiscalHarmonyClient({
    profileName: 'Harare shop',
    baseUrl: options.baseUrl ?? sandbox.baseUrl,
    applicationName: 'FiscalDesk',
    stationId,
    appVersion: '0.1.0',
    credentials: async () => creds,
    timeoutMs: options.timeoutMs ?? 5_000,
    fetch: recordingFetch,
    logger: silentLogger,
  });
  return { client, sent };
}


describe('FiscalHarmonyClient against the sandbox', () => {
  it('reads the profile, the device with its config, and the subscription', async () => {
    const { client } = clientFor(credentials.shop!);
    const profile = await client.getProfile();
    expect(profile.FullName).toBeTruthy();
    const device = await client.getFiscalDevice();
    expect(typeof device.CurrentConfig).toBe('string');
    expect(JSON.parse(device.CurrentConfig!)).toHaveProperty('applicableTaxes');
    const subscription = await client.getSubscription();
    expect(subscription.Status).toBe('Active');
  });

  it('sends every documented header with the right values, and no secret', async () => {
    const { client, sent } = clientFor(credentials['new-device']!);
    await client.getProfile();
    const created = await client.addCurrencyMapping({ SourceCurrency: 'US$', DestinationCurrency: 'USD' });
    expect(created.Id).toBeGreaterThan(0);

    const [get, post] = sent;
    for (const request of [get!, post!]) {
      expect(request.headers['x-api-key']).toBe(credentials['new-device']!.apiKey);
      expect(request.headers['x-application']).toBe('FiscalDesk');
      expect(request.headers['x-app-station']).toBe(stationId);
      expect(request.headers['x-app-version']).toBe('0.1.0');
      expect(request.headers).not.toHaveProperty('x-api-secret');
      expect(request.headers).not.toHaveProperty('x-client-count');
      expect(JSON.stringify(request)).not.toContain(credentials['new-device']!.apiSecret);
    }
    expect(get!.headers).not.toHaveProperty('x-api-signature');
    expect(post!.headers['content-type']).toBe('application/json');
    // The signature is over the exact bytes that were sent, and the sandbox accepted it.
    expect(post!.headers['x-api-signature']).toBe(signBody(post!.body!, credentials['new-device']!.apiSecret));
    expect(JSON.parse(post!.body!)).toEqual({ SourceCurrency: 'US$', DestinationCurrency: 'USD' });
  });

  it('signs every status check over its own bytes, the same ids asked again included', async () => {
    const { client, sent } = clientFor(credentials.shop!);
    await client.checkStatus(['req-a', 'req-b']);
    await client.checkStatus(['req-a']);
    await client.checkStatus(['req-a', 'req-b']);
    await client.checkStatus(['req-a', 'req-c']);
    expect(sent.map((request) => request.body)).toEqual(['["req-a","req-b"]', '["req-a"]', '["req-a","req-b"]', '["req-a","req-c"]']);
    for (const request of sent) expect(request.headers['x-api-signature']).toBe(signBody(request.body!, credentials.shop!.apiSecret));
  });

  it('signs with the new secret as soon as the credentials change, for the same bytes too', async () => {
    let secret = credentials.shop!.apiSecret;
    const { client, sent } = clientFor({ apiKey: credentials.shop!.apiKey, get apiSecret() { return secret; } });
    await client.checkStatus(['req-a']);
    secret = 'a-rotated-secret';
    await appErrorOf(client.checkStatus(['req-a']));
    expect(sent.map((request) => request.headers['x-api-signature'])).toEqual([
      signBody('["req-a"]', credentials.shop!.apiSecret),
      signBody('["req-a"]', 'a-rotated-secret'),
      signBody('["req-a"]', 'a-rotated-secret'),
    ]);
  });

  it('signs non-ASCII bodies over their UTF-8 bytes', async () => {
    const { client } = clientFor(credentials['new-device']!);
    const device = await client.getFiscalDevice();
    const taxId = (JSON.parse(device.CurrentConfig!) as { applicableTaxes: { taxID: number }[] }).applicableTaxes[0]!.taxID;
    const mapping = await client.addTaxMapping({ TaxCode: 'EXÉ', TaxName: 'Exonéré', DestinationTaxId: taxId });
    expect(mapping.TaxCode).toBe('EXÉ');
    await client.deleteTaxMapping(mapping.Id);
  });

  it('gives WRONG_CREDENTIALS for a bad secret, after exactly one re-send', async () => {
    const { client, sent } = clientFor({ apiKey: credentials.shop!.apiKey, apiSecret: 'not-the-secret' });
    const error = await appErrorOf(client.addCurrencyMapping({ SourceCurrency: 'ZAR', DestinationCurrency: 'USD' }));
    expect(error.code).toBe('WRONG_CREDENTIALS');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('Harare shop');
    expect(sent).toHaveLength(2);
  });

  it('gives WRONG_CREDENTIALS for an unknown key', async () => {
    const { client } = clientFor({ apiKey: 'no-such-key', apiSecret: 'whatever' });
    expect((await appErrorOf(client.getProfile())).code).toBe('WRONG_CREDENTIALS');
  });

  it('recovers from a single 401 by re-sending once', async () => {
    sandbox.setFaults({ unauthorizedBurst: 1 });
    const { client, sent } = clientFor(credentials.shop!);
    await expect(client.getProfile()).resolves.toMatchObject({ FullName: expect.any(String) });
    expect(sent).toHaveLength(2);
  });

  it('gives NO_DEVICE for the device and subscription of an account without a device', async () => {
    const { client } = clientFor(credentials['no-device']!);
    expect((await appErrorOf(client.getFiscalDevice())).code).toBe('NO_DEVICE');
    expect((await appErrorOf(client.getSubscription())).code).toBe('NO_DEVICE');
    await expect(client.getProfile()).resolves.toBeTruthy();
  });

  it('gives NOT_FOUND for an unknown mapping id', async () => {
    const { client } = clientFor(credentials.shop!);
    expect((await appErrorOf(client.getTaxMapping(987654))).code).toBe('NOT_FOUND');
  });

  it('gives a retryable SERVICE_UNAVAILABLE for 5xx answers', async () => {
    sandbox.setFaults({ serverErrorRate: 1 });
    const error = await appErrorOf(clientFor(credentials.shop!).client.getProfile());
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });
  });

  it('gives a retryable NETWORK error for a dropped connection', async () => {
    sandbox.setFaults({ dropRate: 1 });
    const error = await appErrorOf(clientFor(credentials.shop!).client.getProfile());
    expect(error).toMatchObject({ code: 'NETWORK', retryable: true });
  });

  it('gives a retryable TIMEOUT when the service hangs', async () => {
    sandbox.setFaults({ hangRate: 1 });
    const error = await appErrorOf(clientFor(credentials.shop!, { timeoutMs: 300 }).client.getProfile());
    expect(error).toMatchObject({ code: 'TIMEOUT', retryable: true });
  });

  it('gives a retryable error for an unreadable answer, never a parse crash', async () => {
    sandbox.setFaults({ malformedJsonRate: 1 });
    const error = await appErrorOf(clientFor(credentials.shop!).client.getProfile());
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });
  });

  it('gives NETWORK when nothing listens at the address', async () => {
    const error = await appErrorOf(clientFor(credentials.shop!, { baseUrl: 'http://127.0.0.1:9/api' }).client.getProfile());
    expect(error).toMatchObject({ code: 'NETWORK', retryable: true });
  });

  it('shows the service refusal in plain words without HTML or stack', async () => {
    const { client } = clientFor(credentials.shop!);
    const error = await appErrorOf(client.addTaxMapping({ TaxCode: 'BAD', TaxName: 'x', DestinationTaxId: 999999 }));
    expect(error.code).toBe('SERVICE_REJECTED');
    expect(error.message).toMatch(/^Fiscal Harmony refused the request: /);
    expect(error.message).not.toMatch(/<html|\n\s+at /i);
  });
});
