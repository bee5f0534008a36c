import type { AppErrorShape, ErrorCode } from '../../shared/errors';
import type { Result } from '../../shared/result';

/** A failed call, as React Query and error boundaries see it. */
export class FiscalCallError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly fields: Record<string, string> | undefined;

  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.name = 'FiscalCallError';
    this.code = shape.code;
    this.retryable = shape.retryable;
    this.fields = shape.fields;
  }
}

/** What to tell the manager about a failed call: main's own words, or a plain fallback. */
export const messageOf = (error: unknown): string =>
  error instanceof FiscalCallError ? error.message : 'Something unexpected went wrong. Please try again.';

export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (result.ok) return result.value;
  throw new FiscalCallError(result.error);
}
