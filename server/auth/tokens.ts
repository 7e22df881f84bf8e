/**
 * HS256 JWTs: access tokens for the socket and REST, refresh tokens for the token endpoint.
 * Different audiences keep one kind from being used as the other.
 *
 * Refresh tokens rotate (OAuth 2.0 Security BCP, RFC 9700 §4.14): each sign-in starts a
 * family, each refresh replaces the family's one valid refresh token, and presenting an
 * already-rotated one revokes the whole family, access tokens included, so a thief's copy
 * and the user's die together. Revocation (RFC 7009) ends a family the same way.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, errors } from 'jose';

export const ISSUER = 'aries-embedded';
export const ACCESS_AUDIENCE = 'accounts-ws';
export const REFRESH_AUDIENCE = 'oauth2-refresh';
export const REFRESH_TTL_MS = 24 * 3600 * 1000;
/** Families kept before expired ones are swept (a family lives as long as its refresh token). */
const SWEEP_AT = 10_000;

type Family = { userId: string; current: string; revoked: boolean; expiresAt: number };
type Verdict =
  | { ok: true; userId: string; expiresAt: number; family?: string; jti?: string }
  | { ok: false; reason: string };

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
  const families = new Map<string, Family>();

  async function sign(
    userId: string,
    audience: string,
    ttlMs: number,
    family: string | undefined,
    jti: string = randomUUID(),
  ): Promise<string> {
    const iat = Math.floor(now() / 1000);
    return new SignJWT({ gen: generation.get(userId) ?? 0, ...(family ? { fam: family } : {}) })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setIssuedAt(iat)
      .setExpirationTime(Math.floor((now() + ttlMs) / 1000))
      .setJti(jti)
      .sign(key);
  }

  async function verify(token: string, audience: string): Promise<Verdict> {
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
      const family = typeof payload.fam === 'string' ? payload.fam : undefined;
      if (family !== undefined && families.get(family)?.revoked !== false) {
        return { ok: false, reason: 'token has been revoked' };
      }
      return {
        ok: true,
        userId: payload.sub,
        expiresAt: (payload.exp ?? 0) * 1000,
        ...(family !== undefined ? { family } : {}),
        ...(payload.jti ? { jti: payload.jti } : {}),
      };
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

  function sweep(): void {
    if (families.size < SWEEP_AT) return;
    for (const [id, f] of families) if (f.expiresAt < now()) families.delete(id);
  }

  /** A fresh access token and the family's next refresh token. */
  async function issuePair(userId: string, family: string) {
    const jti = randomUUID();
    const refreshToken = await sign(userId, REFRESH_AUDIENCE, REFRESH_TTL_MS, family, jti);
    const accessToken = await sign(userId, ACCESS_AUDIENCE, opts.accessTtlMs, family);
    families.set(family, {
      userId,
      current: jti,
      revoked: false,
      expiresAt: now() + REFRESH_TTL_MS,
    });
    return { accessToken, refreshToken };
  }

  return {
    /** A sign-in: a new token family. */
    signIn(userId: string) {
      sweep();
      return issuePair(userId, randomUUID());
    },
    /**
     * The refresh grant: the presented token must be its family's current one; it is then
     * spent. A spent one revokes the family (reuse means two parties hold it).
     */
    async refresh(
      token: string,
    ): Promise<
      | { ok: true; userId: string; accessToken: string; refreshToken: string }
      | { ok: false; reason: string }
    > {
      const verdict = await verify(token, REFRESH_AUDIENCE);
      if (!verdict.ok) return verdict;
      const family = verdict.family ? families.get(verdict.family) : undefined;
      if (!family || !verdict.family) return { ok: false, reason: 'token has been revoked' };
      if (family.current !== verdict.jti) {
        family.revoked = true;
        return {
          ok: false,
          reason: 'refresh token was already used; every token of this session is revoked',
        };
      }
      return {
        ok: true,
        userId: verdict.userId,
        ...(await issuePair(verdict.userId, verdict.family)),
      };
    },
    /** RFC 7009: ends the family of a refresh or access token; unknown tokens are ignored. */
    async revokeToken(token: string): Promise<void> {
      for (const audience of [REFRESH_AUDIENCE, ACCESS_AUDIENCE]) {
        const verdict = await verify(token, audience);
        const family = verdict.ok && verdict.family ? families.get(verdict.family) : undefined;
        if (family) family.revoked = true;
        if (verdict.ok) return;
      }
    },
    /** An access token outside any family (tests and tools that skip the token endpoint). */
    issueAccess: (userId: string) => sign(userId, ACCESS_AUDIENCE, opts.accessTtlMs, undefined),
    verifyAccess: (token: string) => verify(token, ACCESS_AUDIENCE),
    accessTtlMs: opts.accessTtlMs,
    /** Every access and refresh token issued to `userId` so far stops working. */
    revoke: (userId: string) => void generation.set(userId, (generation.get(userId) ?? 0) + 1),
  };
}
