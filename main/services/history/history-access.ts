import type { AppError } from '../../../shared/errors';
import type { Logger } from '../../logging/logger';
import type { StorageHealth } from '../../store/storage-health';
import { tuneForHistory } from '../../store/journal/history-query';
import type { DocumentsAccess } from '../../ipc/handlers/documents-handlers';
import type { ConnectionsService } from '../connections/connections-service';
import type { AccountService } from '../fiscal-harmony/account-service';
import type { MappingsService } from '../mappings/mappings-service';
import { HistoryService, type FileSaver } from './history-service';
import { PdfStore } from './pdf-store';

export type HistoryAccess = { ok: true; service: HistoryService } | { ok: false; error: AppError };

export interface HistoryParts {
  dataDirectory: string;
  connections: ConnectionsService;
  accounts: AccountService;
  mappings: MappingsService;
  /** The desktop app's save dialog; browser mode has none (the page downloads). */
  saveFile: FileSaver | null;
  logger: Logger;
  clock: () => Date;
  /** Whether the last write failed for lack of space (a dashboard alert). */
  storage: StorageHealth;
}

/** The history over the journal the documents module opened (or the reason it could not). */
export function openHistory(documents: DocumentsAccess, parts: HistoryParts): HistoryAccess {
  if (!documents.ok) return { ok: false, error: documents.error };
  const { module } = documents;
  tuneForHistory(module.journal.db);
  const { connections } = parts;
  const service = new HistoryService({
    db: () => module.journal.db,
    repo: module.documents.repo,
    activeProfile: () => {
      const profile = connections.activeFiscalHarmony();
      return { id: profile.id, training: connections.isTrainingProfile(profile) };
    },
    pdfDownloader: async () => {
      const client = await connections.fiscalHarmonyClient(connections.activeFiscalHarmony());
      return (token) => client.downloadPdf(token);
    },
    device: () => parts.accounts.device(),
    taxCodes: () => parts.mappings.mappedTaxCodes(),
    outboxState: async () => module.outbox.state(),
    diskFull: () => parts.storage.diskFullNow(),
    pdfs: PdfStore.inDataDirectory(parts.dataDirectory),
    saveFile: parts.saveFile,
    logger: parts.logger,
    clock: parts.clock,
  });
  return { ok: true, service };
}
