/** What an import accepts at most: past these, the file is refused whole and nothing is read further. */
export const IMPORT_LIMITS = {
  /** The file as chosen. */
  maxFileBytes: 20 * 1024 * 1024,
  /** Data rows below the headings. */
  maxRows: 50_000,
  /** Columns of the heading row. */
  maxColumns: 200,
  /** XLSX: entries in the zip, one entry's and all entries' inflated size, and how much one may grow. */
  maxZipEntries: 500,
  maxEntryBytes: 64 * 1024 * 1024,
  maxInflatedBytes: 128 * 1024 * 1024,
  maxInflateRatio: 200,
  /** A chunk of the file as it crosses IPC (base64 text; browser mode takes 1 MiB per call). */
  maxChunkChars: 700_000,
  /** Files being looked at at once (a chosen file is kept until imported or discarded). */
  maxOpenFiles: 4,
} as const;

export const MEGABYTES = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`;
