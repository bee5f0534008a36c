import { describe, expect, it } from 'vitest';
import { CookieJar } from './cookie-jar';

describe('CookieJar', () => {
  it('keeps name=value pairs, replaces them, and drops expired ones', () => {
    const jar = new CookieJar();
    expect(jar.header()).toBeNull();
    jar.store(['session=abc; Path=/; HttpOnly; Secure', 'lang=en']);
    expect(jar.header()).toBe('session=abc; lang=en');
    jar.store(['session=def; Path=/']);
    expect(jar.header()).toBe('session=def; lang=en');
    jar.store(['session=; Max-Age=0', 'lang=en; max-age=0']);
    expect(jar.header()).toBeNull();
  });

  it('ignores malformed headers', () => {
    const jar = new CookieJar();
    jar.store(['', '=nameless', 'novalue']);
    expect(jar.header()).toBeNull();
  });
});
