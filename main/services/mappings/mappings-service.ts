import type { z } from 'zod';
import type { ConnectionRef } from '../../../shared/contract/account';
import {
  currencyMappingInputSchema,
  setupFromDeviceInputSchema,
  taxMappingInputSchema,
  updateCurrencyMappingInputSchema,
  updateTaxMappingInputSchema,
  type CurrencyMappingInput,
  type CurrencyMappingRow,
  type DeleteResult,
  type MappingsOverview,
  type SetupFromDeviceInput,
  type SetupFromDeviceResult,
  type SetupRowResult,
  type TaxMappingInput,
  type TaxMappingRow,
  type UpdateCurrencyMappingInput,
  type UpdateTaxMappingInput,
} from '../../../shared/contract/mappings';
import type { DeviceTax } from '../../../shared/contract/device';
import { parseDeviceConfig, type TaxMapping } from '../../../shared/domain/fiscal-harmony/schemas';
import { AppError, isAppError, type ErrorCode } from '../../../shared/errors';
import { fieldErrors } from '../../../shared/field-errors';
import type { EventBus } from '../../events/event-bus';
import type { Logger } from '../../logging/logger';
import type { FiscalHarmonyClient } from '../../providers/fiscal-harmony/fh-client';
import type { StoredFiscalHarmonyProfile } from '../../store/stored-connections';
import type { ConnectionsService } from '../connections/connections-service';
import {
  currencyMappingRow,
  documentCodeProblems,
  findDeviceTax,
  taxMappingRow,
  type CodeProblem,
  type MappingsSnapshot,
} from './mapping-views';
import { requireDeviceTax, requireFreeCurrency, requireFreeTaxCode, requireSupported } from './mapping-rules';
import { deviceTaxOf } from '../fiscal-harmony/device-tax';
import { SnapshotCache } from './snapshot-cache';

/** The calls of the Fiscal Harmony client this service uses (a fake one in unit tests). */
export type MappingsClient = Pick<
  FiscalHarmonyClient,
  | 'getFiscalDevice'
  | 'listTaxMappings'
  | 'getTaxMapping'
  | 'addTaxMapping'
  | 'updateTaxMapping'
  | 'deleteTaxMapping'
  | 'supportedCurrencies'
  | 'listCurrencyMappings'
  | 'addCurrencyMapping'
  | 'updateCurrencyMapping'
  | 'deleteCurrencyMapping'
>;

/** Where the active connection and its client come from. */
export interface ActiveConnectionSource {
  active(): Promise<{ ref: ConnectionRef; client: MappingsClient }>;
  /** Called with every contract event main emits, to drop the cache when connections change. */
  onConnectionsChanged(listener: () => void): () => void;
}

export function activeConnectionSource(connections: ConnectionsService, events: EventBus): ActiveConnectionSource {
  return {
    async active() {
      const profile: StoredFiscalHarmonyProfile = connections.activeFiscalHarmony();
      const ref: ConnectionRef = { id: profile.id, name: profile.name, environment: profile.environment, training: connections.isTrainingProfile(profile) };
      return { ref, client: await connections.fiscalHarmonyClient(profile) };
    },
    onConnectionsChanged: (listener) =>
      events.subscribe((name) => {
        if (name === 'connections:changed') listener();
      }),
  };
}

export interface MappingsServiceDeps {
  source: ActiveConnectionSource;
  events: EventBus;
  logger: Logger;
  clock?: () => Date;
  /** How long mappings read for invoice entry are trusted before they are read again. */
  cacheTtlMs?: number;
}

export interface MappedTaxCode {
  taxCode: string;
  taxName: string | null;
  destinationTaxId: number;
  deviceTax: DeviceTax | null;
  /** False when the device no longer lists the tax: documents with this code would fail. */
  usable: boolean;
}

export interface MappedCurrency {
  sourceCurrency: string;
  destinationCurrency: string;
  usable: boolean;
}

export interface DocumentCodesCheck {
  ok: boolean;
  problems: CodeProblem[];
}

const defaultTtlMs = 5 * 60_000;
/** Errors that concern the whole account: no point trying the next row. */
const accountWide: readonly ErrorCode[] = ['WRONG_CREDENTIALS', 'CREDENTIALS_MISSING', 'NO_CONNECTION', 'KEYCHAIN_UNAVAILABLE'];

