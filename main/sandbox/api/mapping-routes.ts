// Tax and currency mapping CRUD: integer ids, POST creates, PUT updates (JSON true), DELETE (true).
import { z } from 'zod';
import { CurrencyMappingSchema, NewCurrencyMappingSchema, NewTaxMappingSchema, TaxMappingSchema } from '../../../shared/domain/fiscal-harmony/schemas';
import { json, message } from '../http/api-types';
import type { ApiRequest, ApiResponse } from '../http/api-types';
import type { AccountState, CurrencyMappingRecord, TaxMappingRecord } from '../state/account-state';
import { readJson } from './read-json';

export const SUPPORTED_CURRENCIES = ['USD', 'ZWG'] as const;

const taxMappingJson = (account: AccountState, m: TaxMappingRecord): object => ({ ...m, UserId: account.id });
const currencyMappingJson = (account: AccountState, m: CurrencyMappingRecord): object => ({ ...m, UserId: account.id });

const NewTax = NewTaxMappingSchema.extend({ TaxCode: z.string().trim().min(1, 'is required') });
const UpdateTax = TaxMappingSchema.extend({ TaxCode: z.string().trim().min(1, 'is required') });
const NewCurrency = NewCurrencyMappingSchema.extend({ SourceCurrency: z.string().trim().min(1, 'is required') });
const UpdateCurrency = CurrencyMappingSchema.extend({ SourceCurrency: z.string().trim().min(1, 'is required') });

function notFound(kind: string, id: number): ApiResponse {
  return message(404, `No ${kind} mapping with id ${id}`);
}

function deviceTax(account: AccountState, taxId: number): { taxName: string } | string {
  if (!account.device) return 'Tax mappings need a fiscal device: none is attached to this account';
  const tax = account.device.config.applicableTaxes.find((t) => t.taxID === taxId);
  if (!tax) {
    const ids = account.device.config.applicableTaxes.map((t) => t.taxID).join(', ');
    return `Tax id ${taxId} is not one of the fiscal device's applicable taxes (${ids})`;
  }
  return tax;
}

export function listTaxMappings(account: AccountState): ApiResponse {
  return json(200, account.taxMappings.map((m) => taxMappingJson(account, m)));
}

export function getTaxMapping(account: AccountState, id: number): ApiResponse {
  const m = account.taxMappings.find((x) => x.Id === id);
  return m ? json(200, taxMappingJson(account, m)) : notFound('tax', id);
}

export function addTaxMapping(account: AccountState, req: ApiRequest): ApiResponse {
  const body = readJson(req, NewTax, 'tax mapping');
  if (!body.ok) return body.response;
  const { TaxCode, TaxName, DestinationTaxId } = body.value;
  const tax = deviceTax(account, DestinationTaxId);
  if (typeof tax === 'string') return message(account.device ? 400 : 404, tax);
  if (account.taxMappings.some((m) => m.TaxCode === TaxCode)) return message(400, `Tax code "${TaxCode}" is already mapped`);
  const record: TaxMappingRecord = { Id: account.nextMappingId++, TaxCode, TaxName: TaxName ?? tax.taxName, DestinationTaxId, ZimraTaxId: DestinationTaxId };
  account.taxMappings.push(record);
  return json(200, taxMappingJson(account, record));
}

export function updateTaxMapping(account: AccountState, id: number, req: ApiRequest): ApiResponse {
  const existing = account.taxMappings.find((x) => x.Id === id);
  if (!existing) return notFound('tax', id);
  const body = readJson(req, UpdateTax, 'tax mapping');
  if (!body.ok) return body.response;
  const { Id, TaxCode, TaxName, DestinationTaxId } = body.value;
  if (Id !== id) return message(400, `The Id in the body (${Id}) does not match the URL (${id})`);
  const tax = deviceTax(account, DestinationTaxId);
  if (typeof tax === 'string') return message(400, tax);
  if (account.taxMappings.some((m) => m.TaxCode === TaxCode && m.Id !== id)) return message(400, `Tax code "${TaxCode}" is already mapped`);
  Object.assign(existing, { TaxCode, TaxName: TaxName ?? tax.taxName, DestinationTaxId, ZimraTaxId: DestinationTaxId });
  return json(200, true);
}

export function deleteTaxMapping(account: AccountState, id: number): ApiResponse {
  const index = account.taxMappings.findIndex((x) => x.Id === id);
  if (index < 0) return notFound('tax', id);
  account.taxMappings.splice(index, 1);
  return json(200, true);
}

function checkDestination(currency: string): string | undefined {
  return (SUPPORTED_CURRENCIES as readonly string[]).includes(currency)
    ? undefined
    : `DestinationCurrency "${currency}" is not supported (supported: ${SUPPORTED_CURRENCIES.join(', ')})`;
}

export function listCurrencyMappings(account: AccountState): ApiResponse {
  return json(200, account.currencyMappings.map((m) => currencyMappingJson(account, m)));
}

export function getCurrencyMapping(account: AccountState, id: number): ApiResponse {
  const m = account.currencyMappings.find((x) => x.Id === id);
  return m ? json(200, currencyMappingJson(account, m)) : notFound('currency', id);
}

export function addCurrencyMapping(account: AccountState, req: ApiRequest): ApiResponse {
  const body = readJson(req, NewCurrency, 'currency mapping');
  if (!body.ok) return body.response;
  const { SourceCurrency, DestinationCurrency } = body.value;
  const problem = checkDestination(DestinationCurrency);
  if (problem) return message(400, problem);
  if (account.currencyMappings.some((m) => m.SourceCurrency === SourceCurrency)) {
    return message(400, `Currency "${SourceCurrency}" is already mapped`);
  }
  const record: CurrencyMappingRecord = { Id: account.nextMappingId++, SourceCurrency, DestinationCurrency };
  account.currencyMappings.push(record);
  return json(200, currencyMappingJson(account, record));
}

export function updateCurrencyMapping(account: AccountState, id: number, req: ApiRequest): ApiResponse {
  const existing = account.currencyMappings.find((x) => x.Id === id);
  if (!existing) return notFound('currency', id);
  const body = readJson(req, UpdateCurrency, 'currency mapping');
  if (!body.ok) return body.response;
  const { Id, SourceCurrency, DestinationCurrency } = body.value;
  if (Id !== id) return message(400, `The Id in the body (${Id}) does not match the URL (${id})`);
  const problem = checkDestination(DestinationCurrency);
  if (problem) return message(400, problem);
  if (account.currencyMappings.some((m) => m.SourceCurrency === SourceCurrency && m.Id !== id)) {
    return message(400, `Currency "${SourceCurrency}" is already mapped`);
  }
  Object.assign(existing, { SourceCurrency, DestinationCurrency });
  return json(200, true);
}

export function deleteCurrencyMapping(account: AccountState, id: number): ApiResponse {
  const index = account.currencyMappings.findIndex((x) => x.Id === id);
  if (index < 0) return notFound('currency', id);
  account.currencyMappings.splice(index, 1);
  return json(200, true);
}
