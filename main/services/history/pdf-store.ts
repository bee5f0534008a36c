import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';

/** Downloads a document's PDF from the service (by its token). */
export type PdfDownloader = (token: string) => Promise<Uint8Array>;

const DOT_SEGMENTS = new Set(['', '.', '..']);

const looksLikePdf = (bytes: Uint8Array) => bytes.length >= 5 && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';

/**
 * The service's PDFs, kept in `<dataDirectory>/pdfs/<documentId>.pdf`: downloaded once, read
 * from the disk afterwards. A kept file that is not a PDF (a crash mid-write, a foreign edit)
 * is moved aside and downloaded again; concurrent asks for one document share one download.
 */
export class PdfStore {
  private readonly pending = new Map<string, Promise<Uint8Array>>();

  constructor(private readonly folder: string) {}

  static inDataDirectory(dataDirectory: string): PdfStore {
    return new PdfStore(join(dataDirectory, 'pdfs'));
  }

  pathOf(documentId: string): string {
    if (!/^[0-9a-f-]{36}$/i.test(documentId)) throw new Error('not a document id');
    return join(this.folder, `${documentId}.pdf`);
  }

  /** The kept PDF, or null when there is none yet. */
  async kept(documentId: string): Promise<Uint8Array | null> {
    const path = this.pathOf(documentId);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    if (looksLikePdf(bytes)) return bytes;
    await rename(path, `${path}.unreadable-${Date.now()}`);
    return null;
  }

  get(documentId: string, token: string, download: PdfDownloader): Promise<Uint8Array> {
    // `/download/..` would be read as the folder above: another address, sent the API key.
    if (DOT_SEGMENTS.has(token)) {
      return Promise.reject(new AppError('NOT_FOUND', 'Fiscal Harmony gave this document a PDF name that cannot be asked for. Print it with Fiscal Desk\'s own layout instead.'));
    }
    const inFlight = this.pending.get(documentId);
    if (inFlight !== undefined) return inFlight;
    const work = this.fetchOnce(documentId, token, download).finally(() => this.pending.delete(documentId));
    this.pending.set(documentId, work);
    return work;
  }

  private async fetchOnce(documentId: string, token: string, download: PdfDownloader): Promise<Uint8Array> {
    const kept = await this.kept(documentId);
    if (kept !== null) return kept;
    const bytes = await download(token);
    await mkdir(this.folder, { recursive: true });
    const path = this.pathOf(documentId);
    const temporary = `${path}.${process.pid}.partial`;
    try {
      await writeFile(temporary, bytes);
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return bytes;
  }
}
