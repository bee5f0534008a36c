// Account-side wire types: Profile, FiscalDevice (+ its DeviceConfig JSON string), Subscription.
// Parsed tolerantly: unknown fields are dropped, optional fields may be null or missing.
import { z } from 'zod';
import { parseExactJson } from '../../exact-json';
import { DecimalString, IntLike, OptionalText } from '../wire-values';

export const ProfileSchema = z.object({
  Id: IntLike,
  FullName: z.string(),
  TradeName: OptionalText,
  Tin: OptionalText,
  VatNumber: OptionalText,
  Email: OptionalText,
  Phone: OptionalText,
});
export type Profile = z.output<typeof ProfileSchema>;

export const BILLING_STATUSES = ['Active', 'Overdue', 'Suspended', 'Cancelled'] as const;
/** Known values typed; any other string the service may add later is still accepted. */
export type BillingStatus = (typeof BILLING_STATUSES)[number] | (string & {});

export const DEVICE_STATUSES = ['Active', 'Inactive', 'Deregistered'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number] | (string & {});

export const ApplicableTaxSchema = z.object({
  taxID: IntLike,
  taxName: z.string().nullish().transform((v) => v ?? ''),
  /** Absent or null = exempt (no percentage). */
  taxPercent: DecimalString.nullish(),
  validFrom: OptionalText,
  validTill: OptionalText,
});
export type ApplicableTax = z.output<typeof ApplicableTaxSchema>;

const AddressSchema = z.object({
  province: OptionalText,
  street: OptionalText,
  houseNo: OptionalText,
  city: OptionalText,
});

export const DeviceConfigSchema = z.object({
  taxPayerName: OptionalText,
  taxPayerTIN: OptionalText,
  vatNumber: OptionalText,
  deviceSerialNo: OptionalText,
  deviceBranchName: OptionalText,
  deviceBranchAddress: AddressSchema.nullish(),
  deviceBranchContacts: z.object({ phoneNo: OptionalText, email: OptionalText }).nullish(),
  deviceOperatingMode: OptionalText,
  taxPayerDayMaxHrs: IntLike.nullish(),
  taxpayerDayEndNotificationHrs: IntLike.nullish(),
  applicableTaxes: z.array(ApplicableTaxSchema).nullish().transform((v) => v ?? []),
  certificateValidTill: OptionalText,
  qrUrl: OptionalText,
  operationID: OptionalText,
});
export type DeviceConfig = z.output<typeof DeviceConfigSchema>;

export const FiscalDeviceSchema = z.object({
  /** ZIMRA's device config as a JSON string; read it with `parseDeviceConfig`. */
  CurrentConfig: z.string().nullish(),
  BillingStatus: OptionalText,
  DeviceId: IntLike.nullish(),
  SerialNumber: OptionalText,
  Status: OptionalText,
  ActivatedOn: OptionalText,
});
export type FiscalDevice = z.output<typeof FiscalDeviceSchema>;

export type DeviceConfigResult = { ok: true; config: DeviceConfig } | { ok: false; error: string };

/** Parses `FiscalDevice.CurrentConfig` (a JSON string) into a DeviceConfig. */
export function parseDeviceConfig(currentConfig: string | null | undefined): DeviceConfigResult {
  if (currentConfig === null || currentConfig === undefined || currentConfig.trim() === '') {
    return { ok: false, error: 'The fiscal device has no configuration yet' };
  }
  let raw: unknown;
  try {
    raw = parseExactJson(currentConfig);
  } catch {
    return { ok: false, error: 'The fiscal device configuration is not valid JSON' };
  }
  const parsed = DeviceConfigSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'The fiscal device configuration could not be read' };
  return { ok: true, config: parsed.data };
}

export const BillingPlanSchema = z.object({
  Name: OptionalText,
  Price: DecimalString.nullish(),
  Currency: OptionalText,
  Interval: OptionalText,
});
export type BillingPlan = z.output<typeof BillingPlanSchema>;

export const SubscriptionSchema = z.object({
  Plan: BillingPlanSchema.nullish(),
  Status: OptionalText,
  StartDate: OptionalText,
  NextBillingDate: OptionalText,
});
export type Subscription = z.output<typeof SubscriptionSchema>;
