import { AppError } from '../../shared/errors';

/** The AppError a call fails with; fails the test when the call succeeds or throws anything else. */
export async function appErrorOf(call: Promise<unknown>): Promise<AppError> {
  const outcome: unknown = await call.then(
    () => new Error('expected the call to fail'),
    (caught: unknown) => caught,
  );
  if (outcome instanceof AppError) return outcome;
  throw outcome;
}
