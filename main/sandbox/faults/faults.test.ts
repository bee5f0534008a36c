import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoInvoice } from '../test-support/demo-documents';
import { startTestSandbox } from '../test-support/sandbox-fixture';
import type { TestSandbox } from '../test-support/sandbox-fixture';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterEach(() => {
  t.sandbox.resetFaults();
});
afterAll(() => t.close());

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('fault injection', () => {
  it('adds latency', async () => {
    t.sandbox.setFaults({ latencyMs: 120 });
    const started = performance.now();
    expect((await t.client('shop').request('GET', '/profile')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('answers a fraction of requests with 5xx and a JSON Message', async () => {
    t.sandbox.setFaults({ serverErrorRate: 1 });
    for (let i = 0; i < 6; i += 1) {
      const r = await t.client('shop').request('GET', '/profile');
      expect([500, 502, 503]).toContain(r.status);
      expect(JSON.parse(r.text)).toEqual({ Message: 'Fiscal Harmony is temporarily unavailable' });
    }
  });

  it('is deterministic under a seed', async () => {
    const statuses = async (seed: number): Promise<number[]> => {
      t.sandbox.setFaults({ serverErrorRate: 0.5, seed });
      const out: number[] = [];
      for (let i = 0; i < 24; i += 1) out.push((await t.client('shop').request('GET', '/profile')).status);
      return out;
    };
    const first = await statuses(42);
    expect(await statuses(42)).toEqual(first);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(3);
    expect(first.filter((s) => s >= 500).length).toBeGreaterThan(3);
    expect(await statuses(43)).not.toEqual(first);
  });

  it('leaves requests hanging until the caller times out', async () => {
    t.sandbox.setFaults({ hangRate: 1 });
    const hanging = t.client('shop').request('GET', '/profile');
    await expect(Promise.race([hanging, sleep(200).then(() => 'still waiting')])).resolves.toBe('still waiting');
    await expect(fetch(`${t.sandbox.baseUrl}/profile`, { signal: AbortSignal.timeout(100) })).rejects.toThrow(/timeout|aborted/i);
    t.sandbox.resetFaults();
    expect((await t.client('shop').request('GET', '/profile')).status).toBe(200);
    hanging.catch(() => undefined);
  });

  it('drops connections', async () => {
    t.sandbox.setFaults({ dropRate: 1 });
    await expect(t.client('shop').request('GET', '/profile')).rejects.toThrow(/fetch failed/);
  });

  it('sends malformed JSON bodies', async () => {
    t.sandbox.setFaults({ malformedJsonRate: 1 });
    const r = await t.client('shop').request('GET', '/profile');
    expect(r.status).toBe(200);
    expect(r.contentType).toMatch(/json/);
    expect(() => JSON.parse(r.text) as unknown).toThrow();
    // The text/plain request id of a submit is left alone.
    const submit = await t.client('shop').request('POST', '/invoice', demoInvoice());
    expect(submit.text).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a burst of 401s, then recovers', async () => {
    t.sandbox.setFaults({ unauthorizedBurst: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await t.client('shop').request('GET', '/profile')).status);
    expect(statuses).toEqual([401, 401, 401, 200, 200]);
    expect(t.sandbox.getFaults().unauthorizedBurst).toBe(0);
  });

  it('delays the processing of a fraction of documents past the caller patience', async () => {
    t.sandbox.setFaults({ slowProcessingRate: 1, slowProcessingDelayMs: 150 });
    const c = t.client('shop');
    const id = await c.submit('invoice', demoInvoice());
    t.sandbox.resetFaults();
    const quick = await c.submit('invoice', demoInvoice());
    expect(t.sandbox.processNow()).toBe(1);
    expect((await c.status([id, quick])).map((r) => r.RequestId)).toEqual([quick]);
    await sleep(200);
    expect((await c.status([id]))[0]?.Success).toBe(true);
  });

  it('can apply faults after receipt: the caller sees a failure but the document arrived', async () => {
    const c = t.freshClient('shop');
    const doc = demoInvoice();
    t.sandbox.setFaults({ serverErrorRate: 1, faultsAfterReceipt: true, paths: ['/invoice'] });
    const r = await c.request('POST', '/invoice', doc);
    expect(r.status).toBeGreaterThanOrEqual(500);
    t.sandbox.setFaults({ serverErrorRate: 0, dropRate: 1 });
    await expect(c.request('POST', '/invoice', { ...doc, IsRetry: true })).rejects.toThrow();
    t.sandbox.resetFaults();
    t.sandbox.processNow();
    expect(t.sandbox.documents(c.credentials.apiKey).map((d) => d.result?.error ?? 'ok')).toEqual(['ok', 'Already fiscalised']);
    const retry = await t.submitAndProcess(c, 'invoice', { ...doc, IsRetry: true });
    expect(retry).toMatchObject({ Success: false, IsActionable: false, Error: 'Already fiscalised' });
  });

  it('applies faults before receipt by default: nothing arrives', async () => {
    const c = t.freshClient('shop');
    t.sandbox.setFaults({ serverErrorRate: 1 });
    expect((await c.request('POST', '/invoice', demoInvoice())).status).toBeGreaterThanOrEqual(500);
    expect(t.sandbox.documents(c.credentials.apiKey)).toEqual([]);
  });

  it('limits faults to some paths', async () => {
    t.sandbox.setFaults({ serverErrorRate: 1, paths: ['/status'] });
    const c = t.client('shop');
    expect((await c.request('GET', '/profile')).status).toBe(200);
    expect((await c.request('POST', '/status', [])).status).toBeGreaterThanOrEqual(500);
  });

  it('refuses invalid settings', () => {
    expect(() => t.sandbox.setFaults({ serverErrorRate: 2 })).toThrow();
    expect(() => t.sandbox.setFaults({ nonsense: 1 } as never)).toThrow();
  });
});

describe('initial faults', () => {
  it('starts with the faults given as options', async () => {
    const faulty = await startTestSandbox({ faults: { unauthorizedBurst: 1 } });
    try {
      expect((await faulty.client('shop').request('GET', '/profile')).status).toBe(401);
      expect((await faulty.client('shop').request('GET', '/profile')).status).toBe(200);
    } finally {
      await faulty.close();
    }
  });

  it('refuses invalid initial faults', async () => {
    await expect(startTestSandbox({ faults: { hangRate: 5 } })).rejects.toThrow();
  });
});
