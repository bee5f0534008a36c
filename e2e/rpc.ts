import type { Page } from '@playwright/test';

type Answer<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** Calls a channel the way the page's bridge does (same origin, this tab's token). Browser mode only. */
export async function rpc<T>(page: Page, channel: string, input?: unknown): Promise<T> {
  const answer = await page.evaluate(
    async ({ channel, input }) => {
      const response = await fetch(`/rpc/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Fiscal-Token': sessionStorage.getItem('fiscal-desk-token') ?? '' },
        body: JSON.stringify({ input }),
      });
      return (await response.json()) as unknown;
    },
    { channel, input },
  );
  const result = answer as Answer<T>;
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}
