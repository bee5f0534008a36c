// Renders fiscal PDFs on first download and keeps the most recent ones.
import type { AccountState, StoredDocument } from '../state/account-state';
import { renderFiscalPdf } from './fiscal-pdf';

export class PdfCache {
  private readonly entries = new Map<string, Promise<Buffer>>();

  constructor(private readonly capacity = 64) {}

  get(account: AccountState, doc: StoredDocument): Promise<Buffer> {
    const fiscal = doc.result?.fiscal;
    if (!fiscal) return Promise.reject(new Error('The document is not fiscalised'));
    const key = `${account.id}/${fiscal.pdfToken}`;
    const cached = this.entries.get(key);
    if (cached) return cached;
    const rendering = renderFiscalPdf(doc, fiscal);
    this.entries.set(key, rendering);
    rendering.catch(() => this.entries.delete(key));
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return rendering;
  }

  clear(): void {
    this.entries.clear();
  }
}
