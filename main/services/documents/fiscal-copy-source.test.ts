import { describe, expect, it } from 'vitest';
import type { DeviceView } from '../../../shared/contract/device';
import { SellerSnapshots, taxCopyOf } from './fiscal-copy-source';

// What a queued document's fiscal copy is saved with when the device answers, answers late or
// not at all, and ZIMRA's tax table from the figures sent.

const device = (profileId: string, name: string): DeviceView => ({
  connection: { id: profileId, name: 'Shop', environment: 'custom', training: false },
  deviceId: 23401,
  serialNumber: 'SBX-023401',
  status: 'Active',
  activatedOn: null,
  billingStatus: null,
  configProblem: null,
  config: { taxPayerName: name, taxPayerTin: '2000123456', vatNumber: '220012345', branchName: 'Main', branchAddress: '1 Road, Harare', branchPhone: null, branchEmail: null, operatingMode: 'Online', qrUrl: null, taxes: [] },
  certificate: { validTill: null, daysLeft: null, state: 'unknown' },
});

describe('SellerSnapshots', () => {
  it('keeps the last good read of a connection for when the device cannot be read, with its time', async () => {
    let now = Date.parse('2026-12-03T08:00:00Z');
    let answer: () => Promise<DeviceView> = async () => device('p1', 'Msasa Hardware');
    const sellers = new SellerSnapshots(() => answer(), () => new Date(now), { timeoutMs: 50 });
    expect(await sellers.current('p1')).toEqual({ seller: expect.objectContaining({ legalName: 'Msasa Hardware', deviceSerial: 'SBX-023401', deviceId: 23401 }), readAt: '2026-12-03T08:00:00.000Z' });
    now += 60_000;
    answer = () => Promise.reject(new Error('offline'));
    expect((await sellers.current('p1'))?.readAt).toBe('2026-12-03T08:00:00.000Z');
    answer = () => new Promise<never>(() => undefined); // never answers: given up after the time limit
    expect((await sellers.current('p1'))?.seller.legalName).toBe('Msasa Hardware');
    expect(await sellers.current('p2')).toBeNull();
  });

  it('never gives one connection another connection\'s seller', async () => {
    const sellers = new SellerSnapshots(async () => device('p1', 'Msasa Hardware'), () => new Date(), { timeoutMs: 50 });
    expect(await sellers.current('p2')).toBeNull();
  });
});

describe('SellerSnapshots, fresh and kept', () => {
  it('asks the device once for a burst of documents, and again once the read is a minute old', async () => {
    let now = Date.parse('2026-12-03T08:00:00Z');
    let reads = 0;
    const sellers = new SellerSnapshots(async () => {
      reads += 1;
      return device('p1', `Msasa Hardware ${reads}`);
    }, () => new Date(now));
    for (let i = 0; i < 5; i += 1) await sellers.current('p1');
    expect(reads).toBe(1);
    now += 59_999;
    expect((await sellers.current('p1'))?.seller.legalName).toBe('Msasa Hardware 1');
    now += 1;
    expect((await sellers.current('p1'))?.seller.legalName).toBe('Msasa Hardware 2');
    expect(reads).toBe(2);
  });

  it('after a restart while offline, uses the seller block the journal kept, with its time', async () => {
    const kept = { seller: { legalName: 'Msasa Hardware', branchName: null, tin: '2000123456', vatNumber: null, address: null, phone: null, email: null, deviceSerial: 'SBX-023401', deviceId: 23401 }, readAt: '2026-12-01T08:00:00.000Z' };
    const sellers = new SellerSnapshots(() => Promise.reject(new Error('offline')), () => new Date('2026-12-03T08:00:00Z'), { lastSaved: (profileId) => (profileId === 'p1' ? kept : null) });
    expect(await sellers.current('p1')).toEqual(kept);
    expect(await sellers.current('p2')).toBeNull();
  });
});

describe('taxCopyOf', () => {
  it('gives net, VAT and amount incl. VAT for inclusive and exclusive prices', () => {
    const rates = [{ taxCode: 'VAT15', percent: '15.5', amount: '115.50', tax: '15.50' }];
    expect(taxCopyOf(rates, true, () => 'Standard rated 15.5%')).toEqual([{ taxCode: 'VAT15', taxName: 'Standard rated 15.5%', percent: '15.5', net: '100.00', tax: '15.50', gross: '115.50' }]);
    expect(taxCopyOf([{ ...rates[0]!, amount: '100.00' }], false, () => null)[0]).toMatchObject({ net: '100.00', gross: '115.50', taxName: null });
  });
});
