/**
 * Cookies the service sets, kept in main only and sent back on later requests. Fiscal Harmony
 * documents no login, but its old docs mention a session cookie; if one appears, it is honoured.
 */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(setCookieHeaders: readonly string[]): void {
    for (const header of setCookieHeaders) {
      const [pair, ...attributes] = header.split(';');
      const separator = pair?.indexOf('=') ?? -1;
      if (pair === undefined || separator <= 0) continue;
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age\s*=\s*0\s*$/i.test(attribute));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string | null {
    if (this.cookies.size === 0) return null;
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** The cookie values (secrets: a session cookie is as good as the key). */
  values(): string[] {
    return [...this.cookies.values()];
  }

  clear(): void {
    this.cookies.clear();
  }
}
