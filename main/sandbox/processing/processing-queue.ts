// Asynchronous processing: each received document is processed after a delay, off the request.
import type { AccountState, StoredDocument } from '../state/account-state';

interface Pending {
  account: AccountState;
  doc: StoredDocument;
  timer: NodeJS.Timeout;
}

export class ProcessingQueue {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly process: (account: AccountState, doc: StoredDocument) => void) {}

  get size(): number {
    return this.pending.size;
  }

  schedule(account: AccountState, doc: StoredDocument, delayMs: number): void {
    const id = `${account.id}/${doc.requestId}`;
    const timer = setTimeout(() => {
      this.pending.delete(id);
      this.process(account, doc);
    }, delayMs);
    this.pending.set(id, { account, doc, timer });
  }

  /** Processes pending documents now (tests, shutdown); slow ones only with `includeSlow`. */
  processNow(options: { includeSlow?: boolean } = {}): number {
    let count = 0;
    for (const [id, p] of [...this.pending]) {
      if (p.doc.slow && !options.includeSlow) continue;
      clearTimeout(p.timer);
      this.pending.delete(id);
      this.process(p.account, p.doc);
      count += 1;
    }
    return count;
  }

  /** Forgets everything pending (reset, close); the documents stay unprocessed. */
  clear(): void {
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
  }

  /** Forgets the pending documents of one account (when it is replaced). */
  clearAccount(account: AccountState): void {
    for (const [id, p] of [...this.pending]) {
      if (p.account !== account) continue;
      clearTimeout(p.timer);
      this.pending.delete(id);
    }
  }
}
