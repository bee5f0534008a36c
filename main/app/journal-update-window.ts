import { BrowserWindow } from 'electron';
import type { JournalUpdateDisplay } from '../services/documents/journal-update-at-start';
import { journalUpdatePage } from './journal-update-page';
import { journalUpdateWindowOptions } from './window-options';

/**
 * The desktop app's journal update: a small window and the taskbar's (or Dock's) progress. The
 * window stays, saying the update is done, until `dispose()` once the main window is there:
 * an app whose last window closes quits.
 */
export function windowJournalUpdate(title: string): JournalUpdateDisplay & { dispose(): void } {
  let window: BrowserWindow | null = null;
  const show: JournalUpdateDisplay['show'] = (view) => {
    if (window === null || window.isDestroyed()) return;
    window.setProgressBar(view.percent / 100);
    // A load cut short by the next tenth's rejects: that page is simply not shown.
    window.loadURL(journalUpdatePage(view)).catch(() => undefined);
  };
  return {
    open: (view) => {
      window = new BrowserWindow(journalUpdateWindowOptions(title));
      show(view);
    },
    show,
    close: () => {
      show({ percent: 100, step: 1, steps: 1 });
      window?.setProgressBar(-1);
    },
    dispose: () => {
      if (window !== null && !window.isDestroyed()) window.destroy();
      window = null;
    },
  };
}
