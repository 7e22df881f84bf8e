/**
 * HS256 JWTs: access tokens for the socket and REST, refresh tokens for the token endpoint.
 * Different audiences keep one kind from being used as the other.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, errors } from 'jose';

export const ISSUER = 'aries-embedded';
export const ACCESS_AUDIENCE = 'accounts-ws';
export const REFRESH_AUDIENCE = 'oauth2-refresh';
const REFRESH_TTL_MS = 24 * 3600 * 1000;

export type TokenIssuer = ReturnType<typeof createTokenIssuer>;

export function createTokenIssuer(opts: {
  secret?: string;
  accessTtlMs: number;
  now?: () => number;
}) {
  const key = opts.secret ? new TextEncoder().encode(opts.secret) : randomBytes(32);
  const now = opts.now ?? Date.now;
  /** Per user: tokens of an older generation were revoked (control API `tokens/revoke`). */
  const generation = new Map<string, number>();

  async function sign(userId: string, audience: string, ttlMs: number): Promise<string> {
    const iat = Math.floor(now() / 1000);
    return new SignJWT({ gen: generation.get(userId) ?? 0 })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setIssuedAt(iat)
      .setExpirationTime(Math.floor((now() + ttlMs) / 1000))
      .setJti(randomUUID())
      .sign(key);
  }

  async function verify(
    token: string,
    audience: string,
  ): Promise<{ ok: true; userId: string; expiresAt: number } | { ok: false; reason: string }> {
    try {
      const { payload } = await jwtVerify(token, key, {
        issuer: ISSUER,
        audience,
        algorithms: ['HS256'],
        currentDate: new Date(now()),
      });
      if (!payload.sub) return { ok: false, reason: 'token has no subject' };
      if (Number(payload.gen ?? 0) < (generation.get(payload.sub) ?? 0)) {
        return { ok: false, reason: 'token has been revoked' };
      }
      return { ok: true, userId: payload.sub, expiresAt: (payload.exp ?? 0) * 1000 };
    } catch (e) {
      if (e instanceof errors.JWTExpired) return { ok: false, reason: 'token has expired' };
      if (e instanceof errors.JWTClaimValidationFailed) {
        return { ok: false, reason: `token claim "${e.claim}" is not valid here` };
      }
      if (e instanceof errors.JWSSignatureVerificationFailed) {
        return { ok: false, reason: 'token signature is invalid' };
      }
      return { ok: false, reason: 'token is malformed' };
    }
  }

  return {
    issueAccess: (userId: string) => sign(userId, ACCESS_AUDIENCE, opts.accessTtlMs),
    issueRefresh: (userId: string) => sign(userId, REFRESH_AUDIENCE, REFRESH_TTL_MS),
    verifyAccess: (token: string) => verify(token, ACCESS_AUDIENCE),
    verifyRefresh: (token: string) => verify(token, REFRESH_AUDIENCE),
    accessTtlMs: opts.accessTtlMs,
    /** Every access and refresh token issued to `userId` so far stops working. */
    revoke: (userId: string) => void generation.set(userId, (generation.get(userId) ?? 0) + 1),
  };
}
