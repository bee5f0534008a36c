// Seed data of one sandbox account, as given to `startFiscalHarmonySandbox({ accounts })`,
// `RunningSandbox.addAccount` or `POST /__admin/accounts`.
import { z } from 'zod';

const text = z.string().optional();

export const ApplicableTaxSeedSchema = z.object({
  taxID: z.number().int(),
  taxName: z.string(),
  /** Omit for an exempt tax. */
  taxPercent: z.number().min(0).max(100).optional(),
  validFrom: text,
  validTill: text,
});
export type ApplicableTaxSeed = z.output<typeof ApplicableTaxSeedSchema>;

/** ZIMRA's device config (camelCase, as in fh-api.md); served as the `CurrentConfig` JSON string. */
export const DeviceConfigSeedSchema = z.object({
  taxPayerName: z.string(),
  taxPayerTIN: z.string(),
  vatNumber: text,
  deviceSerialNo: z.string(),
  deviceBranchName: z.string(),
  deviceBranchAddress: z.object({ province: z.string(), street: z.string(), houseNo: z.string(), city: z.string() }),
  deviceBranchContacts: z.object({ phoneNo: text, email: text }),
  deviceOperatingMode: z.enum(['Online', 'Offline']),
  taxPayerDayMaxHrs: z.number().int(),
  taxpayerDayEndNotificationHrs: z.number().int(),
  applicableTaxes: z.array(ApplicableTaxSeedSchema),
  certificateValidTill: z.string(),
  qrUrl: z.string(),
  operationID: z.string(),
});
export type DeviceConfigSeed = z.output<typeof DeviceConfigSeedSchema>;

export const DeviceSeedSchema = z.object({
  deviceId: z.number().int().min(1).max(9_999_999_999),
  serialNumber: z.string(),
  status: z.string().default('Active'),
  activatedOn: z.string(),
  config: DeviceConfigSeedSchema,
  /** Starting counters (the first fiscalised document gets receiptGlobalNo + 1). */
  receiptGlobalNo: z.number().int().min(0).default(0),
  fiscalDayNo: z.number().int().min(0).default(0),
});
export type DeviceSeed = z.input<typeof DeviceSeedSchema>;

export const SubscriptionSeedSchema = z.object({
  Plan: z.object({ Name: z.string(), Price: z.number(), Currency: z.string(), Interval: z.string() }),
  Status: z.string(),
  StartDate: z.string(),
  NextBillingDate: z.string(),
});
export type SubscriptionSeed = z.output<typeof SubscriptionSeedSchema>;

export const AccountSeedSchema = z.object({
  /** Free text for logs and the admin listing. */
  label: z.string().default(''),
  apiKey: z.string().min(8),
  apiSecret: z.string().min(8),
  profile: z.object({
    FullName: z.string(),
    TradeName: text,
    Tin: text,
    VatNumber: text,
    Email: text,
    Phone: text,
  }),
  device: DeviceSeedSchema.nullish(),
  subscription: SubscriptionSeedSchema.nullish(),
  taxMappings: z.array(z.object({ TaxCode: z.string(), TaxName: text, DestinationTaxId: z.number().int() })).default([]),
  currencyMappings: z.array(z.object({ SourceCurrency: z.string(), DestinationCurrency: z.string() })).default([]),
});
export type AccountSeed = z.input<typeof AccountSeedSchema>;
export type ParsedAccountSeed = z.output<typeof AccountSeedSchema>;

export interface SandboxCredentials {
  accountId: number;
  apiKey: string;
  apiSecret: string;
  label: string;
}
