import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { silentLogger } from '../../logging/logger';
import { DocumentsRepo } from './documents-repo';
import { lastSellerRead, readFiscalCopy, saveFiscalCopy, type SellerCopy } from './fiscal-copies';
import { JOURNAL_FILE_NAME, Journal } from './journal';

// The saved copies printouts are made from, in a real journal file: a seller block is kept once
// however many documents carry it, each document keeps the block it was queued with, and the
// last block read survives a restart.

const journals: Journal[] = [];
afterEach(() => {
  for (const journal of journals.splice(0)) journal.close();
});

const openAt = (path: string) => {
  const journal = Journal.open({ path, logger: silentLogger });
  journals.push(journal);
  return journal;
};

const seller = (legalName: string): SellerCopy => ({ legalName, branchName: 'Main', tin: '2000123456', vatNumber: '220012345', address: '1 Road, Harare', phone: null, email: null, deviceSerial: 'SBX-023401', deviceId: 23401 });
const taxes = [{ taxCode: 'VAT15', taxName: 'VAT', percent: '15.5', net: '100.00', tax: '15.50', gross: '115.50' }];

function addDocument(journal: Journal, id: string): void {
  new DocumentsRepo(journal).insert(
    { id, profile_id: 'p1', kind: 'invoice', draft: new Uint8Array(), currency: 'USD', buyer_name: '', buyer_tin: null, original_id: null, sub_total: null, total_tax: null, total: null, created_at: '2026-12-03T08:00:00.000Z' },
    [],
    'Saved as a draft',
  );
}

it('keeps one seller block for many documents, each document its own, and the latest read after a restart', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'fd-copies-')), JOURNAL_FILE_NAME);
  const journal = openAt(path);
  for (const [i, name, readAt] of [[1, 'Msasa Hardware', '2026-12-03T08:00:00.000Z'], [2, 'Msasa Hardware', '2026-12-03T08:05:00.000Z'], [3, 'Msasa Hardware (Pvt) Ltd', '2026-12-03T09:00:00.000Z'], [4, 'Msasa Hardware', '2026-12-03T07:00:00.000Z']] as const) {
    addDocument(journal, `d${i}`);
    saveFiscalCopy(journal.db, `d${i}`, 'p1', { capturedAt: readAt, seller: seller(name), sellerReadAt: readAt, taxes });
  }
  addDocument(journal, 'd5');
  saveFiscalCopy(journal.db, 'd5', 'p1', { capturedAt: '2026-12-03T10:00:00.000Z', seller: null, sellerReadAt: null, taxes });

  expect(journal.db.prepare('SELECT count(*) AS n FROM seller_copies').get()).toEqual({ n: 2 });
  expect(readFiscalCopy(journal.db, 'd1')).toEqual({ capturedAt: '2026-12-03T08:00:00.000Z', seller: seller('Msasa Hardware'), sellerReadAt: '2026-12-03T08:00:00.000Z', taxes });
  expect(readFiscalCopy(journal.db, 'd3')?.seller?.legalName).toBe('Msasa Hardware (Pvt) Ltd');
  expect(readFiscalCopy(journal.db, 'd5')).toMatchObject({ seller: null, sellerReadAt: null });
  journal.close();

  const reopened = openAt(path);
  // An older read of a block (d4, 07:00) does not make it look newer than it is.
  expect(lastSellerRead(reopened.db, 'p1')).toEqual({ seller: seller('Msasa Hardware (Pvt) Ltd'), readAt: '2026-12-03T09:00:00.000Z' });
  expect(lastSellerRead(reopened.db, 'p2')).toBeNull();
});
