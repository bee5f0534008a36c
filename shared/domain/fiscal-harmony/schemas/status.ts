// Results of `POST /status`.
import { z } from 'zod';
import { IntLike, OptionalText } from '../wire-values';

export const QrDataSchema = z.object({
  QrCodeUrl: z.string(),
  /** `XXXX-XXXX-XXXX-XXXX` */
  VerificationCode: z.string(),
  FiscalDay: IntLike,
  DeviceId: IntLike,
  /** ZIMRA's receipt number within the fiscal day, printed as `InvoiceNumber/FiscalDay`. */
  InvoiceNumber: IntLike,
});
export type QrData = z.output<typeof QrDataSchema>;

export const StatusResultSchema = z.object({
  RequestId: z.string(),
  /** True when the document was fiscalised. */
  Success: z.boolean(),
  /** When not successful: true = fix and re-send with IsRetry, false = final. */
  IsActionable: z.boolean().nullish().transform((v) => v ?? false),
  Error: OptionalText,
  FiscalInvoicePdf: OptionalText,
  QrData: QrDataSchema.nullish(),
});
export type StatusResult = z.output<typeof StatusResultSchema>;

export const StatusResponseSchema = z.array(StatusResultSchema);

/** Body of `POST /status`: request ids, at most 100. */
export const MAX_STATUS_IDS = 100;
export const StatusRequestSchema = z
  .array(z.string().trim().min(1, 'must not be empty'))
  .max(MAX_STATUS_IDS, `at most ${MAX_STATUS_IDS} request ids per call`);
