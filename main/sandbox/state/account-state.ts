// The live state of one sandbox account: its seed data plus mappings, documents and counters.
import { randomBytes } from 'node:crypto';
import type { CreditNote, Invoice } from '../../../shared/domain/fiscal-harmony/schemas';
import type { DeviceConfigSeed, ParsedAccountSeed, SubscriptionSeed } from './account-seed';

export interface ProfileData {
  FullName: string;
  TradeName?: string | undefined;
  Tin?: string | undefined;
  VatNumber?: string | undefined;
  Email?: string | undefined;
  Phone?: string | undefined;
}

export interface TaxMappingRecord {
  Id: number;
  TaxCode: string;
  TaxName: string;
  DestinationTaxId: number;
  ZimraTaxId: number;
}

export interface CurrencyMappingRecord {
  Id: number;
  SourceCurrency: string;
  DestinationCurrency: string;
}

export interface FiscalCounters {
  fiscalDayNo: number;
  /** CAT day (`2026-11-21`) the open fiscal day belongs to; null before the first document. */
  fiscalDayDate: string | null;
  /** Receipts in the open fiscal day (ZIMRA's receiptCounter, shown as QrData.InvoiceNumber). */
  receiptCounter: number;
  /** Receipts since the device was registered (ZIMRA's receiptGlobalNo, part of the QR URL). */
  receiptGlobalNo: number;
}

export interface DeviceState {
  deviceId: number;
  serialNumber: string;
  status: string;
  activatedOn: string;
  config: DeviceConfigSeed;
  counters: FiscalCounters;
  /** Stands in for the device's private key when "signing" receipts. */
  signingKey: string;
}

export interface SellerSnapshot {
  name: string;
  tradeName: string | null;
  tin: string;
  vatNumber: string | null;
  branchName: string;
  address: string;
  phone: string | null;
  email: string | null;
  deviceSerialNo: string;
}

export interface FiscalLine {
  taxId: number;
  taxName: string;
  /** null = exempt. */
  taxPercent: string | null;
  tax: string;
}

export interface FiscalRecord {
  deviceId: number;
  fiscalDayNo: number;
  receiptCounter: number;
  receiptGlobalNo: number;
  qrCodeUrl: string;
  verificationCode: string;
  pdfToken: string;
  fiscalisedAt: string;
  /** FH currency the seller's code maps to. */
  currency: string;
  lines: FiscalLine[];
  seller: SellerSnapshot;
  /** For credit notes: the credited invoice as fiscalised. */
  original: { invoiceId: string; invoiceNumber: string; receiptCounter: number; fiscalDayNo: number; receiptGlobalNo: number } | null;
}

export interface DocumentResult {
  success: boolean;
  actionable: boolean;
  error: string | null;
  processedAt: string;
  fiscal: FiscalRecord | null;
}

interface StoredBase {
  requestId: string;
  documentId: string;
  documentNumber: string;
  /** ISO instant from the sandbox clock. */
  receivedAt: string;
  /** Whether this submission owns its document id (see document-keys.ts). */
  claimed: boolean;
  slow: boolean;
  /** null while processing. */
  result: DocumentResult | null;
}
export type StoredDocument =
  | (StoredBase & { kind: 'invoice'; payload: Invoice })
  | (StoredBase & { kind: 'credit-note'; payload: CreditNote });
export type DocumentKind = StoredDocument['kind'];

export type KeyStatus = 'pending' | 'fiscalised' | 'failed-actionable' | 'failed-final';
export interface KeyState {
  status: KeyStatus;
  requestId: string;
}

export interface AccountState {
  id: number;
  label: string;
  apiKey: string;
  apiSecret: string;
  profile: ProfileData;
  device: DeviceState | null;
  subscription: SubscriptionSeed | null;
  taxMappings: TaxMappingRecord[];
  currencyMappings: CurrencyMappingRecord[];
  nextMappingId: number;
  /** By request id (lower case). */
  documents: Map<string, StoredDocument>;
  /** By `documentKey()`. */
  keys: Map<string, KeyState>;
  /** Sum of fiscalised credit notes per original InvoiceId (decimal string). */
  credited: Map<string, string>;
  /** PDF token -> request id. */
  pdfTokens: Map<string, string>;
}

export function documentKey(kind: DocumentKind, documentId: string): string {
  return `${kind}:${documentId}`;
}

export function accountFromSeed(seed: ParsedAccountSeed, id: number): AccountState {
  const account: AccountState = {
    id,
    label: seed.label,
    apiKey: seed.apiKey,
    apiSecret: seed.apiSecret,
    profile: { ...seed.profile },
    device: seed.device
      ? {
          deviceId: seed.device.deviceId,
          serialNumber: seed.device.serialNumber,
          status: seed.device.status,
          activatedOn: seed.device.activatedOn,
          config: structuredClone(seed.device.config),
          counters: { fiscalDayNo: seed.device.fiscalDayNo, fiscalDayDate: null, receiptCounter: 0, receiptGlobalNo: seed.device.receiptGlobalNo },
          signingKey: randomBytes(32).toString('hex'),
        }
      : null,
    subscription: seed.subscription ? structuredClone(seed.subscription) : null,
    taxMappings: [],
    currencyMappings: [],
    nextMappingId: 1,
    documents: new Map(),
    keys: new Map(),
    credited: new Map(),
    pdfTokens: new Map(),
  };
  for (const m of seed.taxMappings) {
    const tax = account.device?.config.applicableTaxes.find((t) => t.taxID === m.DestinationTaxId);
    account.taxMappings.push({
      Id: account.nextMappingId++,
      TaxCode: m.TaxCode,
      TaxName: m.TaxName ?? tax?.taxName ?? '',
      DestinationTaxId: m.DestinationTaxId,
      ZimraTaxId: m.DestinationTaxId,
    });
  }
  for (const m of seed.currencyMappings) {
    account.currencyMappings.push({ Id: account.nextMappingId++, ...m });
  }
  return account;
}
