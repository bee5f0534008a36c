/** The keyboard shortcuts, on screen (nothing here needs the mouse). */
export const SHORTCUTS: ReadonlyArray<[string, string]> = [
  ['Tab / Shift+Tab', 'next / previous field'],
  ['Enter', 'new line below (in a line)'],
  ['↑ / ↓', 'same field on the line above / below; pick a suggestion'],
  ['Ctrl+D', 'duplicate the line'],
  ['Ctrl+Shift+K', 'remove the line'],
  ['Ctrl+V', 'paste rows copied from a spreadsheet'],
  ['Ctrl+Enter', 'check and send'],
  ['Esc', 'close suggestions'],
];

export function ShortcutsHelp() {
  return (
    <details className="shortcuts">
      <summary>Keyboard shortcuts</summary>
      <dl className="shortcuts__list">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
