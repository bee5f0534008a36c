// The sandbox's own request/response shapes, between the node:http layer and the handlers.
import type { IncomingHttpHeaders } from 'node:http';
import { stringifyExactJson } from '../../../shared/domain/exact-json';

export interface ApiRequest {
  method: string;
  /** Path below the base (`/invoice`, `/download/x.pdf`), without the query string. */
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface ApiResponse {
  status: number;
  contentType: string;
  body: string | Uint8Array;
  /** JSON answers can be corrupted by the malformed-JSON fault. */
  isJson: boolean;
  headers?: Record<string, string>;
}

export function json(status: number, value: unknown): ApiResponse {
  return { status, contentType: 'application/json; charset=utf-8', body: stringifyExactJson(value), isJson: true };
}

/** FH error body ([decided] in fh-api.md): `{"Message": "..."}`. */
export function message(status: number, text: string): ApiResponse {
  return json(status, { Message: text });
}

export function plainText(status: number, text: string): ApiResponse {
  return { status, contentType: 'text/plain; charset=utf-8', body: text, isJson: false };
}

export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
