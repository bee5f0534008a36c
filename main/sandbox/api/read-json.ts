// Parses a request body as JSON, numbers exactly (amounts reach decimal.js from their text), and
// validates it; 400 with a Message otherwise.
import type { z } from 'zod';
import { parseExactJson } from '../../../shared/domain/exact-json';
import { message } from '../http/api-types';
import type { ApiRequest, ApiResponse } from '../http/api-types';
import { describeIssues } from './validation-message';

export type Parsed<T> = { ok: true; value: T } | { ok: false; response: ApiResponse };

export function readJson<S extends z.ZodType>(req: ApiRequest, schema: S, what: string): Parsed<z.output<S>> {
  if (req.body.length === 0) return { ok: false, response: message(400, `The request body is empty: send the ${what} as JSON`) };
  let raw: unknown;
  try {
    raw = parseExactJson(req.body.toString('utf8'));
  } catch {
    return { ok: false, response: message(400, 'The request body is not valid JSON') };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, response: message(400, `Invalid ${what}: ${describeIssues(parsed.error)}`) };
  return { ok: true, value: parsed.data };
}
