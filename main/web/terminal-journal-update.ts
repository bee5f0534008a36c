import type { JournalUpdateDisplay, JournalUpdateView } from '../services/documents/journal-update-at-start';

const stepOf = (view: JournalUpdateView): string => (view.steps > 1 ? `step ${view.step} of ${view.steps}, ` : '');

/** Browser mode's journal update, told in the terminal that ran `npm start`, a line each tenth of the way. */
export function terminalJournalUpdate(write: (line: string) => void = (line) => console.log(line)): JournalUpdateDisplay {
  return {
    open: () => write('Updating your documents for this version of Fiscal Desk. With many documents this takes a few minutes: leave this running.'),
    show: (view) => write(`  Updating documents: ${stepOf(view)}${view.percent}%`),
    close: () => write('Documents updated.'),
  };
}
