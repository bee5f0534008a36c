// What the API handlers need from the running sandbox.
import type { AccountState, StoredDocument } from '../state/account-state';

export interface ApiDeps {
  clock: () => Date;
  /** Queues a received document for processing. */
  enqueue(account: AccountState, doc: StoredDocument): void;
  /** State changed (persistence). */
  changed(): void;
  renderPdf(account: AccountState, doc: StoredDocument): Promise<Uint8Array>;
  statusWindowMs: number;
  maxStatusIds: number;
  /** The hostile-QR fault: status answers carry a QR address that is not ZIMRA's. */
  hostileQrCode(): boolean;
}
