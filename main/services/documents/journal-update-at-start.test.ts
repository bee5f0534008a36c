import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../logging/logger';
import { Journal, JOURNAL_FILE_NAME } from '../../store/journal/journal';
import { migrations } from '../../store/journal/migrations';
import { writePreviousSchemaJournal } from '../../store/journal/test-support/previous-schema-journal';
import { startBrowserMode } from '../../web/start-browser-mode';
import { terminalJournalUpdate } from '../../web/terminal-journal-update';
import { MemoryVault } from '../../vault/memory-vault';
import { updateJournalAtStart, type JournalUpdateDisplay, type JournalUpdateView } from './journal-update-at-start';

const latest = migrations.at(-1)!.version;

function recordingDisplay(): JournalUpdateDisplay & { seen: string[] } {
  const seen: string[] = [];
  const line = (what: string) => (view: JournalUpdateView) => void seen.push(`${what} ${view.percent}% ${view.step}/${view.steps}`);
  return { seen, open: line('open'), show: line('show'), close: () => void seen.push('close') };
}

/** A data folder whose journal an earlier version wrote (the schema before migration 12). */
function earlierDataFolder(): string {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'fd-update-at-start-'));
  writePreviousSchemaJournal(join(dataDirectory, JOURNAL_FILE_NAME), 2_500);
  return dataDirectory;
}

/** From 0% to 100%, each in a tenth of its own (a batch may pass several tenths at once). */
function expectTenths(percents: number[]): void {
  expect(percents[0]).toBe(0);
  expect(percents.at(-1)).toBe(100);
  expect(percents.length).toBeGreaterThan(3);
  const tenths = percents.map((percent) => Math.floor(percent / 10));
  expect(tenths.every((tenth, index) => index === 0 || tenth > tenths[index - 1]!)).toBe(true);
}

describe('the journal update at start', { timeout: 60_000 }, () => {
  it('shows a journal of an earlier version updated from 0% to 100%, a step at every tenth, then says it is over', async () => {
    const dataDirectory = earlierDataFolder();
    const display = recordingDisplay();
    await updateJournalAtStart({ dataDirectory, logger: silentLogger, display });
    expect(display.seen[0]).toBe('open 0% 1/1');
    expect(display.seen.at(-1)).toBe('close');
    const shown = display.seen.slice(1, -1);
    expect(shown.every((line) => /^show \d+% 1\/1$/.test(line))).toBe(true);
    expectTenths(shown.map((line) => Number(/(\d+)%/.exec(line)![1])));
    const journal = Journal.open({ path: join(dataDirectory, JOURNAL_FILE_NAME), logger: silentLogger });
    expect(journal.schemaVersion()).toBe(latest);
    journal.close();
  });

  it('shows nothing for a new data folder or a journal already current', async () => {
    const dataDirectory = mkdtempSync(join(tmpdir(), 'fd-update-at-start-new-'));
    const display = recordingDisplay();
    await updateJournalAtStart({ dataDirectory, logger: silentLogger, display });
    Journal.open({ path: join(dataDirectory, JOURNAL_FILE_NAME), logger: silentLogger }).close();
    await updateJournalAtStart({ dataDirectory, logger: silentLogger, display });
    expect(display.seen).toEqual([]);
  });

  it('browser mode updates the journal before it serves, telling the terminal how far it is', async () => {
    const dataDirectory = earlierDataFolder();
    const lines: string[] = [];
    const mode = await startBrowserMode({ dataDirectory, staticDirectory: dataDirectory, vault: new MemoryVault(), journalUpdate: terminalJournalUpdate((line) => lines.push(line)) });
    try {
      expect(lines[0]).toBe('Updating your documents for this version of Fiscal Desk. With many documents this takes a few minutes: leave this running.');
      const shown = lines.slice(1, -1);
      expect(shown.every((line) => /^ {2}Updating documents: \d+%$/.test(line))).toBe(true);
      expectTenths(shown.map((line) => Number(/(\d+)%/.exec(line)![1])));
      expect(lines.at(-1)).toBe('Documents updated.');
      const documents = mode.app.documents;
      if (!documents.ok) throw documents.error;
      expect(documents.module.journal.schemaVersion()).toBe(latest);
      expect(documents.module.journal.db.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 2_500 });
    } finally {
      await mode.stop();
    }
  });
});
