import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, securityHeaders } from './csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((part) => {
    const [name, ...values] = part.trim().split(/\s+/);
    return [name!, values];
  }));
}

describe('Content-Security-Policy', () => {
  it('allows only the app itself in production: no inline script, no eval, no remote origin', () => {
    const policy = directives(buildContentSecurityPolicy());
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    const all = [...policy.values()].flat().join(' ');
    expect(all).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it('adds only the dev server (and its websocket) while developing', () => {
    const policy = directives(buildContentSecurityPolicy({ devServerOrigin: 'http://localhost:5173' }));
    expect(policy.get('script-src')).toEqual(["'self'", 'http://localhost:5173']);
    expect(policy.get('connect-src')).toEqual(["'self'", 'http://localhost:5173', 'ws://localhost:5173']);
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('comes with the other hardening headers', () => {
    expect(securityHeaders()).toMatchObject({ 'X-Content-Type-Options': 'nosniff', 'X-Frame-Options': 'DENY', 'Referrer-Policy': 'no-referrer' });
  });
});
