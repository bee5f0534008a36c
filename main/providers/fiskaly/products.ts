// The fiskaly product families: which authentication style each uses, its default base URL per
// environment, its API version header, and how "test connection" probes it.
//
// Sources, so nobody mistakes a guess for a fact:
// - [guide] ../shared/fiskaly-auth.md and its seed 000_2143f4745f9bf17e.txt: the three styles,
//   the SIGN DE host, the SIGN ES test host, the /tokens test host, X-Api-Version 2026-02-03.
// - [fiskaly-it-fr] fiskaly's "SIGN IT / SIGN FR integration guide for SIGN DE customers"
//   (developer.fiskaly.com/sign-it/2026-02-03/guide_signde_customers, same page for sign-fr):
//   TEST https://test.api.fiskaly.com, LIVE https://live.api.fiskaly.com; and "SIGN DE ... only
//   one base URL used for both environments ... the API Key itself determines whether TEST or
//   LIVE resources are created".
// Where neither source names a host, the default is null and the operator must enter the base
// URL (createProfileInput.customBaseUrl); we do not invent hosts.
import type { FiskalyProduct } from '../../../shared/contract/connections';
import { AppError } from '../../../shared/errors';
import { FISKALY_TOKENS_API_VERSION } from '../../auth/auth-styles';
import type { AuthStyle } from '../../auth/auth-styles';

export type FiskalyEnvironment = 'test' | 'live';

export interface DefaultBaseUrl {
  url: string;
  source: 'guide' | 'fiskaly-it-fr';
  /** Set when one host serves both environments and the key decides which one is used. */
  note?: string;
}

export interface ProductFamily {
  product: FiskalyProduct;
  label: string;
  style: AuthStyle;
  /** `X-Api-Version` sent on every call (the /tokens family only). */
  apiVersion: string | null;
  /** Whether `X-Scope-Identifier: <organisation unit id>` is sent (the /tokens family only). */
  scopeHeader: boolean;
  baseUrls: Readonly<Record<FiskalyEnvironment, DefaultBaseUrl | null>>;
  /**
   * An authenticated, read-only GET that "test connection" calls after signing in against the
   * real service; null: the sign-in itself is the test (it proves key, secret and environment).
   * Against the simulator (a loopback base URL) its echo endpoint stands in: see connectionProbePath.
   */
  probePath: string | null;
}

const SIGN_DE_HOST = 'https://kassensichv-middleware.fiskaly.com';
const ONE_HOST_NOTE = 'One host for test and live: the API key decides the environment.';
const TOKENS_TEST: DefaultBaseUrl = { url: 'https://test.api.fiskaly.com', source: 'guide' };
const TOKENS_LIVE_IT_FR: DefaultBaseUrl = { url: 'https://live.api.fiskaly.com', source: 'fiskaly-it-fr' };

const authV2 = { style: 'auth-v2', apiVersion: null, scopeHeader: false } as const;
const tokensFamily = { style: 'tokens', apiVersion: FISKALY_TOKENS_API_VERSION, scopeHeader: true } as const;

export const FISKALY_PRODUCTS: Readonly<Record<FiskalyProduct, ProductFamily>> = {
  'sign-de': {
    product: 'sign-de',
    label: 'SIGN DE',
    ...authV2,
    baseUrls: { test: { url: SIGN_DE_HOST, source: 'guide', note: ONE_HOST_NOTE }, live: { url: SIGN_DE_HOST, source: 'fiskaly-it-fr', note: ONE_HOST_NOTE } },
    // "List TSS" of SIGN DE API v2; from fiskaly's API reference, not from our sources: confirm
    // against a real test account before relying on it.
    probePath: '/api/v2/tss',
  },
  // SIGN AT, DSFinV-K DE and RECEIPT: the guide gives the auth style but no host.
  'sign-at': { product: 'sign-at', label: 'SIGN AT', ...authV2, baseUrls: { test: null, live: null }, probePath: null },
  'dsfinvk-de': { product: 'dsfinvk-de', label: 'DSFinV-K DE', ...authV2, baseUrls: { test: null, live: null }, probePath: null },
  receipt: { product: 'receipt', label: 'RECEIPT', ...authV2, baseUrls: { test: null, live: null }, probePath: null },
  'sign-es': {
    product: 'sign-es',
    label: 'SIGN ES',
    style: 'auth-v1-es',
    apiVersion: null,
    scopeHeader: false,
    // The live host of SIGN ES is not in our sources.
    baseUrls: { test: { url: 'https://test.es.sign.fiskaly.com', source: 'guide' }, live: null },
    probePath: null,
  },
  'sign-it': { product: 'sign-it', label: 'SIGN IT', ...tokensFamily, baseUrls: { test: TOKENS_TEST, live: TOKENS_LIVE_IT_FR }, probePath: null },
  'sign-fr': { product: 'sign-fr', label: 'SIGN FR', ...tokensFamily, baseUrls: { test: TOKENS_TEST, live: TOKENS_LIVE_IT_FR }, probePath: null },
  // E-Invoice shares the /tokens style and the test host [guide]; its live host is not stated
  // in our sources (probably the same unified API host, but the operator must confirm it).
  'e-invoice': { product: 'e-invoice', label: 'E-Invoice', ...tokensFamily, baseUrls: { test: TOKENS_TEST, live: null }, probePath: null },
};

