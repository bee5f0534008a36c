import { useEffect } from 'react';

/** The paper each layout prints on: A4, or an 80 mm roll (a page of it at a time). */
export const PAGE_SIZES = { a4: 'A4', receipt: '80mm 297mm' } as const;

/**
 * Tells the print dialog the layout's paper while its preview is shown. A named page (`page:`)
 * would not do: the sheet is not the first thing on the page (the app's shell is, hidden), so the
 * print would take the default paper. A constructed style sheet, since the CSP allows no inline style.
 */
export function usePageSize(layout: keyof typeof PAGE_SIZES): void {
  useEffect(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`@page { size: ${PAGE_SIZES[layout]}; margin: 0; }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
    };
  }, [layout]);
}
