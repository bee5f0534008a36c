import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsFileError } from '../store/settings-file';
import { MemoryVault } from '../vault/memory-vault';
import { startBrowserMode } from './start-browser-mode';

describe('browser mode with a settings path it cannot read', () => {
  it('refuses to start with a plain SettingsFileError (the CLI prints its message), not EISDIR', async () => {
    const dataDirectory = mkdtempSync(join(tmpdir(), 'fd-web-settings-'));
    mkdirSync(join(dataDirectory, 'settings.json'));
    const starting = startBrowserMode({ dataDirectory, staticDirectory: dataDirectory, vault: new MemoryVault() });
    await expect(starting).rejects.toBeInstanceOf(SettingsFileError);
    await expect(starting).rejects.toThrow(`Fiscal Desk keeps its settings in the file ${join(dataDirectory, 'settings.json')}, but there is a folder with that name.`);
  });
});
