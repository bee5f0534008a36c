import { describe, expect, it } from 'vitest';
import type { CurrencyMapping, FiscalDevice, NewCurrencyMapping, NewTaxMapping, TaxMapping } from '../../../shared/domain/fiscal-harmony/schemas';
import { AppError } from '../../../shared/errors';
import { EventBus } from '../../events/event-bus';
import { silentLogger } from '../../logging/logger';
import { MappingsService, type ActiveConnectionSource, type MappingsClient } from './mappings-service';
import { SnapshotCache } from './snapshot-cache';

/** An in-memory Fiscal Harmony that counts the list reads, with a gate to hold them. */
class FakeClient implements MappingsClient {
  taxes: TaxMapping[] = [{ Id: 1, TaxCode: 'VAT15', TaxName: 'VAT', DestinationTaxId: 515, ZimraTaxId: 515 }];
  currencies: CurrencyMapping[] = [{ Id: 2, SourceCurrency: 'USD', DestinationCurrency: 'USD' }];
  reads = 0;
  failNextRead = false;
  gate: Promise<void> | null = null;
  private nextId = 10;

  async getFiscalDevice(): Promise<FiscalDevice> {
    return {
      CurrentConfig: JSON.stringify({
        applicableTaxes: [
          { taxID: 512, taxName: 'Exempt' },
          { taxID: 515, taxName: 'Standard rated 15.5%', taxPercent: 15.5 },
        ],
      }),
    };
  }
  async listTaxMappings(): Promise<TaxMapping[]> {
    this.reads += 1;
    if (this.gate !== null) await this.gate;
    if (this.failNextRead) {
      this.failNextRead = false;
      throw new AppError('NETWORK', 'offline', { retryable: true });
    }
    return this.taxes.map((t) => ({ ...t }));
  }
  async getTaxMapping(id: number): Promise<TaxMapping> {
    const found = this.taxes.find((t) => t.Id === id);
    if (found === undefined) throw new AppError('NOT_FOUND', 'gone');
    return { ...found };
  }
  async addTaxMapping(mapping: NewTaxMapping): Promise<TaxMapping> {
    const created = { ...mapping, Id: this.nextId++, ZimraTaxId: mapping.DestinationTaxId };
    this.taxes.push(created);
    return created;
  }
  async updateTaxMapping(mapping: TaxMapping): Promise<void> {
    const index = this.taxes.findIndex((t) => t.Id === mapping.Id);
    if (index < 0) throw new AppError('NOT_FOUND', 'gone');
    this.taxes[index] = { ...mapping, ZimraTaxId: mapping.DestinationTaxId };
  }
  async deleteTaxMapping(id: number): Promise<void> {
    const before = this.taxes.length;
    this.taxes = this.taxes.filter((t) => t.Id !== id);
    if (this.taxes.length === before) throw new AppError('NOT_FOUND', 'gone');
  }
  async supportedCurrencies(): Promise<string[]> {
    return ['USD', 'ZWG'];
  }
  async listCurrencyMappings(): Promise<CurrencyMapping[]> {
    return this.currencies.map((c) => ({ ...c }));
  }
  async addCurrencyMapping(mapping: NewCurrencyMapping): Promise<CurrencyMapping> {
    const created = { ...mapping, Id: this.nextId++ };
    this.currencies.push(created);
    return created;
  }
  async updateCurrencyMapping(mapping: CurrencyMapping): Promise<void> {
    const index = this.currencies.findIndex((c) => c.Id === mapping.Id);
    if (index < 0) throw new AppError('NOT_FOUND', 'gone');
    this.currencies[index] = mapping;
  }
  async deleteCurrencyMapping(id: number): Promise<void> {
    this.currencies = this.currencies.filter((c) => c.Id !== id);
  }
}

