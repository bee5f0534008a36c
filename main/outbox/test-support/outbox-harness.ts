// An outbox over a real journal, sending to a sandbox over HTTP: what the fault, crash and
// two-process tests and the benchmark drive. Only the connection context is fixed here (the
// demo shop's mappings); the journal, the documents service, the outbox and the client are real.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { DocumentDraft } from '../../../shared/contract/documents';
import { EventBus } from '../../events/event-bus';
import { silentLogger, type Logger } from '../../logging/logger';
import { FiscalHarmonyClient } from '../../providers/fiscal-harmony/fh-client';
import { DEMO_APPLICATION } from '../../sandbox/demo-accounts';
import { seededRandom } from '../../sandbox/faults/seeded-random';
import { DocumentsService } from '../../services/documents/documents-service';
import { NumberingService } from '../../services/documents/numbering-service';
import { NumberWatermark } from '../../store/journal/number-watermark';
import { startNumbering } from '../../store/journal/numbering-start';
import { DocumentsRepo } from '../../store/journal/documents-repo';
import { JOURNAL_FILE_NAME, Journal } from '../../store/journal/journal';
import { Outbox, type OutboxOptions } from '../outbox';

export const HARNESS_PROFILE = 'harness-profile';

/** The demo shop's tax codes (percent; null = exempt) and currencies. */
export const SHOP_TAXES: Record<string, string | null> = { VAT15: '15.5', ZR: '0', EX: null, WHT5: '5' };
export const SHOP_CURRENCIES = ['USD', 'ZWG'];

export interface HarnessOptions {
  dataDirectory: string;
  baseUrl: string;
  credentials: { apiKey: string; apiSecret: string };
  timeoutMs?: number;
  /** Tax codes main believes are mapped, beyond the shop's (e.g. one deleted at the service). */
  extraTaxCodes?: Record<string, string | null>;
  outbox?: Partial<Omit<OutboxOptions, 'journal' | 'repo' | 'clientFor' | 'clock' | 'logger'>>;
  logger?: Logger;
  /** The outbox's and the journal's clock (a test clock drives back-off and polling); the HTTP time limits stay real. */
  clock?: () => Date;
  /** Where to send instead of `baseUrl` (tests switch between an unreachable address and the sandbox). */
  clientFor?: (fallback: FiscalHarmonyClient) => Promise<FiscalHarmonyClient>;
}

export interface Harness {
  journal: Journal;
  documents: DocumentsService;
  outbox: Outbox;
  client: FiscalHarmonyClient;
  close(): Promise<void>;
}

export function openHarness(options: HarnessOptions): Harness {
  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? (() => new Date());
  const journal = Journal.open({ path: join(options.dataDirectory, JOURNAL_FILE_NAME), logger });
  const client = new FiscalHarmonyClient({
    profileName: 'Harness',
    baseUrl: options.baseUrl,
    applicationName: DEMO_APPLICATION,
    stationId: randomUUID(),
    appVersion: '0.1.0',
    credentials: async () => options.credentials,
    timeoutMs: options.timeoutMs ?? 2_000,
    logger,
  });
  const taxes = { ...SHOP_TAXES, ...options.extraTaxCodes };
  const clientFor = options.clientFor;
  const outbox = new Outbox({
    journal,
    repo: new DocumentsRepo(journal),
    clientFor: clientFor === undefined ? async () => client : () => clientFor(client),
    clock,
    logger,
    ...options.outbox,
  });
  const numbering = new NumberingService({
    journal,
    start: startNumbering({ journal, watermark: new NumberWatermark(options.dataDirectory), signs: [], logger, clock }),
    logger,
    context: { activeProfile: () => ({ id: HARNESS_PROFILE, training: true }), stationId: () => 'harness-station', sameAccountConnections: async () => [] },
  });
  const documents = new DocumentsService({
    journal,
    numbering,
    events: new EventBus(),
    logger,
    clock,
    kick: () => outbox.kick(),
    checkStatusNow: (ids) => outbox.checkNow(ids),
    checkAttentionNow: (id, profileId, requestIds) => outbox.checkAttention(id, profileId, requestIds),
    context: {
      activeProfile: () => ({ id: HARNESS_PROFILE, training: true }),
      isTrainingProfile: () => true,
      checkContext: async () => ({
        now: new Date(),
        mappings: {
          taxMappings: Object.keys(taxes).map((code, i) => ({ taxCode: code, destinationTaxId: 9000 + i })),
          deviceTaxes: Object.entries(taxes).map(([code, percent], i) => ({ id: 9000 + i, name: code, percent, validFrom: null, validTill: null })),
          currencyMappings: SHOP_CURRENCIES.map((code) => ({ sourceCurrency: code })),
        },
        readiness: [],
      }),
    },
  });
  return {
    journal,
    documents,
    outbox,
    client,
    async close() {
      await outbox.stop(2_000);
      journal.close();
    },
  };
}

/** The sandbox's seeded generator (mulberry32), so a failing run can be repeated. */
export const seeded = seededRandom;

/** A valid invoice with 1 to 5 lines of the shop's taxes, amounts as a manager types them. */
export function randomInvoice(random: () => number, taxCodes: readonly string[] = Object.keys(SHOP_TAXES)): DocumentDraft {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const lineCount = 1 + Math.floor(random() * 5);
  return {
    kind: 'invoice',
    date: '',
    currency: pick(SHOP_CURRENCIES),
    paymentMethod: pick(['Cash', 'Card', 'MobileWallet'] as const),
    taxInclusive: random() < 0.5,
    reference: '',
    buyer: { name: `Buyer ${Math.floor(random() * 1000)}`, tradeName: '', tin: '', vatNumber: '', phone: '', email: '', address: { province: '', street: '', houseNo: '', city: '' } },
    lines: Array.from({ length: lineCount }, (_, i) => ({
      description: `Item ${i + 1}`,
      quantity: String(1 + Math.floor(random() * 5)),
      unitAmount: `${Math.floor(random() * 500)}.${String(Math.floor(random() * 100)).padStart(2, '0')}`,
      discountAmount: '',
      taxCode: pick(taxCodes),
      hsCode: pick(['15079000', '19059000', '22021000', '85171300']),
    })),
    originalInvoiceId: null,
  };
}

/** Saves and queues `count` random invoices; returns their ids. */
export async function queueInvoices(documents: DocumentsService, count: number, random: () => number, taxCodes?: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const draft = documents.saveDraft({ draft: randomInvoice(random, taxCodes) });
    await documents.queue(draft.id, 'first');
    ids.push(draft.id);
  }
  return ids;
}
