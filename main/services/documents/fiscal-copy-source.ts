import type { DeviceView } from '../../../shared/contract/device';
import type { RateFigures } from '../../../shared/domain/fiscal-harmony/draft-figures';
import { Dec, formatMoney } from '../../../shared/domain/money';
import type { SellerCopy, TaxCopy } from '../../store/journal/fiscal-copies';

/** The seller block and device of a device read, as a fiscal copy keeps them. */
export function sellerCopyOf(device: DeviceView): SellerCopy {
  const config = device.config;
  return {
    legalName: config?.taxPayerName ?? null,
    branchName: config?.branchName ?? null,
    tin: config?.taxPayerTin ?? null,
    vatNumber: config?.vatNumber ?? null,
    address: config?.branchAddress ?? null,
    phone: config?.branchPhone ?? null,
    email: config?.branchEmail ?? null,
    deviceSerial: device.serialNumber,
    deviceId: device.deviceId,
  };
}

/**
 * ZIMRA's tax table (net, VAT, amount incl. VAT per rate) from the figures the document was
 * sent with: `amount` is the lines' sum, including tax when the prices do, excluding it otherwise.
 */
export function taxCopyOf(rates: readonly RateFigures[], taxInclusive: boolean, nameOf: (taxCode: string) => string | null): TaxCopy[] {
  return rates.map((rate) => {
    const amount = new Dec(rate.amount);
    const tax = new Dec(rate.tax);
    return {
      taxCode: rate.taxCode,
      taxName: nameOf(rate.taxCode),
      percent: rate.percent ?? null,
      net: formatMoney(taxInclusive ? amount.minus(tax) : amount),
      tax: formatMoney(tax),
      gross: formatMoney(taxInclusive ? amount : amount.plus(tax)),
    };
  });
}

export interface SellerRead {
  seller: SellerCopy;
  readAt: string;
}

/**
 * The seller block for the copy a document is queued with. A read younger than `freshForMs` is
 * used as it is (a burst of documents asks the device once). Otherwise the device is read
 * (briefly: queuing must not wait on a slow service); when that fails the last good read of the
 * same connection is used, with its time: the one in memory, or the one the journal kept (so a
 * restart while offline still has it). With none at all the copy has no seller block (the
 * printout says so).
 */
export class SellerSnapshots {
  private readonly last = new Map<string, SellerRead>();
  private readonly timeoutMs: number;
  private readonly freshForMs: number;
  private readonly lastSaved: (profileId: string) => SellerRead | null;

  constructor(
    private readonly read: () => Promise<DeviceView>,
    private readonly clock: () => Date,
    options: { timeoutMs?: number; freshForMs?: number; lastSaved?: (profileId: string) => SellerRead | null } = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 3000;
    this.freshForMs = options.freshForMs ?? 60_000;
    this.lastSaved = options.lastSaved ?? (() => null);
  }

  async current(profileId: string): Promise<SellerRead | null> {
    const known = this.last.get(profileId) ?? this.lastSaved(profileId);
    if (known !== null && this.clock().getTime() - Date.parse(known.readAt) < this.freshForMs) return known;
    let timer: NodeJS.Timeout | undefined;
    try {
      const device = await Promise.race([
        this.read(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('The device did not answer in time')), this.timeoutMs);
        }),
      ]);
      if (device.connection.id !== profileId || device.config === null) return known;
      const read = { seller: sellerCopyOf(device), readAt: this.clock().toISOString() };
      this.last.set(profileId, read);
      return read;
    } catch {
      return known;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** What queue() saves a document's fiscal copy with, read before its transaction. */
export interface FiscalCopySource {
  seller: SellerRead | null;
  taxNameOf: (taxCode: string) => string | null;
}
