import type { CDPSession, Page } from '@playwright/test';

// The operating system's print dialog is the one part of printing a test cannot drive, so it is
// the only part replaced. The real window.print() blocks the page's scripts until the dialog
// closes, and the printout is whatever the page holds meanwhile (pdf-print.ts removes its print
// root right after). The stand-in does the same: window.print() stops on a `debugger` statement,
// held through the Chrome DevTools protocol, so a test sees the page exactly as the dialog would,
// lays it out for paper, and then closes the "dialog" by letting the script go on.
// While it is open the page's scripts are stopped: Playwright's evaluate and locators wait for
// them, so look only through `evaluate` below (and page.emulateMedia, which does not need them).

const STAND_IN = 'printDialogStandIn';

function replacePrint() {
  // globalThis is the page's window (this file is typed without the DOM).
  (globalThis as { print?: () => void }).print = function printDialogStandIn() {
    // eslint-disable-next-line no-debugger -- the stand-in dialog: the test holds the page here
    debugger;
  };
}

export interface OpenPrintDialog {
  /** The value of a JavaScript expression in the page as it is while the dialog is open (JSON values only). */
  evaluate<T>(expression: string): Promise<T>;
}

export interface PrintDialog {
  /** Waits for the next window.print(), lets `look` inspect the page while the dialog is open, then closes it. */
  whenOpened<T>(look: (dialog: OpenPrintDialog) => Promise<T>): Promise<T>;
}

interface Paused {
  reason: string;
  callFrames: { functionName: string }[];
}

async function evaluateWhilePaused<T>(cdp: CDPSession, expression: string): Promise<T> {
  const answer = await cdp.send('Runtime.evaluate', { expression, returnByValue: true });
  if (answer.exceptionDetails !== undefined) throw new Error(`While the print dialog was open: ${answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text}`);
  return answer.result.value as T;
}

/** Replaces the print dialog in this page (and after any reload) with the stand-in. Chromium only. */
export async function replacePrintDialog(page: Page): Promise<PrintDialog> {
  await page.addInitScript(replacePrint);
  await page.evaluate(replacePrint);
  const cdp = await page.context().newCDPSession(page);
  // Each print keeps the page stopped until a test looks at it (whenOpened), in the order they came.
  const held: Paused[] = [];
  const waiting: ((paused: Paused) => void)[] = [];
  cdp.on('Debugger.paused', (paused: Paused) => {
    if (paused.callFrames[0]?.functionName !== STAND_IN) {
      void cdp.send('Debugger.resume');
      return;
    }
    const next = waiting.shift();
    if (next === undefined) held.push(paused);
    else next(paused);
  });
  await cdp.send('Debugger.enable');
  return {
    async whenOpened(look) {
      if (held.shift() === undefined) await new Promise<Paused>((resolve) => waiting.push(resolve));
      try {
        return await look({ evaluate: (expression) => evaluateWhilePaused(cdp, expression) });
      } finally {
        await cdp.send('Debugger.resume');
      }
    },
  };
}
