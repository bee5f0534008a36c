// The sandbox state as JSON (persistence for training mode), and back.
import { z } from 'zod';
import { CreditNoteSchema, InvoiceSchema } from '../../../shared/domain/fiscal-harmony/schemas';
import { DeviceConfigSeedSchema, SubscriptionSeedSchema } from './account-seed';
import type { AccountState, StoredDocument } from './account-state';

const nullableText = z.string().nullable();

const FiscalRecordSchema = z.object({
  deviceId: z.number(),
  fiscalDayNo: z.number(),
  receiptCounter: z.number(),
  receiptGlobalNo: z.number(),
  qrCodeUrl: z.string(),
  verificationCode: z.string(),
  pdfToken: z.string(),
  fiscalisedAt: z.string(),
  currency: z.string(),
  lines: z.array(z.object({ taxId: z.number(), taxName: z.string(), taxPercent: nullableText, tax: z.string() })),
  seller: z.object({
    name: z.string(),
    tradeName: nullableText,
    tin: z.string(),
    vatNumber: nullableText,
    branchName: z.string(),
    address: z.string(),
    phone: nullableText,
    email: nullableText,
    deviceSerialNo: z.string(),
  }),
  original: z
    .object({ invoiceId: z.string(), invoiceNumber: z.string(), receiptCounter: z.number(), fiscalDayNo: z.number(), receiptGlobalNo: z.number() })
    .nullable(),
});

const DocumentResultSchema = z.object({
  success: z.boolean(),
  actionable: z.boolean(),
  error: nullableText,
  processedAt: z.string(),
  fiscal: FiscalRecordSchema.nullable(),
});

const storedBase = {
  requestId: z.string(),
  documentId: z.string(),
  documentNumber: z.string(),
  receivedAt: z.string(),
  claimed: z.boolean(),
  slow: z.boolean(),
  result: DocumentResultSchema.nullable(),
};
const StoredDocumentSchema = z.discriminatedUnion('kind', [
  z.object({ ...storedBase, kind: z.literal('invoice'), payload: InvoiceSchema }),
  z.object({ ...storedBase, kind: z.literal('credit-note'), payload: CreditNoteSchema }),
]);

const optionalText = z.string().optional();

const AccountSnapshotSchema = z.object({
  id: z.number().int(),
  label: z.string(),
  apiKey: z.string(),
  apiSecret: z.string(),
  profile: z.object({ FullName: z.string(), TradeName: optionalText, Tin: optionalText, VatNumber: optionalText, Email: optionalText, Phone: optionalText }),
  device: z
    .object({
      deviceId: z.number().int(),
      serialNumber: z.string(),
      status: z.string(),
      activatedOn: z.string(),
      config: DeviceConfigSeedSchema,
      counters: z.object({ fiscalDayNo: z.number(), fiscalDayDate: nullableText, receiptCounter: z.number(), receiptGlobalNo: z.number() }),
      signingKey: z.string(),
    })
    .nullable(),
  subscription: SubscriptionSeedSchema.nullable(),
  taxMappings: z.array(z.object({ Id: z.number(), TaxCode: z.string(), TaxName: z.string(), DestinationTaxId: z.number(), ZimraTaxId: z.number() })),
  currencyMappings: z.array(z.object({ Id: z.number(), SourceCurrency: z.string(), DestinationCurrency: z.string() })),
  nextMappingId: z.number().int(),
  documents: z.array(StoredDocumentSchema),
  keys: z.array(z.tuple([z.string(), z.object({ status: z.enum(['pending', 'fiscalised', 'failed-actionable', 'failed-final']), requestId: z.string() })])),
  credited: z.array(z.tuple([z.string(), z.string()])),
  pdfTokens: z.array(z.tuple([z.string(), z.string()])),
});

export const SNAPSHOT_FORMAT = 'fiscal-desk-fh-sandbox';

export const SandboxSnapshotSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(1),
  savedAt: z.string(),
  accounts: z.array(AccountSnapshotSchema),
});
export type SandboxSnapshot = z.input<typeof SandboxSnapshotSchema>;

export function toSnapshot(accounts: readonly AccountState[], now: Date): SandboxSnapshot {
  return {
    format: SNAPSHOT_FORMAT,
    version: 1,
    savedAt: now.toISOString(),
    accounts: accounts.map((a) => ({
      ...a,
      documents: [...a.documents.values()],
      keys: [...a.keys.entries()],
      credited: [...a.credited.entries()],
      pdfTokens: [...a.pdfTokens.entries()],
    })),
  };
}

/** Reads a snapshot; throws (with zod's reasons) when it is not one. */
export function fromSnapshot(raw: unknown): AccountState[] {
  const snapshot = SandboxSnapshotSchema.parse(raw);
  return snapshot.accounts.map((a) => ({
    ...a,
    documents: new Map(a.documents.map((d): [string, StoredDocument] => [d.requestId, d])),
    keys: new Map(a.keys),
    credited: new Map(a.credited),
    pdfTokens: new Map(a.pdfTokens),
  }));
}
