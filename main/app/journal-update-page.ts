import type { JournalUpdateView } from '../services/documents/journal-update-at-start';

/**
 * The page of the journal-update window, as a data: address: text and a progress bar, no script
 * (the window runs none), so it is written again for each tenth of the way.
 */
export function journalUpdatePage(view: JournalUpdateView): string {
  const percent = Math.max(0, Math.min(100, Math.round(view.percent)));
  const step = view.steps > 1 ? ` (step ${view.step} of ${view.steps})` : '';
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Updating your documents</title>
<style>
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
  body { margin: 24px; background: Canvas; color: CanvasText; }
  h1 { font-size: 17px; margin: 0 0 8px; }
  p { margin: 0 0 14px; font-size: 14px; line-height: 1.4; }
  progress { width: 100%; height: 14px; }
</style>
</head>
<body>
<main>
<h1>Updating your documents${step}</h1>
<p>This version of Fiscal Desk keeps your documents in a new way. With many documents this takes a few minutes: please keep the app open.</p>
<progress max="100" value="${percent}" aria-label="Updating your documents">${percent}%</progress>
<p>${percent}% done</p>
</main>
</body>
</html>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}
