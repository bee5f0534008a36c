import type { DatabaseSync } from 'node:sqlite';

/** The journal's memory of imports: source keys of imported documents, and mappings per file layout (migration 009). */
export class ImportSources {
  constructor(private readonly db: DatabaseSync) {}

  /** Which of `keys` were imported on this connection already. */
  imported(profileId: string, keys: readonly string[]): Set<string> {
    const found = new Set<string>();
    const statement = this.db.prepare('SELECT 1 FROM import_sources WHERE profile_id = ? AND source_key = ?');
    for (const key of keys) if (statement.get(profileId, key) !== undefined) found.add(key);
    return found;
  }

  /** The document imported under a reference (`ref:<reference>`), so a credit note can name the till's invoice. */
  documentOfReference(profileId: string, reference: string): string | null {
    const row = this.db.prepare('SELECT document_id FROM import_sources WHERE profile_id = ? AND source_key = ?').get(profileId, `ref:${reference}`) as { document_id: string } | undefined;
    return row?.document_id ?? null;
  }

  /** The active connection's invoice with this seller's number. */
  invoiceByNumber(profileId: string, number: string): string | null {
    const row = this.db.prepare(`SELECT id FROM documents WHERE profile_id = ? AND kind = 'invoice' AND number = ?`).get(profileId, number) as { id: string } | undefined;
    return row?.id ?? null;
  }

  /** Call inside the transaction that saves the document. */
  record(entry: { profileId: string; sourceKey: string; documentId: string; fingerprint: string; fileName: string; at: string }): void {
    this.db
      .prepare('INSERT INTO import_sources (profile_id, source_key, document_id, file_fingerprint, file_name, imported_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(entry.profileId, entry.sourceKey, entry.documentId, entry.fingerprint, entry.fileName, entry.at);
  }

  layout(layoutKey: string): string | null {
    const row = this.db.prepare('SELECT settings_json FROM import_layouts WHERE layout_key = ?').get(layoutKey) as { settings_json: string } | undefined;
    return row?.settings_json ?? null;
  }

  rememberLayout(layoutKey: string, settingsJson: string, at: string): void {
    this.db
      .prepare('INSERT INTO import_layouts (layout_key, settings_json, updated_at) VALUES (?, ?, ?) ON CONFLICT (layout_key) DO UPDATE SET settings_json = excluded.settings_json, updated_at = excluded.updated_at')
      .run(layoutKey, settingsJson, at);
  }
}
