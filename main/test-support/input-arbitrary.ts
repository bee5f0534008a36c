import fc from 'fast-check';
import { z } from 'zod';

// Inputs for fuzzing a channel: shaped like its contract's input (so that many get past
// validation and reach the handler), mixed with anything at all and known troublemakers.

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  maxLength?: number;
  maxItems?: number;
  pattern?: string;
  default?: unknown;
};

/** Values that break naive code: prototype keys, odd numbers, control characters, huge strings. */
export const troublesomeValues: unknown[] = [
  undefined,
  null,
  0,
  -0,
  -1,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  '',
  ' ',
  '\u0000',
  '\u202eevil',
  '__proto__',
  'constructor',
  '../../../etc/passwd',
  '<script>alert(1)</script>',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🧾',
  'x'.repeat(100_000),
  true,
  [],
  [null],
  {},
  JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
  { constructor: { prototype: { polluted: true } } },
  { toString: 'not a function', valueOf: 42 },
  Object.create(null) as unknown,
];

const troublesomeStrings = troublesomeValues.filter((value): value is string => typeof value === 'string');

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [
    fc.string({ maxLength: schema.maxLength ?? 40 }),
    fc.stringMatching(/^[A-Za-z0-9]{1,8}$/),
    fc.constantFrom('0', '1', '10.00', '-1', '0.005', '1e5', '15', '999999999999.99', 'USD', 'ZWG', 'VAT', 'training'),
    fc.constantFrom(...troublesomeStrings),
  ];
  if (schema.format === 'uuid') options.push(fc.uuid(), fc.uuid());
  if (schema.format === 'date-time' || schema.format === 'date') options.push(fc.date({ noInvalidDate: true }).map((date) => date.toISOString()));
  return fc.oneof(...options);
}

function fromSchema(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  if (depth > 4) return fc.constantFrom(null, '', 0);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum !== undefined && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives !== undefined && alternatives.length > 0) return fc.oneof(...alternatives.map((item) => fromSchema(item, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, item]) => [key, fromSchema(item, depth + 1)]));
      return fc.record(properties, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
    }
    case 'array':
      return fc.array(fromSchema(schema.items ?? {}, depth + 1), { maxLength: Math.min(schema.maxItems ?? 4, 4) });
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return fc.oneof(fc.integer({ min: -5, max: 50 }), fc.integer(), fc.constantFrom(0, -1, 2 ** 31, Number.MAX_SAFE_INTEGER));
    case 'number':
      return fc.oneof(fc.integer({ min: -5, max: 1000 }), fc.double(), fc.constantFrom(0.1, 0.005, -0, 1e21));
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.anything();
  }
}

/** An arbitrary of inputs for a channel whose input schema is `input`. */
export function channelInputArbitrary(input: z.ZodType): fc.Arbitrary<unknown> {
  let shaped: fc.Arbitrary<unknown>;
  try {
    shaped = fromSchema(z.toJSONSchema(input, { io: 'input', unrepresentable: 'any' }) as JsonSchema, 0);
  } catch {
    shaped = fc.anything();
  }
  return fc.oneof(
    { arbitrary: shaped, weight: 6 },
    { arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: false }), weight: 2 },
    { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
    { arbitrary: fc.constantFrom(...troublesomeValues), weight: 1 },
  );
}
