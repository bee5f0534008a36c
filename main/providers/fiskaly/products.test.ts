import { describe, expect, it } from 'vitest';
import { fiskalyProducts } from '../../../shared/contract/connections';
import { isAppError } from '../../../shared/errors';
import { connectionProbePath, defaultBaseUrl, environmentMismatch, FISKALY_PRODUCTS, resolveBaseUrl } from './products';

describe('fiskaly product families', () => {
  it('covers every product of the contract with the style of fiskaly-auth.md', () => {
    expect(Object.keys(FISKALY_PRODUCTS).sort()).toEqual([...fiskalyProducts].sort());
    const styles = Object.fromEntries(fiskalyProducts.map((p) => [p, FISKALY_PRODUCTS[p].style]));
    expect(styles).toEqual({
      'sign-de': 'auth-v2',
      'sign-at': 'auth-v2',
      'dsfinvk-de': 'auth-v2',
      receipt: 'auth-v2',
      'sign-es': 'auth-v1-es',
      'sign-it': 'tokens',
      'sign-fr': 'tokens',
      'e-invoice': 'tokens',
    });
    for (const p of fiskalyProducts) {
      const family = FISKALY_PRODUCTS[p];
      expect(family.apiVersion).toBe(family.style === 'tokens' ? '2026-02-03' : null);
      expect(family.scopeHeader).toBe(family.style === 'tokens');
    }
  });

  it('has the documented default hosts and none it cannot source', () => {
    expect(defaultBaseUrl('sign-de', 'test')?.url).toBe('https://kassensichv-middleware.fiskaly.com');
    expect(defaultBaseUrl('sign-de', 'live')?.url).toBe('https://kassensichv-middleware.fiskaly.com');
    expect(defaultBaseUrl('sign-es', 'test')?.url).toBe('https://test.es.sign.fiskaly.com');
    expect(defaultBaseUrl('sign-es', 'live')).toBeNull();
    expect(defaultBaseUrl('sign-it', 'test')?.url).toBe('https://test.api.fiskaly.com');
    expect(defaultBaseUrl('sign-fr', 'live')?.url).toBe('https://live.api.fiskaly.com');
    expect(defaultBaseUrl('e-invoice', 'test')?.url).toBe('https://test.api.fiskaly.com');
    expect(defaultBaseUrl('e-invoice', 'live')).toBeNull();
    for (const p of ['sign-at', 'dsfinvk-de', 'receipt'] as const) {
      expect(defaultBaseUrl(p, 'test')).toBeNull();
      expect(defaultBaseUrl(p, 'live')).toBeNull();
    }
    for (const p of fiskalyProducts) {
      for (const env of ['test', 'live'] as const) {
        const url = defaultBaseUrl(p, env)?.url;
        if (url) expect(environmentMismatch(env, url)).toBeNull();
      }
    }
  });

  it('resolves the base URL: custom first, then the default, else asks the operator', () => {
    expect(resolveBaseUrl('sign-it', 'test')).toEqual({ baseUrl: 'https://test.api.fiskaly.com', source: 'default' });
    expect(resolveBaseUrl('sign-at', 'test', 'http://127.0.0.1:4555/')).toEqual({ baseUrl: 'http://127.0.0.1:4555', source: 'custom' });
    let error: unknown;
    try {
      resolveBaseUrl('sign-at', 'live');
    } catch (e) {
      error = e;
    }
    expect(isAppError(error) && error.code).toBe('INVALID_INPUT');
    expect(isAppError(error) && error.fields?.customBaseUrl).toMatch(/Enter the base URL/);
  });

  it('keeps test and live apart', () => {
    expect(() => resolveBaseUrl('sign-it', 'live', 'https://test.api.fiskaly.com')).toThrow(/TEST address/);
    expect(() => resolveBaseUrl('sign-it', 'test', 'https://live.api.fiskaly.com')).toThrow(/LIVE address/);
    expect(() => resolveBaseUrl('sign-de', 'live', 'http://127.0.0.1:4555')).toThrow(/simulator/);
    expect(resolveBaseUrl('sign-de', 'live', 'https://kassensichv-middleware.fiskaly.com').source).toBe('custom');
  });

  it('probes the echo endpoint of the simulator, the family probe elsewhere', () => {
    expect(connectionProbePath('sign-it', 'http://127.0.0.1:4555')).toBe('/echo');
    expect(connectionProbePath('sign-de', 'https://kassensichv-middleware.fiskaly.com')).toBe('/api/v2/tss');
    expect(connectionProbePath('sign-it', 'https://test.api.fiskaly.com')).toBeNull();
  });
});
