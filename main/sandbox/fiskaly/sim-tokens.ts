// The simulator's tokens: real JWTs (HS256, a random key per run) with `exp`, and a registry of
// live token ids so tokens can be revoked before they expire.
import { randomBytes, randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { AuthStyle } from '../../auth/auth-styles';

export type TokenUse = 'access' | 'refresh';

export interface TokenClaims {
  apiKey: string;
  style: AuthStyle;
  use: TokenUse;
  id: string;
  expiresAtSeconds: number;
}

export type VerifyResult = { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'expired' | 'revoked' | 'wrong-use' };

const ISSUER = 'fiskaly-simulator';

export class SimTokens {
  private readonly key = new Uint8Array(randomBytes(32));
  /** Token id -> use; a token whose id is missing here is revoked. */
  private readonly live = new Map<string, TokenUse>();
  /** Every token issued (for leak scans in tests). */
  readonly issued: string[] = [];

  constructor(private readonly clock: () => number) {}

  async issue(apiKey: string, style: AuthStyle, use: TokenUse, ttlSeconds: number): Promise<{ token: string; expiresIn: number }> {
    const now = Math.floor(this.clock() / 1000);
    const id = randomUUID();
    const token = await new SignJWT({ sty: style, use })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setSubject(apiKey)
      .setJti(id)
      .setIssuedAt(now)
      .setExpirationTime(now + ttlSeconds)
      .sign(this.key);
    this.live.set(id, use);
    if (this.issued.length < 100_000) this.issued.push(token);
    return { token, expiresIn: ttlSeconds };
  }

  async verify(token: string, use: TokenUse): Promise<VerifyResult> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], issuer: ISSUER, currentDate: new Date(this.clock()) }));
    } catch (error) {
      const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
      return { ok: false, reason: code === 'ERR_JWT_EXPIRED' ? 'expired' : 'malformed' };
    }
    const { sub, jti, exp, sty, use: tokenUse } = payload;
    if (typeof sub !== 'string' || typeof jti !== 'string' || typeof exp !== 'number' || typeof sty !== 'string') return { ok: false, reason: 'malformed' };
    if (tokenUse !== use) return { ok: false, reason: 'wrong-use' };
    if (!this.live.has(jti)) return { ok: false, reason: 'revoked' };
    return { ok: true, claims: { apiKey: sub, style: sty as AuthStyle, use, id: jti, expiresAtSeconds: exp } };
  }

  revoke(id: string): void {
    this.live.delete(id);
  }

  revokeWhere(predicate: (use: TokenUse) => boolean): number {
    let count = 0;
    for (const [id, use] of this.live) {
      if (predicate(use)) {
        this.live.delete(id);
        count += 1;
      }
    }
    return count;
  }
}
