// POST /invoice, /creditnote (text/plain request id), POST /status, GET /download/{file}.
import { randomUUID } from 'node:crypto';
import { CreditNoteSchema, InvoiceSchema } from '../../../shared/domain/fiscal-harmony/schemas';
import { z } from 'zod';
import { json, message, plainText } from '../http/api-types';
import type { ApiRequest, ApiResponse } from '../http/api-types';
import { claimOnSubmit } from '../processing/document-keys';
import type { AccountState, StoredDocument } from '../state/account-state';
import type { ApiDeps } from './api-deps';
import { readJson } from './read-json';

function receive(account: AccountState, doc: StoredDocument, isRetry: boolean, deps: ApiDeps): ApiResponse {
  doc.claimed = claimOnSubmit(account, doc, isRetry);
  account.documents.set(doc.requestId, doc);
  deps.enqueue(account, doc);
  deps.changed();
  return plainText(200, doc.requestId);
}

function base(deps: ApiDeps): Pick<StoredDocument, 'requestId' | 'receivedAt' | 'claimed' | 'slow' | 'result'> {
  return { requestId: randomUUID(), receivedAt: deps.clock().toISOString(), claimed: false, slow: false, result: null };
}

export function submitInvoice(account: AccountState, req: ApiRequest, deps: ApiDeps): ApiResponse {
  const body = readJson(req, InvoiceSchema, 'invoice');
  if (!body.ok) return body.response;
  const payload = body.value;
  const doc: StoredDocument = { ...base(deps), kind: 'invoice', documentId: payload.InvoiceId, documentNumber: payload.InvoiceNumber, payload };
  return receive(account, doc, payload.IsRetry === true, deps);
}

export function submitCreditNote(account: AccountState, req: ApiRequest, deps: ApiDeps): ApiResponse {
  const body = readJson(req, CreditNoteSchema, 'credit note');
  if (!body.ok) return body.response;
  const payload = body.value;
  const doc: StoredDocument = {
    ...base(deps),
    kind: 'credit-note',
    documentId: payload.CreditNoteId,
    documentNumber: payload.CreditNoteNumber,
    payload,
  };
  return receive(account, doc, payload.IsRetry === true, deps);
}

/** What the hostile-QR fault sends instead of the QR address: https in looks, but no URL at all (`new URL` throws on it). */
export const HOSTILE_QR_CODE_URL = 'https://[fdmstest.zimra.co.zw/0000023401031220260000000121';

const StatusIds = z.array(z.string({ error: 'must be a request id (text)' }), { error: 'must be a JSON array of request ids' });

export function checkStatus(account: AccountState, req: ApiRequest, deps: ApiDeps): ApiResponse {
  const body = readJson(req, StatusIds, 'status request');
  if (!body.ok) return body.response;
  const ids = body.value;
  if (ids.length > deps.maxStatusIds) {
    return message(400, `At most ${deps.maxStatusIds} request ids per call (got ${ids.length})`);
  }
  const oldest = deps.clock().getTime() - deps.statusWindowMs;
  const seen = new Set<string>();
  const results: object[] = [];
  for (const raw of ids) {
    const id = raw.trim().toLowerCase();
    if (seen.has(id)) continue;
    seen.add(id);
    const doc = account.documents.get(id);
    // [decided] unknown, still processing and older than the window are left out.
    if (!doc?.result || Date.parse(doc.receivedAt) < oldest) continue;
    const { result } = doc;
    const fiscal = result.fiscal;
    results.push({
      RequestId: doc.requestId,
      Success: result.success,
      IsActionable: result.success ? false : result.actionable,
      Error: result.error,
      FiscalInvoicePdf: fiscal?.pdfToken ?? null,
      QrData: fiscal
        ? {
            QrCodeUrl: deps.hostileQrCode() ? HOSTILE_QR_CODE_URL : fiscal.qrCodeUrl,
            VerificationCode: fiscal.verificationCode,
            FiscalDay: fiscal.fiscalDayNo,
            DeviceId: fiscal.deviceId,
            InvoiceNumber: fiscal.receiptCounter,
          }
        : null,
    });
  }
  return json(200, results);
}

export async function downloadPdf(account: AccountState, rawFile: string, deps: ApiDeps): Promise<ApiResponse> {
  let file: string;
  try {
    file = decodeURIComponent(rawFile);
  } catch {
    return message(404, 'No such file');
  }
  const requestId = account.pdfTokens.get(file);
  const doc = requestId === undefined ? undefined : account.documents.get(requestId);
  if (!doc?.result?.fiscal) return message(404, 'No such file');
  const pdf = await deps.renderPdf(account, doc);
  return {
    status: 200,
    contentType: 'application/pdf',
    body: pdf,
    isJson: false,
    headers: { 'Content-Disposition': `inline; filename="${file.replace(/[^\w.-]/g, '_')}"` },
  };
}
