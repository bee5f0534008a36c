import type { StatusResult } from '../../shared/domain/fiscal-harmony/schemas';
import type { DocumentChanges } from '../store/journal/document-rows';

/** What a document's answers in one /status reply come to. */
export type StatusVerdict = { kind: 'one'; result: StatusResult } | { kind: 'conflicting'; results: StatusResult[] };

/** The start of `service_error` when the service gave one document answers that disagree. */
export const CONFLICTING_RESULTS = 'Fiscal Harmony gave conflicting results';

export function isConflictingResults(serviceError: string | null): boolean {
  return serviceError?.startsWith(CONFLICTING_RESULTS) === true;
}

/**
 * The answers of one /status reply per request id (lower case). The service may list an id
 * more than once: the answers are all kept, never the last one only, so a failure listed after
 * a success cannot quietly replace it.
 */
export function answersByRequest(results: readonly StatusResult[]): Map<string, StatusResult[]> {
  const byRequest = new Map<string, StatusResult[]>();
  for (const result of results) {
    const key = result.RequestId.toLowerCase();
    byRequest.set(key, [...(byRequest.get(key) ?? []), result]);
  }
  return byRequest;
}

/** Repeats that say the same thing are one answer; answers that differ are never settled by their order. */
export function verdictOf(answers: readonly [StatusResult, ...StatusResult[]]): StatusVerdict {
  const distinct = new Map<string, StatusResult>();
  for (const answer of answers) distinct.set(sayingOf(answer), answer);
  const [first, ...others] = [...distinct.values()];
  return others.length === 0 && first !== undefined ? { kind: 'one', result: first } : { kind: 'conflicting', results: [...distinct.values()] };
}

/** One answer in a shop manager's words, for the document's timeline. */
export function describeAnswer(result: StatusResult): string {
  if (result.Success) {
    const qr = result.QrData;
    return qr === null || qr === undefined
      ? 'fiscalised'
      : `fiscalised (verification code ${qr.VerificationCode}, ZIMRA number ${qr.InvoiceNumber}/${qr.FiscalDay})`;
  }
  const reason = result.Error ?? 'no reason given';
  return result.IsActionable ? `refused, can be fixed ("${reason}")` : `refused for good ("${reason}")`;
}

/** What an answer says, whatever the case of its request id. */
function sayingOf(result: StatusResult): string {
  const qr = result.QrData ?? null;
  const fiscal = qr === null ? null : [qr.QrCodeUrl, qr.VerificationCode, qr.FiscalDay, qr.DeviceId, qr.InvoiceNumber];
  return JSON.stringify([result.Success, result.Success ? false : result.IsActionable, result.Error ?? null, result.FiscalInvoicePdf ?? null, fiscal]);
}

/** What a successful result records on its document: its QR data and PDF, and nothing left to poll. */
export function fiscalisedChanges(result: StatusResult): DocumentChanges {
  const qr = result.QrData ?? null;
  return {
    next_poll_at: null,
    service_error: null,
    qr_url: qr?.QrCodeUrl ?? null,
    verification_code: qr?.VerificationCode ?? null,
    fiscal_day: qr?.FiscalDay ?? null,
    device_id: qr?.DeviceId ?? null,
    zimra_number: qr?.InvoiceNumber ?? null,
    pdf_token: result.FiscalInvoicePdf ?? null,
  };
}
