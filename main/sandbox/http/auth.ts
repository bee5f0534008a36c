// Per-request authentication (fh-api.md section 2): a known X-Api-Key, and for every request
// with a body an X-Api-Signature over the exact bytes received, compared in constant time.
import { verifySignature } from '../../providers/fiscal-harmony/signature';
import type { AccountState } from '../state/account-state';
import type { SandboxState } from '../state/sandbox-state';
import { header, message } from './api-types';
import type { ApiRequest, ApiResponse } from './api-types';

export type StationHeaderMode = 'strict' | 'lenient';

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** The body of a 401 is not to be relied on (fh-api.md); one text for every cause. */
export const UNAUTHORIZED = (): ApiResponse => message(401, 'Invalid API key or signature');

export function authenticate(state: SandboxState, req: ApiRequest, stationHeader: StationHeaderMode): { account: AccountState } | { response: ApiResponse } {
  const apiKey = header(req.headers, 'x-api-key');
  const account = apiKey ? state.get(apiKey) : undefined;
  if (!account) return { response: UNAUTHORIZED() };
  const signed = METHODS_WITH_BODY.has(req.method) || req.body.length > 0;
  if (signed && !verifySignature(req.body, account.apiSecret, header(req.headers, 'x-api-signature'))) {
    return { response: UNAUTHORIZED() };
  }
  if (stationHeader === 'strict') {
    if (!header(req.headers, 'x-app-station')?.trim()) return { response: message(400, 'The X-App-Station header is required') };
    // fh-api.md [decided]: the secret never travels; flag a client that sends it.
    if (header(req.headers, 'x-api-secret') !== undefined) {
      return { response: message(400, 'Do not send the API secret (X-Api-Secret): sign the body instead') };
    }
  }
  return { account };
}
