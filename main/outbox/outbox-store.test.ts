import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLAIM_CANDIDATES, OutboxStore } from './outbox-store';
import { openHarness, queueInvoices, seeded, type Harness } from './test-support/outbox-harness';

// The claim over a real journal (migrations applied), with a test clock; nothing is sent.
let now = Date.parse('2026-11-30T08:00:00Z');
let harness: Harness;
let store: OutboxStore;
const owner = 'this-outbox';
const claim = (max: number) => store.claimDue(owner, now, 60_000, () => true, max).map((doc) => doc.id);

beforeEach(() => {
  harness = openHarness({ dataDirectory: mkdtempSync(join(tmpdir(), 'fd-claim-')), baseUrl: 'http://127.0.0.1:9/api', credentials: { apiKey: 'k', apiSecret: 's' }, clock: () => new Date(now) });
  store = new OutboxStore(harness.journal, harness.documents.repo);
});
afterEach(async () => {
  await harness.close();
});

describe('claiming queued documents', () => {
  it('reads them through the date-order index, never every queued document', () => {
    const plan = (harness.journal.db.prepare(`EXPLAIN QUERY PLAN ${CLAIM_CANDIDATES}`).all(now, owner, 10) as { detail: string }[]).map((row) => row.detail);
    expect(plan.filter((detail) => /documents/.test(detail) && !/documents_to_send_by_date/.test(detail))).toEqual([]);
    expect(plan.some((detail) => /^SCAN (documents|d|next|first)\b/.test(detail))).toBe(false);
  });

  it('takes one date (to the second) at a time, the next only once none of it is queued or sending', async () => {
    const first = await queueInvoices(harness.documents, 3, seeded(1));
    now += 1_000;
    const later = await queueInvoices(harness.documents, 2, seeded(2));
    now += 1_000;

    const two = claim(2);
    expect(two).toHaveLength(2);
    for (const id of two) expect(first).toContain(id);
    // Those two are sending under this owner: only the third of that second may go, not the later ones.
    const third = claim(10);
    expect(third).toHaveLength(1);
    expect(first).toContain(third[0]);
    expect(claim(10)).toEqual([]);

    for (const id of first) {
      harness.documents.repo.transition(id, { from: ['sending'], leaseOwner: owner }, 'submitted', { request_id: `r-${id}`, lease_owner: null, lease_until: null }, new Date(now).toISOString(), '');
    }
    expect(claim(10).sort()).toEqual([...later].sort());
  });
});
