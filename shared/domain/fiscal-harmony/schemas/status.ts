// Results of `POST /status`.
import { z } from 'zod';
import { IntLike, OptionalText } from '../wire-values';
import { qrProblemOf } from '../zimra-qr-url';

/**
 * The QR address and verification code are checked against ZIMRA's form (https, the fixed tail,
 * the code matching it) without refusing the answer: the document was fiscalised whatever the
 * text looks like. A bad one is kept as received, with `Unreadable` saying why, so the app logs
 * it and the screens say "the service sent an unreadable QR code" instead of using it.
 */
export const QrDataSchema = z
  .object({
    QrCodeUrl: z.string(),
    /** `XXXX-XXXX-XXXX-XXXX` */
    VerificationCode: z.string(),
    FiscalDay: IntLike,
    DeviceId: IntLike,
    /** ZIMRA's receipt number within the fiscal day (receiptCounter). */
    InvoiceNumber: IntLike,
  })
  .transform((qr) => ({ ...qr, Unreadable: qrProblemOf(qr.QrCodeUrl, qr.VerificationCode) }));
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
