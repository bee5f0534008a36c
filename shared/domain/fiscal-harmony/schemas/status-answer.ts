// Reading a `POST /status` answer, which the outbox asks for every few seconds.
import { qrProblemOf } from '../zimra-qr-url';
import { StatusResponseSchema, type QrData, type StatusResult } from './status';

/**
 * The status results in `raw` (as parseExactJson gives them), or null when the answer is not a
 * list of status results. Exactly StatusResponseSchema's answer: results whose every field has
 * its plain type (texts, booleans, null, whole JSON numbers) are read here without zod, which
 * cost a status check more than its HTTP exchange; anything else (a numeric text, a missing or
 * wrongly typed field) goes to the schema, which reads or refuses it.
 */
export function readStatusResponse(raw: unknown): StatusResult[] | null {
  const plain = plainStatusResults(raw);
  if (plain !== undefined) return plain;
  const parsed = StatusResponseSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isOptionalText = (value: unknown): value is string | null | undefined => value === undefined || value === null || typeof value === 'string';
const isWholeNumber = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);

/** What StatusResponseSchema makes of `raw` when it is made of plain values only; else undefined. */
export function plainStatusResults(raw: unknown): StatusResult[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const results: StatusResult[] = new Array<StatusResult>(raw.length);
  for (let index = 0; index < raw.length; index += 1) {
    const result = plainStatusResult(raw[index]);
    if (result === undefined) return undefined;
    results[index] = result;
  }
  return results;
}

// Field by field as zod's object does: unknown fields dropped, a field left out stays out (a
// present one is kept, null included), IsActionable defaults to false, in the schema's order.
function plainStatusResult(item: unknown): StatusResult | undefined {
  if (!isObject(item)) return undefined;
  const { RequestId, Success, IsActionable, FiscalInvoicePdf, QrData } = item;
  const error = item.Error;
  if (typeof RequestId !== 'string' || typeof Success !== 'boolean') return undefined;
  if (IsActionable !== undefined && IsActionable !== null && typeof IsActionable !== 'boolean') return undefined;
  if (!isOptionalText(error) || !isOptionalText(FiscalInvoicePdf)) return undefined;
  const result: StatusResult = { RequestId, Success, IsActionable: IsActionable ?? false };
  if ('Error' in item) result.Error = error;
  if ('FiscalInvoicePdf' in item) result.FiscalInvoicePdf = FiscalInvoicePdf;
  if ('QrData' in item) {
    if (QrData === undefined || QrData === null) result.QrData = QrData;
    else {
      const qr = plainQrData(QrData);
      if (qr === undefined) return undefined;
      result.QrData = qr;
    }
  }
  return result;
}

function plainQrData(value: unknown): QrData | undefined {
  if (!isObject(value)) return undefined;
  const { QrCodeUrl, VerificationCode, FiscalDay, DeviceId, InvoiceNumber } = value;
  if (typeof QrCodeUrl !== 'string' || typeof VerificationCode !== 'string') return undefined;
  if (!isWholeNumber(FiscalDay) || !isWholeNumber(DeviceId) || !isWholeNumber(InvoiceNumber)) return undefined;
  return { QrCodeUrl, VerificationCode, FiscalDay, DeviceId, InvoiceNumber, Unreadable: qrProblemOf(QrCodeUrl, VerificationCode) };
}
