import type { z } from 'zod';
import {
  CurrencyMappingSchema,
  FiscalDeviceSchema,
  ProfileSchema,
  SubscriptionSchema,
  SupportedCurrenciesSchema,
  TaxMappingSchema,
  type CurrencyMapping,
  type FiscalDevice,
  type NewCurrencyMapping,
  type NewTaxMapping,
  type Profile,
  type StatusResult,
  type Subscription,
  type TaxMapping,
} from '../../../shared/domain/fiscal-harmony/schemas';
import { MAX_STATUS_IDS } from '../../../shared/domain/fiscal-harmony/schemas/status';
import { readStatusResponse } from '../../../shared/domain/fiscal-harmony/schemas/status-answer';
import { parseExactJson } from '../../../shared/domain/exact-json';
import { AppError } from '../../../shared/errors';
import { PDF_ANSWER_LIMIT_BYTES } from '../../http/read-capped-body';
import { unreadableAnswer } from './fh-errors';
import { FiscalHarmonyHttp, type FhRequest, type FhResponse, type FiscalHarmonyConnection } from './fh-http';

/** The answer's JSON, every number exact (parseExactJson). */
function exactJsonOf(response: FhResponse): unknown {
  try {
    return parseExactJson(response.text());
  } catch {
    throw unreadableAnswer();
  }
}

/**
 * Every endpoint of fh-api.md section 3. Answers are validated with schemas that ignore
 * unknown fields, so the service can add fields without breaking the app.
 */
export class FiscalHarmonyClient {
  private readonly http: FiscalHarmonyHttp;

  constructor(connection: FiscalHarmonyConnection) {
    this.http = new FiscalHarmonyHttp(connection);
  }

  private async json<S extends z.ZodType>(request: FhRequest, schema: S): Promise<z.output<S>> {
    const parsed = schema.safeParse(exactJsonOf(await this.http.send(request)));
    if (!parsed.success) throw unreadableAnswer();
    return parsed.data;
  }

  private async requestId(request: FhRequest): Promise<string> {
    const text = (await this.http.send(request)).text().trim();
    // The id is text/plain; tolerate a JSON-quoted one too.
    const id = text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;
    if (id === '' || id.length > 200) throw unreadableAnswer();
    return id;
  }

  private async confirmed(request: FhRequest): Promise<void> {
    const text = (await this.http.send(request)).text().trim();
    if (text !== 'true' && text !== '') throw unreadableAnswer();
  }

  getProfile(): Promise<Profile> {
    return this.json({ method: 'GET', path: '/profile' }, ProfileSchema);
  }

  getFiscalDevice(): Promise<FiscalDevice> {
    return this.json({ method: 'GET', path: '/fiscaldevice', notFound: 'no-device' }, FiscalDeviceSchema);
  }

  getSubscription(): Promise<Subscription> {
    return this.json({ method: 'GET', path: '/subscription', notFound: 'no-device' }, SubscriptionSchema);
  }

  /**
   * The wire document is built by the document service (decimals already fixed). It is written
   * with stringifyExactJson: a Dec or exactJsonNumber() goes out as a JSON number, digit for
   * digit; decimal text stays a JSON string (FH accepts both).
   */
  submitInvoice(invoice: unknown): Promise<string> {
    return this.requestId({ method: 'POST', path: '/invoice', body: invoice });
  }

  submitCreditNote(creditNote: unknown): Promise<string> {
    return this.requestId({ method: 'POST', path: '/creditnote', body: creditNote });
  }

  checkStatus(requestIds: readonly string[]): Promise<StatusResult[]> {
    if (requestIds.length > MAX_STATUS_IDS) {
      throw new AppError('INVALID_INPUT', `At most ${MAX_STATUS_IDS} documents can be checked at once.`);
    }
    return this.statusResults({ method: 'POST', path: '/status', body: requestIds, safeToRepeat: true });
  }

  /** Read by readStatusResponse: StatusResponseSchema's answer, without zod for plain results. */
  private async statusResults(request: FhRequest): Promise<StatusResult[]> {
    const results = readStatusResponse(exactJsonOf(await this.http.send(request)));
    if (results === null) throw unreadableAnswer();
    return results;
  }

  /** `maxBytes`: the largest PDF accepted (default PDF_ANSWER_LIMIT_BYTES). */
  async downloadPdf(file: string, options: { maxBytes?: number } = {}): Promise<Uint8Array> {
    const response = await this.http.send({
      method: 'GET',
      path: `/download/${encodeURIComponent(file)}`,
      notFound: 'This PDF',
      maxAnswerBytes: options.maxBytes ?? PDF_ANSWER_LIMIT_BYTES,
    });
    const bytes = response.bytes;
    if (bytes.length < 5 || Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-') throw unreadableAnswer();
    return bytes;
  }

  listTaxMappings(): Promise<TaxMapping[]> {
    return this.json({ method: 'GET', path: '/taxmapping' }, TaxMappingSchema.array());
  }

  getTaxMapping(id: number): Promise<TaxMapping> {
    return this.json({ method: 'GET', path: `/taxmapping/${id}`, notFound: 'This tax mapping' }, TaxMappingSchema);
  }

  addTaxMapping(mapping: NewTaxMapping): Promise<TaxMapping> {
    return this.json({ method: 'POST', path: '/taxmapping', body: mapping }, TaxMappingSchema);
  }

  updateTaxMapping(mapping: TaxMapping): Promise<void> {
    return this.confirmed({ method: 'PUT', path: `/taxmapping/${mapping.Id}`, body: mapping, notFound: 'This tax mapping' });
  }

  deleteTaxMapping(id: number): Promise<void> {
    return this.confirmed({ method: 'DELETE', path: `/taxmapping/${id}`, notFound: 'This tax mapping' });
  }

  supportedCurrencies(): Promise<string[]> {
    return this.json({ method: 'GET', path: '/currencymapping/supported-currencies' }, SupportedCurrenciesSchema);
  }

  listCurrencyMappings(): Promise<CurrencyMapping[]> {
    return this.json({ method: 'GET', path: '/currencymapping' }, CurrencyMappingSchema.array());
  }

  getCurrencyMapping(id: number): Promise<CurrencyMapping> {
    return this.json({ method: 'GET', path: `/currencymapping/${id}`, notFound: 'This currency mapping' }, CurrencyMappingSchema);
  }

  addCurrencyMapping(mapping: NewCurrencyMapping): Promise<CurrencyMapping> {
    return this.json({ method: 'POST', path: '/currencymapping', body: mapping }, CurrencyMappingSchema);
  }

  updateCurrencyMapping(mapping: CurrencyMapping): Promise<void> {
    return this.confirmed({ method: 'PUT', path: `/currencymapping/${mapping.Id}`, body: mapping, notFound: 'This currency mapping' });
  }

  deleteCurrencyMapping(id: number): Promise<void> {
    return this.confirmed({ method: 'DELETE', path: `/currencymapping/${id}`, notFound: 'This currency mapping' });
  }
}
