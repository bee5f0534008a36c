import type { z } from 'zod';

/** The key of an issue about the input as a whole rather than one field. */
export const wholeInputKey = '_';

export interface FieldErrorOptions {
  /** Keep only the first `depth` path segments (a form whose fields are the top-level keys uses 1). */
  depth?: number;
  /** The key for an issue about the whole input; `_` unless a form puts it on a field. */
  wholeInput?: string;
  /** Input keys whose form field has another name. */
  rename?: Readonly<Record<string, string>>;
}

/**
 * The one way zod issues become field messages, in main (the `fields` of an INVALID_INPUT
 * answer) and in the renderer (form errors from the same contract schema): keyed by the dotted
 * path of the field (`lines.0.quantity`), the first issue on a field winning.
 */
export function fieldErrors(error: z.ZodError, options: FieldErrorOptions = {}): Record<string, string> {
  const fields = new Map<string, string>();
  for (const issue of error.issues) {
    const path = options.depth === undefined ? issue.path : issue.path.slice(0, options.depth);
    const key = path.length === 0 ? (options.wholeInput ?? wholeInputKey) : path.map(String).join('.');
    const field = options.rename !== undefined && Object.hasOwn(options.rename, key) ? (options.rename[key] ?? key) : key;
    if (!fields.has(field)) fields.set(field, issue.message);
  }
  // fromEntries makes own properties, so even a field named __proto__ stays a plain key.
  return Object.fromEntries(fields);
}
