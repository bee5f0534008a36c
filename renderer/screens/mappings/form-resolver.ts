import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { fieldErrors } from '../../../shared/field-errors';

/**
 * A react-hook-form resolver from a shared contract schema (the rules main enforces too):
 * `toInput` turns the form's text values into the channel's input, `extra` adds checks only
 * the screen can make (a code already in the list). Issues land on the field they name.
 */
export function contractResolver<V extends FieldValues, S extends z.ZodType>(
  schema: S,
  toInput: (values: V) => unknown,
  extra?: (values: V) => Partial<Record<keyof V & string, string>>,
): Resolver<V, unknown, z.output<S>> {
  return async (values) => {
    const errors: Record<string, { type: string; message: string }> = {};
    const parsed = schema.safeParse(toInput(values));
    if (!parsed.success) {
      for (const [field, message] of Object.entries(fieldErrors(parsed.error, { depth: 1 }))) errors[field] = { type: 'validate', message };
    }
    for (const [field, message] of Object.entries(extra?.(values) ?? {})) {
      if (typeof message === 'string' && !Object.hasOwn(errors, field)) errors[field] = { type: 'validate', message };
    }
    if (!parsed.success || Object.keys(errors).length > 0) return { values: {}, errors: errors as FieldErrors<V> };
    return { values: parsed.data, errors: {} };
  };
}
