import { z } from 'zod';
import { fhEnvironments } from './connections';
import { channel } from './define';

/** Which connection a screen's data came from, so the screen can say so (and flag training). */
export const connectionRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  environment: z.enum(fhEnvironments),
  training: z.boolean(),
});
export type ConnectionRef = z.infer<typeof connectionRefSchema>;

const text = z.string().nullable();

export const billingStatusSchema = z.object({
  value: z.string(),
  /** Active: fine; Overdue: a warning (still fiscalised); Suspended and Cancelled: fiscalisation stops; anything else: unknown. */
  severity: z.enum(['ok', 'warning', 'blocking', 'unknown']),
  explanation: z.string(),
});

export const accountViewSchema = z.object({
  connection: connectionRefSchema,
  profile: z.object({
    accountId: z.number().int(),
    fullName: z.string(),
    tradeName: text,
    tin: text,
    vatNumber: text,
    email: text,
    phone: text,
  }),
  subscription: z
    .object({
      planName: text,
      price: text,
      currency: text,
      interval: text,
      status: billingStatusSchema.nullable(),
      startDate: text,
      nextBillingDate: text,
    })
    .nullable(),
  /** Why there is no subscription to show (no device, none yet). */
  subscriptionUnavailable: text,
});
export type AccountView = z.infer<typeof accountViewSchema>;

export const accountChannels = {
  get: channel({ input: z.undefined(), output: accountViewSchema, description: 'Profile and subscription of the active Fiscal Harmony account.' }),
};
