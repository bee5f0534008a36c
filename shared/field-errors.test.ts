import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrors } from './field-errors';

const schema = z.object({
  name: z.string().min(1, 'Enter a name'),
  environment: z.enum(['test', 'live'], { message: 'Choose an environment' }),
  lines: z.array(z.object({ quantity: z.string().regex(/^\d+$/, 'Quantity must be a whole number') })),
});

function errorOf(input: unknown): z.ZodError {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error('expected the input to be refused');
  return parsed.error;
}

describe('fieldErrors', () => {
  it('keys each message by the dotted path of its field, the first issue on a field winning', () => {
    const error = errorOf({ name: '', environment: 'moon', lines: [{ quantity: '1' }, { quantity: 'x' }] });
    expect(fieldErrors(error)).toEqual({ name: 'Enter a name', environment: 'Choose an environment', 'lines.1.quantity': 'Quantity must be a whole number' });
  });

  it('puts an issue about the whole input under _, or under the field a form chooses', () => {
    expect(fieldErrors(errorOf('not an object'))).toEqual({ _: expect.any(String) });
    expect(fieldErrors(errorOf(null), { wholeInput: 'name' })).toEqual({ name: expect.any(String) });
  });

  it('keeps only the top-level field for a form, and renames fields the form calls otherwise', () => {
    const error = errorOf({ name: 'Shop', environment: 'moon', lines: [{ quantity: 'x' }] });
    expect(fieldErrors(error, { depth: 1, rename: { environment: 'fhEnvironment' } })).toEqual({
      fhEnvironment: 'Choose an environment',
      lines: 'Quantity must be a whole number',
    });
  });

  it('reports a field named like an Object.prototype member (constructor, toString)', () => {
    const odd = z.object({ constructor: z.string('Enter the constructor'), toString: z.string('Enter the text') });
    const parsed = odd.safeParse({ constructor: 5, toString: 6 });
    if (parsed.success) throw new Error('expected the input to be refused');
    const fields = fieldErrors(parsed.error);
    expect(Object.keys(fields).sort()).toEqual(['constructor', 'toString']);
    expect(fields.constructor).toBe('Enter the constructor');
  });
});