function setup(options: { ttlMs?: number } = {}) {
  const clients: Record<string, FakeClient> = { a: new FakeClient(), b: new FakeClient() };
  clients.b!.taxes = [{ Id: 7, TaxCode: 'B-EX', DestinationTaxId: 512 }];
  let active = 'a';
  let now = Date.parse('2026-11-21T08:00:00Z');
  const events = new EventBus();
  const seen: string[] = [];
  events.subscribe((name) => seen.push(name));
  const source: ActiveConnectionSource = {
    active: async () => ({ ref: { id: active, name: active, environment: 'custom', training: false }, client: clients[active]! }),
    onConnectionsChanged: (listener) =>
      events.subscribe((name) => {
        if (name === 'connections:changed') listener();
      }),
  };
  const service = new MappingsService({
    source,
    events,
    logger: silentLogger,
    clock: () => new Date(now),
    ...(options.ttlMs === undefined ? {} : { cacheTtlMs: options.ttlMs }),
  });
  return {
    service,
    events,
    seen,
    a: clients.a!,
    b: clients.b!,
    activate: (id: string) => {
      active = id;
      events.emit('connections:changed', { at: new Date(now).toISOString() });
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('MappingsService cache', () => {
  it('answers repeated reads for invoice entry from one service read', async () => {
    const { service, a } = setup();
    await service.mappedTaxCodes();
    await service.mappedCurrencies();
    await service.checkDocumentCodes({ taxCodes: ['VAT15'], currency: 'USD' });
    expect(a.reads).toBe(1);
  });

  it('shares one read between concurrent callers', async () => {
    const { service, a } = setup();
    await Promise.all([service.mappedTaxCodes(), service.mappedTaxCodes(), service.mappedCurrencies()]);
    expect(a.reads).toBe(1);
  });

  it('reads again after every change made through it, and announces the change', async () => {
    const { service, a, seen } = setup();
    expect((await service.mappedTaxCodes()).map((m) => m.taxCode)).toEqual(['VAT15']);
    await service.createTax({ taxCode: 'EX', destinationTaxId: 512 });
    expect((await service.mappedTaxCodes()).map((m) => m.taxCode)).toEqual(['VAT15', 'EX']);
    expect(a.reads).toBe(2);
    await service.createCurrency({ sourceCurrency: 'ZiG', destinationCurrency: 'ZWG' });
    expect((await service.mappedCurrencies()).map((m) => m.sourceCurrency)).toEqual(['USD', 'ZiG']);
    await service.deleteTax(1);
    expect((await service.mappedTaxCodes()).map((m) => m.taxCode)).toEqual(['EX']);
    expect(a.reads).toBe(4);
    expect(seen.filter((name) => name === 'mappings:changed')).toHaveLength(3);
  });

  it('reads again after a NOT_FOUND shows a change made elsewhere', async () => {
    const { service, a, seen } = setup();
    await service.mappedTaxCodes();
    a.taxes = []; // deleted in the portal
    const error = await service.updateTax({ id: 1, taxCode: 'VAT15', destinationTaxId: 515 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('"VAT15" no longer exists') });
    expect(await service.mappedTaxCodes()).toEqual([]);
    expect(seen).toContain('mappings:changed');
  });

  it('drops the cache when connections change, so another profile never sees the first one’s codes', async () => {
    const { service, activate } = setup();
    expect((await service.mappedTaxCodes()).map((m) => m.taxCode)).toEqual(['VAT15']);
    activate('b');
    expect((await service.mappedTaxCodes()).map((m) => m.taxCode)).toEqual(['B-EX']);
    activate('a');
    expect((await service.mappedTaxCodes()).map((m) => m.taxCode)).toEqual(['VAT15']);
  });

  it('reads again once the cached answer is older than its lifetime', async () => {
    const { service, a, advance } = setup({ ttlMs: 60_000 });
    await service.mappedTaxCodes();
    advance(59_000);
    await service.mappedTaxCodes();
    expect(a.reads).toBe(1);
    advance(2_000);
    await service.mappedTaxCodes();
    expect(a.reads).toBe(2);
  });

  it('does not cache a failed read', async () => {
    const { service, a } = setup();
    a.failNextRead = true;
    await expect(service.mappedTaxCodes()).rejects.toMatchObject({ code: 'NETWORK' });
    expect(await service.mappedTaxCodes()).toHaveLength(1);
    expect(a.reads).toBe(2);
  });

  it('the screen always reads fresh, and its answer serves invoice entry afterwards', async () => {
    const { service, a } = setup();
    await service.overview();
    await service.overview();
    expect(a.reads).toBe(2);
    await service.mappedTaxCodes();
    expect(a.reads).toBe(2);
  });

  it('flags codes that are unmapped or mapped to a tax the device no longer lists', async () => {
    const { service, a } = setup();
    a.taxes.push({ Id: 3, TaxCode: 'OLD', DestinationTaxId: 999 });
    const check = await service.checkDocumentCodes({ taxCodes: ['VAT15', 'OLD', 'NEW', 'NEW'], currency: 'EUR' });
    expect(check.ok).toBe(false);
    expect(check.problems.map((p) => [p.kind, p.code, p.reason])).toEqual([
      ['tax-code', 'OLD', 'stale'],
      ['tax-code', 'NEW', 'unmapped'],
      ['currency', 'EUR', 'unmapped'],
    ]);
    expect(check.problems[1]?.message).toContain('has no tax mapping');
    expect((await service.mappedTaxCodes()).find((m) => m.taxCode === 'OLD')?.usable).toBe(false);
    expect(await service.checkDocumentCodes({ taxCodes: ['VAT15'], currency: 'USD' })).toEqual({ ok: true, problems: [] });
  });
});

describe('SnapshotCache', () => {
  it('does not store a read that raced an invalidation', async () => {
    let now = 0;
    const cache = new SnapshotCache<string>(1000, () => now);
    let release!: (value: string) => void;
    const slow = cache.get('p', () => new Promise((resolve) => (release = resolve)));
    cache.invalidate();
    release('old');
    expect(await slow).toBe('old');
    expect(await cache.get('p', async () => 'new')).toBe('new');

    const startedAt = cache.generation;
    cache.invalidate();
    cache.put('p', 'stale', startedAt);
    expect(await cache.get('p', async () => 'fresh')).toBe('fresh');
    now = 1000;
    expect(await cache.get('p', async () => 'expired')).toBe('expired');
  });
});
