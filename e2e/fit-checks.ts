import { expect, type Page } from '@playwright/test';

// What "fits the window" means for the fit test (e2e/readiness.spec.ts), screen by screen: the
// sidebar's labels are whole (or icons with their label as a tooltip), exactly one thing scrolls
// (the screen), no button looks like a link, and on New invoice the lines never scroll sideways
// and the totals are never under the send bar. Each check is soft: every screen is checked and
// photographed even when one does not fit. (The e2e specs are typed without the DOM: what runs in
// the page is given as text.)

interface LabelFacts {
  name: string;
  width: number;
  scrollWidth: number;
  clientWidth: number;
}

const labelFacts = (selector: string) => `(() => {
  const label = document.querySelector(${JSON.stringify(selector)});
  if (label === null) return null;
  return { name: label.textContent, width: label.getBoundingClientRect().width, scrollWidth: label.scrollWidth, clientWidth: label.clientWidth };
})()`;

/**
 * Every sidebar link's label is whole where it shows; where the rail shows only icons, the label
 * is the tooltip on hover and on keyboard focus (whole there), and it is still the link's name.
 */
export async function expectSidebarLabelsWhole(page: Page, label: string, screens: readonly string[]): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const [index, screen] of screens.entries()) {
    const link = nav.getByRole('link', { name: screen, exact: true });
    await expect.soft(link, `${label}: the "${screen}" link is named by its label`).toHaveAccessibleName(screen);
    const selector = `.sidebar__list li:nth-child(${index + 1}) .sidebar__label`;
    const shown = await page.evaluate<LabelFacts | null>(labelFacts(selector));
    expect.soft(shown?.name, `${label}: sidebar link ${index + 1}`).toBe(screen);
    if (shown === null) continue;
    if (shown.width > 2) {
      expect.soft(shown.scrollWidth, `${label}: the sidebar label "${screen}" is cut`).toBeLessThanOrEqual(shown.clientWidth);
      continue;
    }
    // An icon: its label shows whole when the keyboard is on it.
    await link.focus();
    const tooltip = await page.evaluate<LabelFacts | null>(labelFacts(selector));
    expect.soft(tooltip?.width ?? 0, `${label}: the icon of "${screen}" shows no tooltip on focus`).toBeGreaterThan(20);
    expect.soft(tooltip?.scrollWidth ?? 1, `${label}: the tooltip of "${screen}" is cut`).toBeLessThanOrEqual(tooltip?.clientWidth ?? 0);
  }
  await page.getByRole('heading', { level: 1 }).focus();
}

/** Everything that scrolls (the page itself, or a box with overflow auto/scroll that has more than it shows): only the screen's content pane. */
export async function expectOneScrollArea(page: Page, label: string): Promise<void> {
  const scrolling = await page.evaluate<string[]>(`(() => {
    const found = [];
    const root = document.scrollingElement;
    if (root.scrollHeight > root.clientHeight + 1 || root.scrollWidth > root.clientWidth + 1) {
      // Named with what sticks out of the window, so a failure says where to look.
      const out = [...document.querySelectorAll('body *')].filter((e) => !e.parentElement.closest('.content'))
        .filter((e) => { const b = e.getBoundingClientRect(); return b.bottom > innerHeight + 1 || b.right > innerWidth + 1; })
        .slice(0, 5).map((e) => (e.className || e.tagName) + ' ' + Math.round(e.getBoundingClientRect().right) + 'x' + Math.round(e.getBoundingClientRect().bottom));
      found.push('the page itself (' + root.scrollWidth + 'x' + root.scrollHeight + ': ' + out.join(', ') + ')');
    }
    for (const element of document.querySelectorAll('body *')) {
      const style = getComputedStyle(element);
      const y = /auto|scroll/.test(style.overflowY) && element.scrollHeight > element.clientHeight + 1;
      const x = /auto|scroll/.test(style.overflowX) && element.scrollWidth > element.clientWidth + 1;
      if (x || y) found.push((element.id === '' ? '' : '#' + element.id + ' ') + (element.className || element.tagName) + (x ? ' sideways' : '') + (y ? ' up-down' : ''));
    }
    return found;
  })()`);
  expect.soft(scrolling.filter((box) => !box.startsWith('#main-content ')), `${label}: scroll areas other than the screen's`).toEqual([]);
}

/** Every button, and every link dressed as one, looks like a button (a border, a background, no underline); tabs and menu items have their own look. */
export async function expectButtonsLookLikeButtons(page: Page, label: string): Promise<void> {
  const linkLike = await page.evaluate<string[]>(`(() => [...document.querySelectorAll('button, a.button')]
    .filter((button) => button.checkVisibility() && !['tab', 'menuitem', 'option'].includes(button.getAttribute('role') ?? ''))
    .filter((button) => {
      const style = getComputedStyle(button);
      const border = style.borderTopStyle !== 'none' && parseFloat(style.borderTopWidth) > 0 && style.borderTopColor !== 'rgba(0, 0, 0, 0)';
      const background = style.backgroundColor !== 'rgba(0, 0, 0, 0)' && style.backgroundColor !== 'transparent';
      return !border || !background || style.textDecorationLine.includes('underline');
    })
    .map((button) => button.textContent.trim()))()`);
  expect.soft(linkLike, `${label}: buttons that look like links`).toEqual([]);
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** New invoice: the lines never scroll sideways, the Amount column is inside them, a description has room for words. */
export async function expectLinesFit(page: Page, label: string): Promise<void> {
  const facts = await page.evaluate<{ scrollers: string[]; lines: Box; amount: Box; description: Box } | null>(`(() => {
    const lines = document.querySelector('.lines');
    const amount = document.querySelector('.lines__table tbody .lines__amount');
    const description = document.querySelector('[data-field="lines.0.description"]');
    if (lines === null || amount === null || description === null) return null;
    const scrollers = [lines, ...lines.querySelectorAll('*'), lines.parentElement]
      .filter((e) => e.scrollWidth > e.clientWidth + 1 && /auto|scroll/.test(getComputedStyle(e).overflowX))
      .map((e) => e.className || e.tagName);
    const box = (e) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; };
    return { scrollers, lines: box(lines), amount: box(amount), description: box(description) };
  })()`);
  expect.soft(facts, `${label}: the lines table is on the screen`).not.toBeNull();
  if (facts === null) return;
  expect.soft(facts.scrollers, `${label}: the lines table scrolls sideways`).toEqual([]);
  expect.soft(facts.amount.x + facts.amount.width, `${label}: the Amount column is cut`).toBeLessThanOrEqual(facts.lines.x + facts.lines.width + 1);
  expect.soft(facts.description.width, `${label}: a line's description has room for ~25 characters`).toBeGreaterThanOrEqual(240);
}

/** New invoice: brought into view, the totals are above the sticky send bar, not under it (the screen is left scrolled there). */
export async function expectTotalsAboveSendBar(page: Page, label: string): Promise<void> {
  const facts = await page.evaluate<{ totals: Box; bar: Box } | null>(`(() => {
    const totals = document.querySelector('.entry .totals');
    const bar = document.querySelector('.entry__footer');
    if (totals === null || bar === null) return null;
    totals.scrollIntoView({ block: 'nearest' });
    const box = (e) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; };
    return { totals: box(totals), bar: box(bar) };
  })()`);
  expect.soft(facts, `${label}: the totals and the send bar are on the screen`).not.toBeNull();
  if (facts === null) return;
  expect.soft(facts.totals.y + facts.totals.height, `${label}: the send bar covers the totals`).toBeLessThanOrEqual(facts.bar.y + 1);
}