function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new AppError('INVALID_INPUT', 'Some of the information given is not valid. Please check the highlighted fields.', { fields: fieldErrors(parsed.error) });
}

const isNotFound = (error: unknown): boolean => isAppError(error) && error.code === 'NOT_FOUND';

/**
 * Tax and currency mappings of the active Fiscal Harmony connection: the Mappings screen's
 * reads and changes (each checked against the device and the supported currencies before the
 * service is called), and, for the rest of main, cached answers to "which codes are mapped?".
 * The cache is per profile, dropped on every change made here, on a NOT_FOUND that shows a
 * change made elsewhere, and whenever connections change.
 */
export class MappingsService {
  private readonly cache: SnapshotCache<MappingsSnapshot>;
  private readonly clock: () => Date;
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: MappingsServiceDeps) {
    this.clock = deps.clock ?? (() => new Date());
    this.cache = new SnapshotCache(deps.cacheTtlMs ?? defaultTtlMs, () => this.clock().getTime());
    this.unsubscribe = deps.source.onConnectionsChanged(() => this.invalidate());
  }

  dispose(): void {
    this.unsubscribe();
  }

  /** Drops every cached read; the next one asks the service. */
  invalidate(): void {
    this.cache.invalidate();
  }

  // ---- For the rest of main (invoice entry) -------------------------------------------------

  /** The mapped seller tax codes of the active connection, with the device's tax for each. */
  async mappedTaxCodes(): Promise<MappedTaxCode[]> {
    const snapshot = await this.cached();
    return snapshot.taxMappings.map((mapping) => {
      const row = taxMappingRow(snapshot, mapping);
      return { taxCode: row.taxCode, taxName: row.taxName, destinationTaxId: row.destinationTaxId, deviceTax: row.deviceTax, usable: !row.stale };
    });
  }

  /** The mapped seller currency codes of the active connection. */
  async mappedCurrencies(): Promise<MappedCurrency[]> {
    const snapshot = await this.cached();
    return snapshot.currencyMappings.map((mapping) => {
      const row = currencyMappingRow(snapshot, mapping);
      return { sourceCurrency: row.sourceCurrency, destinationCurrency: row.destinationCurrency, usable: row.supported };
    });
  }

  /** Unmapped (or wrongly mapped) tax codes and currency of a document, with messages. */
  async checkDocumentCodes(input: { taxCodes: readonly string[]; currency?: string | null }): Promise<DocumentCodesCheck> {
    const problems = documentCodeProblems(await this.cached(), input);
    return { ok: problems.length === 0, problems };
  }

  // ---- For the Mappings screen ---------------------------------------------------------------

  /** Read fresh from the service (the screen shows the truth), and kept for the others. */
  async overview(): Promise<MappingsOverview> {
    const { ref, client } = await this.deps.source.active();
    const generation = this.cache.generation;
    const snapshot = await this.load(ref.id, client);
    this.cache.put(ref.id, snapshot, generation);
    return {
      connection: ref,
      taxMappings: snapshot.taxMappings.map((m) => taxMappingRow(snapshot, m)),
      deviceTaxes: snapshot.device.ok ? snapshot.device.taxes : [],
      deviceProblem: snapshot.device.ok ? null : snapshot.device.problem,
      currencyMappings: snapshot.currencyMappings.map((m) => currencyMappingRow(snapshot, m)),
      supportedCurrencies: snapshot.supportedCurrencies,
    };
  }

  async createTax(raw: TaxMappingInput): Promise<TaxMappingRow> {
    const input = parseInput(taxMappingInputSchema, raw);
    const { ref, client } = await this.deps.source.active();
    const snapshot = await this.snapshotOf(ref.id, client);
    const tax = requireDeviceTax(snapshot, input.destinationTaxId);
    requireFreeTaxCode(snapshot, input.taxCode, null);
    const created = await this.changing(ref.id, () =>
      client.addTaxMapping({ TaxCode: input.taxCode, TaxName: input.taxName || tax.name, DestinationTaxId: tax.id }),
    );
    this.deps.logger.info('Tax mapping created', { profileId: ref.id, mappingId: created.Id, destinationTaxId: tax.id });
    return taxMappingRow(snapshot, created);
  }

  async updateTax(raw: UpdateTaxMappingInput): Promise<TaxMappingRow> {
    const input = parseInput(updateTaxMappingInputSchema, raw);
    const { ref, client } = await this.deps.source.active();
    const snapshot = await this.snapshotOf(ref.id, client);
    const tax = requireDeviceTax(snapshot, input.destinationTaxId);
    requireFreeTaxCode(snapshot, input.taxCode, input.id);
    const before = snapshot.taxMappings.find((m) => m.Id === input.id);
    const mapping: TaxMapping = {
      Id: input.id,
      ...(before?.UserId === undefined || before.UserId === null ? {} : { UserId: before.UserId }),
      TaxCode: input.taxCode,
      TaxName: input.taxName || tax.name,
      DestinationTaxId: tax.id,
    };
    await this.changing(ref.id, () => client.updateTaxMapping(mapping), () => deletedElsewhere('tax', before?.TaxCode));
    // The service fills ZimraTaxId itself: read the mapping back for the truth.
    const saved = await client.getTaxMapping(input.id).catch(() => ({ ...mapping, ZimraTaxId: before?.DestinationTaxId === tax.id ? before.ZimraTaxId : null }));
    return taxMappingRow(snapshot, saved);
  }

  async deleteTax(id: number): Promise<DeleteResult> {
    const { ref, client } = await this.deps.source.active();
    return this.deleting(ref.id, id, () => client.deleteTaxMapping(id));
  }

  /** One mapping per row, one after the other (politely), each with its own result. */
  async setupFromDevice(raw: SetupFromDeviceInput): Promise<SetupFromDeviceResult> {
    const input = parseInput(setupFromDeviceInputSchema, raw);
    const { ref, client } = await this.deps.source.active();
    const snapshot = await this.snapshotOf(ref.id, client);
    if (!snapshot.device.ok) throw new AppError(snapshot.device.code, snapshot.device.problem);
    const taken = new Map(snapshot.taxMappings.map((m) => [m.TaxCode, `already mapped to tax id ${m.DestinationTaxId}`]));
    const results: SetupRowResult[] = [];
    let stopped: string | null = null;
    const total = input.rows.length;
    try {
      for (const row of input.rows) {
        const base = { taxCode: row.taxCode, destinationTaxId: row.destinationTaxId };
        const fail = (message: string) => results.push({ ok: false, ...base, message });
        const tax = findDeviceTax(snapshot, row.destinationTaxId);
        const clash = taken.get(row.taxCode);
        if (stopped !== null) fail(`Not tried: ${stopped}`);
        else if (tax === undefined) fail(`Tax id ${row.destinationTaxId} is not one of this fiscal device's taxes.`);
        else if (clash !== undefined) fail(`Tax code "${row.taxCode}" is ${clash}. Choose another code.`);
        else {
          try {
            const created = await client.addTaxMapping({ TaxCode: row.taxCode, TaxName: row.taxName || tax.name, DestinationTaxId: tax.id });
            taken.set(row.taxCode, 'used by another row above');
            results.push({ ok: true, ...base, mapping: taxMappingRow(snapshot, created) });
          } catch (error) {
            if (!isAppError(error)) this.deps.logger.error('Tax mapping set-up failed unexpectedly', { error });
            const message = isAppError(error) ? error.message : 'Something went wrong inside Fiscal Desk. Please try again.';
            fail(message);
            if (isAppError(error) && accountWide.includes(error.code)) stopped = message;
          }
        }
        this.deps.events.emit('mappings:setup-progress', { profileId: ref.id, done: results.length, total });
      }
    } finally {
      this.cache.invalidate();
    }
    const created = results.filter((r) => r.ok).length;
    if (created > 0) this.changed(ref.id);
    this.deps.logger.info('Tax mappings set up from the device', { profileId: ref.id, created, failed: results.length - created });
    return { results, created, failed: results.length - created };
  }

  async createCurrency(raw: CurrencyMappingInput): Promise<CurrencyMappingRow> {
    const input = parseInput(currencyMappingInputSchema, raw);
    const { ref, client } = await this.deps.source.active();
    const snapshot = await this.snapshotOf(ref.id, client);
    const destination = requireSupported(snapshot, input.destinationCurrency);
    requireFreeCurrency(snapshot, input.sourceCurrency, null);
    const created = await this.changing(ref.id, () => client.addCurrencyMapping({ SourceCurrency: input.sourceCurrency, DestinationCurrency: destination }));
    this.deps.logger.info('Currency mapping created', { profileId: ref.id, mappingId: created.Id, destination });
    return currencyMappingRow(snapshot, created);
  }

  async updateCurrency(raw: UpdateCurrencyMappingInput): Promise<CurrencyMappingRow> {
    const input = parseInput(updateCurrencyMappingInputSchema, raw);
    const { ref, client } = await this.deps.source.active();
    const snapshot = await this.snapshotOf(ref.id, client);
    const destination = requireSupported(snapshot, input.destinationCurrency);
    requireFreeCurrency(snapshot, input.sourceCurrency, input.id);
    const before = snapshot.currencyMappings.find((m) => m.Id === input.id);
    const mapping = {
      Id: input.id,
      ...(before?.UserId === undefined || before.UserId === null ? {} : { UserId: before.UserId }),
      SourceCurrency: input.sourceCurrency,
      DestinationCurrency: destination,
    };
    await this.changing(ref.id, () => client.updateCurrencyMapping(mapping), () => deletedElsewhere('currency', before?.SourceCurrency));
    return currencyMappingRow(snapshot, mapping);
  }

  async deleteCurrency(id: number): Promise<DeleteResult> {
    const { ref, client } = await this.deps.source.active();
    return this.deleting(ref.id, id, () => client.deleteCurrencyMapping(id));
  }

  // ---- Internals -----------------------------------------------------------------------------

  private async cached(): Promise<MappingsSnapshot> {
    const { ref, client } = await this.deps.source.active();
    return this.snapshotOf(ref.id, client);
  }

  private snapshotOf(profileId: string, client: MappingsClient): Promise<MappingsSnapshot> {
    return this.cache.get(profileId, () => this.load(profileId, client));
  }

  private async load(profileId: string, client: MappingsClient): Promise<MappingsSnapshot> {
    const [taxMappings, currencyMappings, supportedCurrencies, device] = await Promise.all([
      client.listTaxMappings(),
      client.listCurrencyMappings(),
      client.supportedCurrencies(),
      this.deviceTaxes(client),
    ]);
    // ISO currency codes: a service answering "usd" means USD.
    const supported = [...new Set(supportedCurrencies.map((c) => c.trim().toUpperCase()))];
    return { profileId, taxMappings, currencyMappings, supportedCurrencies: supported, device };
  }

  private async deviceTaxes(client: MappingsClient): Promise<MappingsSnapshot['device']> {
    try {
      const parsed = parseDeviceConfig((await client.getFiscalDevice()).CurrentConfig);
      if (!parsed.ok) {
        return { ok: false, code: 'SERVICE_UNAVAILABLE', problem: `${parsed.error}, so its taxes are not known. Contact Fiscal Harmony support if this stays so.` };
      }
      return { ok: true, taxes: parsed.config.applicableTaxes.map(deviceTaxOf) };
    } catch (error) {
      if (isAppError(error) && error.code === 'NO_DEVICE') return { ok: false, code: 'NO_DEVICE', problem: error.message };
      throw error;
    }
  }

  /** Runs a change; the cache is dropped whatever happens, and a success (or a NOT_FOUND) is announced. */
  private async changing<T>(profileId: string, change: () => Promise<T>, onNotFound?: () => AppError): Promise<T> {
    try {
      const result = await change();
      this.changed(profileId);
      return result;
    } catch (error) {
      if (isNotFound(error)) {
        this.changed(profileId);
        throw onNotFound?.() ?? error;
      }
      throw error;
    } finally {
      this.cache.invalidate();
    }
  }

  private async deleting(profileId: string, id: number, remove: () => Promise<void>): Promise<DeleteResult> {
    try {
      await this.changing(profileId, remove);
      this.deps.logger.info('Mapping deleted', { profileId, mappingId: id });
      return { id, alreadyDeleted: false };
    } catch (error) {
      if (isNotFound(error)) return { id, alreadyDeleted: true };
      throw error;
    }
  }

  private changed(profileId: string): void {
    this.cache.invalidate();
    this.deps.events.emit('mappings:changed', { profileId, at: this.clock().toISOString() });
  }
}

function deletedElsewhere(kind: 'tax' | 'currency', code: string | undefined): AppError {
  return new AppError(
    'NOT_FOUND',
    `The ${kind} mapping ${code === undefined ? 'you changed' : `"${code}"`} no longer exists at Fiscal Harmony: it was deleted elsewhere (another window or the Fiscal Harmony portal). The list has been refreshed; add it again if you still need it.`,
  );
}
