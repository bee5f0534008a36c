// Routes an authenticated API request (paths as in fh-api.md section 3, case-insensitive).
import { json, message } from '../http/api-types';
import type { ApiRequest, ApiResponse } from '../http/api-types';
import type { AccountState } from '../state/account-state';
import { getFiscalDevice, getProfile, getSubscription } from './account-routes';
import type { ApiDeps } from './api-deps';
import { checkStatus, downloadPdf, submitCreditNote, submitInvoice } from './document-routes';
import * as mappings from './mapping-routes';
import { SUPPORTED_CURRENCIES } from './mapping-routes';

type Handler = () => ApiResponse | Promise<ApiResponse>;
type Methods = Partial<Record<string, Handler>>;

const METHOD_NOT_ALLOWED = (): ApiResponse => message(405, 'Method not allowed');

function pick(methods: Methods, method: string): ApiResponse | Promise<ApiResponse> {
  const handler = methods[method];
  return handler ? handler() : METHOD_NOT_ALLOWED();
}

const INT_ID = /^\d{1,9}$/;

export function routeApi(account: AccountState, req: ApiRequest, deps: ApiDeps): ApiResponse | Promise<ApiResponse> {
  const segments = req.path.split('/').filter((s) => s !== '');
  const first = segments[0]?.toLowerCase() ?? '';
  const second = segments[1]?.toLowerCase();
  const m = req.method;
  if (segments.length === 1) {
    switch (first) {
      case 'profile':
        return pick({ GET: () => getProfile(account) }, m);
      case 'fiscaldevice':
        return pick({ GET: () => getFiscalDevice(account) }, m);
      case 'subscription':
        return pick({ GET: () => getSubscription(account) }, m);
      case 'invoice':
        return pick({ POST: () => submitInvoice(account, req, deps) }, m);
      case 'creditnote':
        return pick({ POST: () => submitCreditNote(account, req, deps) }, m);
      case 'status':
        return pick({ POST: () => checkStatus(account, req, deps) }, m);
      case 'taxmapping':
        return pick({ GET: () => mappings.listTaxMappings(account), POST: () => changed(deps, mappings.addTaxMapping(account, req)) }, m);
      case 'currencymapping':
        return pick(
          { GET: () => mappings.listCurrencyMappings(account), POST: () => changed(deps, mappings.addCurrencyMapping(account, req)) },
          m,
        );
    }
  }
  if (segments.length === 2 && second !== undefined) {
    const file = segments[1] ?? '';
    if (first === 'download') return pick({ GET: () => downloadPdf(account, file, deps) }, m);
    if (first === 'currencymapping' && second === 'supported-currencies') {
      return pick({ GET: () => json(200, SUPPORTED_CURRENCIES) }, m);
    }
    if ((first === 'taxmapping' || first === 'currencymapping') && INT_ID.test(second)) {
      const id = Number(second);
      return first === 'taxmapping'
        ? pick(
            {
              GET: () => mappings.getTaxMapping(account, id),
              PUT: () => changed(deps, mappings.updateTaxMapping(account, id, req)),
              DELETE: () => changed(deps, mappings.deleteTaxMapping(account, id)),
            },
            m,
          )
        : pick(
            {
              GET: () => mappings.getCurrencyMapping(account, id),
              PUT: () => changed(deps, mappings.updateCurrencyMapping(account, id, req)),
              DELETE: () => changed(deps, mappings.deleteCurrencyMapping(account, id)),
            },
            m,
          );
    }
  }
  return message(404, `No such endpoint: ${req.method} ${req.path}`);
}

function changed(deps: ApiDeps, response: ApiResponse): ApiResponse {
  if (response.status === 200) deps.changed();
  return response;
}