export function productFamily(product: FiskalyProduct): ProductFamily {
  return FISKALY_PRODUCTS[product];
}

/** The default base URL for a product and environment, or null when the operator must enter one. */
export function defaultBaseUrl(product: FiskalyProduct, environment: FiskalyEnvironment): DefaultBaseUrl | null {
  return FISKALY_PRODUCTS[product].baseUrls[environment];
}

/** http on 127.0.0.1/localhost/[::1]: the fiskaly simulator (main/sandbox/fiskaly). */
export function isLoopbackBaseUrl(baseUrl: string): boolean {
  try {
    const url = new URL(baseUrl);
    return url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]');
  } catch {
    return false;
  }
}

/** Path of the simulator's protected echo endpoint (main/sandbox/fiskaly/fiskaly-simulator.ts). */
export const SIMULATOR_ECHO_PATH = '/echo';

/**
 * What "test connection" calls after signing in: the simulator's echo endpoint when the base URL
 * is loopback (the simulator stands in for the product's real probe), else the family's
 * probePath (null: signing in is the whole test).
 */
export function connectionProbePath(product: FiskalyProduct, baseUrl: string): string | null {
  return isLoopbackBaseUrl(baseUrl) ? SIMULATOR_ECHO_PATH : FISKALY_PRODUCTS[product].probePath;
}

export interface ResolvedBaseUrl {
  baseUrl: string;
  source: 'custom' | 'default';
}

/**
 * The base URL a profile uses: its custom one if set, else the family default for its
 * environment. Throws INVALID_INPUT when there is no default (the operator must enter one), and
 * when the address contradicts the environment, so test and live stay apart: a `test.` host or
 * the simulator for a live profile, a `live.` host for a test profile.
 */
export function resolveBaseUrl(product: FiskalyProduct, environment: FiskalyEnvironment, customBaseUrl?: string | null): ResolvedBaseUrl {
  const custom = customBaseUrl?.trim();
  if (custom) {
    const mismatch = environmentMismatch(environment, custom);
    if (mismatch) throw new AppError('INVALID_INPUT', mismatch, { fields: { customBaseUrl: mismatch } });
    return { baseUrl: custom.replace(/\/+$/, ''), source: 'custom' };
  }
  const fallback = defaultBaseUrl(product, environment);
  if (!fallback) {
    const message = `Enter the base URL of fiskaly ${FISKALY_PRODUCTS[product].label} for the ${environment} environment (the app has no confirmed default for it).`;
    throw new AppError('INVALID_INPUT', message, { fields: { customBaseUrl: message } });
  }
  return { baseUrl: fallback.url, source: 'default' };
}

/** A message when `baseUrl` visibly belongs to the other environment, else null. */
export function environmentMismatch(environment: FiskalyEnvironment, baseUrl: string): string | null {
  let host: string;
  try {
    host = new URL(baseUrl).hostname.toLowerCase();
  } catch {
    return 'This is not a valid address.';
  }
  if (environment === 'live') {
    if (isLoopbackBaseUrl(baseUrl)) return 'A live connection cannot point at the simulator on this computer. Choose the test environment.';
    if (host.startsWith('test.') || host.includes('.test.')) return 'This address is a fiskaly TEST address, but the connection is set to LIVE.';
  } else if (host.startsWith('live.') || host.includes('.live.')) {
    return 'This address is a fiskaly LIVE address, but the connection is set to TEST.';
  }
  return null;
}
