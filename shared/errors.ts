import { z } from 'zod';

/**
 * The closed list of error codes a channel may answer with. The renderer decides what to show
 * from the code; `message` is already written for a shop manager.
 */
export const errorCodes = [
  'INVALID_INPUT',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN_SENDER',
  'NOT_FOUND',
  'CONFLICT',
  'NOT_ALLOWED',
  'WRONG_CREDENTIALS',
  'CREDENTIALS_MISSING',
  'NO_CONNECTION',
  'NO_DEVICE',
  'SERVICE_UNAVAILABLE',
  'SERVICE_REJECTED',
  'NETWORK',
  'TIMEOUT',
  'KEYCHAIN_UNAVAILABLE',
  'NOT_AVAILABLE_YET',
  /** The journal was lost or damaged and the last number used is not known: nothing is queued until the manager confirms the next one. */
  'NUMBERING_UNCERTAIN',
  /** The disk holding the data folder is full (or the user is over quota); nothing saved was lost. */
  'DISK_FULL',
  /** The documents journal was found damaged while running; nothing is sent until the app restarts. */
  'JOURNAL_DAMAGED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export const appErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  retryable: z.boolean(),
  fields: z.record(z.string(), z.string()).optional(),
});

export type AppErrorShape = z.infer<typeof appErrorSchema>;

/** An error whose message is safe to show to the user as it stands (never a secret, never a stack). */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly fields: Record<string, string> | undefined;

  constructor(code: ErrorCode, message: string, options: { retryable?: boolean; fields?: Record<string, string>; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.fields = options.fields;
  }

  toShape(): AppErrorShape {
    return {
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      ...(this.fields === undefined ? {} : { fields: this.fields }),
    };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
