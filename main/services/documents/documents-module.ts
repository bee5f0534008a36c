import { migrationProgressLog } from './migration-progress-log';
import { join } from 'node:path';
import type { DocumentState } from '../../../shared/contract/documents';
import type { ReadinessVerdict } from '../../../shared/contract/readiness';
import type { EventBus } from '../../events/event-bus';
import type { Logger } from '../../logging/logger';
import { Outbox, type OutboxClient, type OutboxOptions } from '../../outbox/outbox';
import { DocumentsRepo } from '../../store/journal/documents-repo';
import { JOURNAL_FILE_NAME, Journal } from '../../store/journal/journal';
import { IdleCheckpoint, type IdleScheduler } from '../../store/journal/idle-checkpoint';
import type { StorageHealth } from '../../store/storage-health';
import type { MappedCurrency, MappedTaxCode } from '../mappings/mappings-service';
import type { BusyRegistry } from '../updates/busy-registry';
import { mappingFactsOf } from '../entry/entry-service';
import { DocumentsService } from './documents-service';
import { NumberingService, type NumberingContext } from './numbering-service';
import { NumberWatermark } from '../../store/journal/number-watermark';
import { earlierUseSigns, startNumbering, type NumberingStart } from '../../store/journal/numbering-start';
import { SellerSnapshots } from './fiscal-copy-source';
import { lastSellerRead } from '../../store/journal/fiscal-copies';
import type { DeviceView } from '../../../shared/contract/device';

export interface DocumentsModuleDeps {
  dataDirectory: string;
  events: EventBus;
  logger: Logger;
  clock: () => Date;
  busy: BusyRegistry;
  activeProfile: () => { id: string; training: boolean };
  isTrainingProfile: (profileId: string) => boolean;
  clientFor: (profileId: string) => Promise<OutboxClient>;
  mappedTaxCodes: () => Promise<MappedTaxCode[]>;
  mappedCurrencies: () => Promise<MappedCurrency[]>;
  verdict: () => Promise<ReadinessVerdict>;
  /** The active connection's fiscal device: the seller block a queued document's copy keeps. */
  device?: () => Promise<DeviceView>;
  /** Types the journal's failures (a full disk, a damaged file) and remembers them. */
  health: StorageHealth;
  /** When the journal's idle checkpoint runs (tests run it at will). */
  idle?: IdleScheduler;
  /** Numbering: the till's station id, whether the settings hold connections beyond training, which share an account. */
  numbering: Pick<NumberingContext, 'stationId' | 'sameAccountConnections'> & { connectionsBeyondTraining: () => boolean; changed?: () => void };
  /** Tests and benchmarks tune the outbox (faster polls, smaller back-off). */
  outbox?: Partial<Pick<OutboxOptions, 'concurrency' | 'retry' | 'polls' | 'leaseMs' | 'idleCheckMs'>>;
}

export interface DocumentsModule {
  journal: Journal;
  documents: DocumentsService;
  numbering: NumberingService;
  outbox: Outbox;
  dispose(): Promise<void>;
}

/** Opens the journal and builds the documents service and the outbox that sends its documents. */
export function openDocumentsModule(deps: DocumentsModuleDeps): DocumentsModule {
  const journalPath = join(deps.dataDirectory, JOURNAL_FILE_NAME);
  const watermark = new NumberWatermark(deps.dataDirectory);
  // Read before opening: opening makes the file whose absence may be the damage.
  const signs = earlierUseSigns({ dataDirectory: deps.dataDirectory, journalPath, watermark, connectionsBeyondTraining: deps.numbering.connectionsBeyondTraining() });
  const journal = Journal.open({ path: journalPath, logger: deps.logger, now: deps.clock, onMigrationProgress: migrationProgressLog(deps.logger) });
  let start: NumberingStart;
  try {
    start = startNumbering({ journal, watermark, signs, logger: deps.logger, clock: deps.clock });
  } catch (error) {
    journal.close();
    throw error;
  }
  const numbering = new NumberingService({
    journal,
    start,
    logger: deps.logger,
    context: { activeProfile: deps.activeProfile, ...deps.numbering },
    ...(deps.numbering.changed === undefined ? {} : { onChanged: deps.numbering.changed }),
  });
  const emitChanges = (changes: readonly { profileId: string; id: string; state: DocumentState }[]): void => {
    const byProfile = new Map<string, { id: string; state: DocumentState }[]>();
    for (const change of changes) byProfile.set(change.profileId, [...(byProfile.get(change.profileId) ?? []), { id: change.id, state: change.state }]);
    for (const [profileId, list] of byProfile) deps.events.emit('documents:changed', { profileId, changes: list, at: deps.clock().toISOString() });
  };
  const outbox = new Outbox({
    journal,
    repo: new DocumentsRepo(journal),
    clientFor: deps.clientFor,
    clock: deps.clock,
    logger: deps.logger,
    busy: deps.busy,
    onChange: emitChanges,
    onState: (state) => deps.events.emit('outbox:progress', state),
    journalNotice: () => numbering.notice(),
    roundFailed: (error) => deps.health.translate(error),
    ...deps.outbox,
  });
  const checkpoints = new IdleCheckpoint({ journal, logger: deps.logger, ...(deps.idle === undefined ? {} : { scheduler: deps.idle }) });
  journal.watch({
    beforeWrite: () => deps.health.refuseIfDamaged(),
    committed: () => {
      deps.health.wrote();
      checkpoints.wrote();
    },
    failed: (error) => deps.health.translate(error) ?? error,
  });
  // Nothing more is sent from a journal that cannot be trusted: the manager restarts, and the journal is checked at open.
  deps.health.onJournalDamaged((damage) => {
    outbox.showJournalNotice(damage.message);
    void outbox.stop(0);
  });
  const sellers = deps.device === undefined ? null : new SellerSnapshots(deps.device, deps.clock, { lastSaved: (profileId) => lastSellerRead(journal.db, profileId) });
  const documents = new DocumentsService({
    journal,
    events: deps.events,
    logger: deps.logger,
    clock: deps.clock,
    kick: () => outbox.kick(),
    checkStatusNow: (ids) => outbox.checkNow(ids),
    checkAttentionNow: (id, profileId, requestIds) => outbox.checkAttention(id, profileId, requestIds),
    numbering,
    context: {
      activeProfile: deps.activeProfile,
      isTrainingProfile: deps.isTrainingProfile,
      async checkContext() {
        const [taxCodes, currencies, verdict] = await Promise.all([deps.mappedTaxCodes(), deps.mappedCurrencies(), deps.verdict()]);
        return { now: deps.clock(), mappings: mappingFactsOf(taxCodes, currencies), readiness: verdict.reasons };
      },
      async copySource(profileId) {
        const [seller, taxCodes] = await Promise.all([sellers?.current(profileId) ?? null, deps.mappedTaxCodes().catch(() => [])]);
        const names = new Map(taxCodes.map((code) => [code.taxCode, code.deviceTax?.name ?? code.taxName]));
        return { seller, taxNameOf: (code) => names.get(code) ?? null };
      },
    },
  });
  outbox.start();
  return {
    journal,
    documents,
    numbering,
    outbox,
    async dispose() {
      await outbox.stop(5_000);
      checkpoints.dispose();
      journal.close();
    },
  };
}
