/**
 * Redaction of secrets in anything that is about to be logged. Two nets:
 * - by name: values under keys that hold secrets (api secret, tokens, auth headers, cookies);
 * - by value: every secret the vault has handed out is registered here, and any string that
 *   contains one has it masked, wherever it hides (an error message, a URL, a body).
 */
export const REDACTED = '[redacted]';

const secretKeyPattern =
  /^(x-api-signature|x-api-secret|authorization|cookie|set-cookie|proxy-authorization|api[_-]?secret|secret|password|passphrase|token|access[_-]?token|refresh[_-]?token|id[_-]?token|client[_-]?secret)$/i;

const bearerPattern = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g;

export class Redactor {
  private readonly secrets = new Set<string>();

  /** Registers a value that must never appear in a log. Values shorter than 4 chars are ignored. */
  registerSecret(value: string): void {
    if (value.length >= 4) this.secrets.add(value);
  }

  forgetSecret(value: string): void {
    this.secrets.delete(value);
  }

  /**
   * Masks bearer tokens and every registered secret in `text`, plus `alsoSecrets`: values known
   * only to the caller (a request's signature, say) that are not worth registering for good.
   */
  redactString(text: string, alsoSecrets: Iterable<string> = []): string {
    let out = text.replace(bearerPattern, `$1 ${REDACTED}`);
    // Longest first: a secret that contains a shorter one is masked whole, not around it.
    const secrets = [...this.secrets, ...[...alsoSecrets].filter((value) => value.length >= 4)].sort((a, b) => b.length - a.length);
    for (const secret of secrets) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    return out;
  }

  redact(value: unknown, depth = 0): unknown {
    if (depth > 8) return '[too deep]';
    if (typeof value === 'string') return this.redactString(value);
    if (value === null || typeof value !== 'object') return value;
    if (value instanceof Error) {
      return {
        name: value.name,
        message: this.redactString(value.message),
        ...('code' in value && typeof value.code === 'string' ? { code: value.code } : {}),
        ...(value.cause === undefined ? {} : { cause: this.redact(value.cause, depth + 1) }),
      };
    }
    if (Array.isArray(value)) return value.map((item) => this.redact(item, depth + 1));
    if (value instanceof Headers) return this.redact(Object.fromEntries(value.entries()), depth + 1);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = secretKeyPattern.test(key) ? REDACTED : this.redact(item, depth + 1);
    }
    return out;
  }
}
