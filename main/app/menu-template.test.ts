import { describe, expect, it } from 'vitest';
import { menuTemplate } from './menu-template';

const roles = (items: ReturnType<typeof menuTemplate>) => items.map((item) => item.role ?? item.label);

describe('application menu', () => {
  it('has the macOS app menu first on macOS', () => {
    expect(roles(menuTemplate('darwin', 'Fiscal Desk', false, { openHelp: () => undefined }))).toEqual([
      'Fiscal Desk', 'File', 'editMenu', 'View', 'windowMenu', 'help',
    ]);
  });

  it('has no app menu on Windows and only offers devtools while developing', () => {
    const production = menuTemplate('win32', 'Fiscal Desk', false, { openHelp: () => undefined });
    expect(roles(production)).toEqual(['File', 'editMenu', 'View', 'windowMenu', 'help']);
    expect(JSON.stringify(production)).not.toContain('toggleDevTools');
    expect(JSON.stringify(menuTemplate('win32', 'Fiscal Desk', true, { openHelp: () => undefined }))).toContain('toggleDevTools');
  });
});
