// A minimal signed Fiscal Harmony client for the sandbox's tests and benchmark (the app's real
// client lives in main/providers). It sends exactly the bytes it signs.
import { signBody } from '../../providers/fiscal-harmony/signature';

export interface Credentials {
  apiKey: string;
  apiSecret: string;
}

export interface RawResponse {
  status: number;
  contentType: string;
  text: string;
  bytes: Uint8Array;
}

export interface RequestOptions {
  /** The exact body text to send (not re-serialised). */
  rawBody?: string;
  /** Override the signature header (or `null` to leave it out). */
  signature?: string | null;
  headers?: Record<string, string>;
  /** Leave out X-App-Station. */
  noStation?: boolean;
}

export class FhTestClient {
  constructor(
    readonly baseUrl: string,
    readonly credentials: Credentials,
    readonly station = 'till-1',
  ) {}

  async request(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<RawResponse> {
    const text = options.rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
    const headers: Record<string, string> = {
      'X-Api-Key': this.credentials.apiKey,
      'X-Application': 'FiscalDeskTests',
      'X-App-Version': '0.1.0',
      ...(options.noStation ? {} : { 'X-App-Station': this.station }),
    };
    if (text !== undefined) headers['Content-Type'] = 'application/json';
    const signature = options.signature === undefined ? (text !== undefined || method === 'POST' || method === 'PUT' ? signBody(text ?? '', this.credentials.apiSecret) : undefined) : options.signature;
    if (signature !== undefined && signature !== null) headers['X-Api-Signature'] = signature;
    Object.assign(headers, options.headers);
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, ...(text === undefined ? {} : { body: text }) });
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: new TextDecoder().decode(bytes), bytes };
  }

  async json<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const r = await this.request(method, path, body);
    return { status: r.status, body: JSON.parse(r.text) as T };
  }

  /** Submits and returns the request id; throws on anything but 200. */
  async submit(kind: 'invoice' | 'creditnote', document: unknown): Promise<string> {
    const r = await this.request('POST', `/${kind}`, document);
    if (r.status !== 200) throw new Error(`Submit answered ${r.status}: ${r.text}`);
    return r.text;
  }

  async status(ids: readonly string[]): Promise<StatusJson[]> {
    const r = await this.json<StatusJson[]>('POST', '/status', ids);
    if (r.status !== 200) throw new Error(`Status answered ${r.status}`);
    return r.body;
  }
}

export interface StatusJson {
  RequestId: string;
  Success: boolean;
  IsActionable: boolean;
  Error: string | null;
  FiscalInvoicePdf: string | null;
  QrData: { QrCodeUrl: string; VerificationCode: string; FiscalDay: number; DeviceId: number; InvoiceNumber: number } | null;
}
