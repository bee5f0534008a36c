import { z } from 'zod';
import { billingStatusSchema, connectionRefSchema } from './account';
import { channel } from './define';

const text = z.string().nullable();

export const deviceTaxSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  /** Decimal as text ("15.5"); null for an exempt tax. */
  percent: text,
  validFrom: text,
  validTill: text,
});
export type DeviceTax = z.infer<typeof deviceTaxSchema>;

export const deviceViewSchema = z.object({
  connection: connectionRefSchema,
  deviceId: z.number().int().nullable(),
  serialNumber: text,
  status: text,
  activatedOn: text,
  billingStatus: billingStatusSchema.nullable(),
  /** Why the device configuration could not be read, when it could not. */
  configProblem: text,
  config: z
    .object({
      taxPayerName: text,
      taxPayerTin: text,
      vatNumber: text,
      branchName: text,
      branchAddress: text,
      branchPhone: text,
      branchEmail: text,
      operatingMode: text,
      qrUrl: text,
      taxes: z.array(deviceTaxSchema),
    })
    .nullable(),
  certificate: z.object({
    validTill: text,
    daysLeft: z.number().int().nullable(),
    state: z.enum(['valid', 'expiring', 'expired', 'unknown']),
  }),
});
export type DeviceView = z.infer<typeof deviceViewSchema>;

export const deviceChannels = {
  get: channel({ input: z.undefined(), output: deviceViewSchema, description: 'The fiscal device of the active Fiscal Harmony account.' }),
};
