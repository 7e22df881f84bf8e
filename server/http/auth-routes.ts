/** The REST endpoints beside the socket: OAuth2-style token issue/refresh and the accounts list. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LoginThrottle } from '../auth/login-throttle';
import { REFRESH_TTL_MS, type TokenIssuer } from '../auth/tokens';
import type { Simulator } from '../sim/types';
import { HttpError, readFields, sendJson } from './json';
import { readRefreshCookie, setRefreshCookie } from './refresh-cookie';

export async function handleToken(
  req: IncomingMessage,
  res: ServerResponse,
  deps: {
    sim: Simulator;
    tokens: TokenIssuer;
    throttle: LoginThrottle;
    client: string;
    trustProxy: boolean;
  },
): Promise<void> {
  const fields = await readFields(req);
  const grant = typeof fields.grant_type === 'string' ? fields.grant_type : 'password';
  // The app asks for the refresh token as an HttpOnly cookie instead of in the body.
  let cookie = fields.refresh_token_delivery === 'cookie';
  const cookieOpts = { trustProxy: deps.trustProxy, maxAgeS: Math.floor(REFRESH_TTL_MS / 1000) };
  let userId: string | undefined;
  if (grant === 'password') {
    const { username, password } = fields;
    if (typeof username !== 'string' || typeof password !== 'string') {
      throw new HttpError(400, 'username and password are required', {
        error: 'invalid_request',
        error_description: 'username and password are required',
      });
    }
    // Unknown user and wrong password take the same path: same delay, same answer.
    const verdict = deps.throttle.check(username, deps.client);
    if (!verdict.ok) {
      const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
      res.setHeader('retry-after', String(seconds));
      throw new HttpError(429, 'too many sign-in attempts', {
        error: 'invalid_grant',
        error_description: `too many sign-in attempts; try again in ${seconds} s`,
      });
    }
    if (verdict.delayMs > 0) await sleep(verdict.delayMs);
    userId = deps.sim.userByCredentials(username, password)?.userId;
    if (userId) deps.throttle.succeeded(username);
    else deps.throttle.failed(username, deps.client);
    if (!userId) {
      throw new HttpError(401, 'bad credentials', {
        error: 'invalid_grant',
        error_description: 'unknown username or wrong password',
      });
    }
  } else if (grant === 'refresh_token') {
    // The body's token, else the HttpOnly cookie (which only same-site pages can send).
    const fromBody = typeof fields.refresh_token === 'string' ? fields.refresh_token : '';
    const token = fromBody || (readRefreshCookie(req) ?? '');
    if (!fromBody) cookie = true;
    const verdict = await deps.tokens.refresh(token);
    if (!verdict.ok) {
      if (cookie) setRefreshCookie(req, res, undefined, cookieOpts);
      throw new HttpError(401, verdict.reason, {
        error: 'invalid_grant',
        error_description: verdict.reason,
      });
    }
    return sendTokens(verdict);
  } else {
    throw new HttpError(400, 'unsupported grant', {
      error: 'unsupported_grant_type',
      error_description: `grant_type ${grant} is not supported`,
    });
  }
  return sendTokens({ userId, ...(await deps.tokens.signIn(userId)) });

  function sendTokens(t: { userId: string; accessToken: string; refreshToken: string }): void {
    if (cookie) setRefreshCookie(req, res, t.refreshToken, cookieOpts);
    sendJson(res, 200, {
      access_token: t.accessToken,
      token_type: 'Bearer',
      expires_in: Math.floor(deps.tokens.accessTtlMs / 1000),
      ...(cookie ? { refresh_token_delivery: 'cookie' } : { refresh_token: t.refreshToken }),
      user_id: t.userId,
    });
  }
}

/**
 * RFC 7009: revokes the token in the body (or the refresh cookie) and clears the cookie.
 * Answers 200 whether or not the token was known, so it tells a caller nothing.
 */
export async function handleRevoke(
  req: IncomingMessage,
  res: ServerResponse,
  deps: { tokens: TokenIssuer; trustProxy: boolean },
): Promise<void> {
  const fields = await readFields(req);
  const token =
    typeof fields.token === 'string' && fields.token ? fields.token : readRefreshCookie(req);
  if (token) await deps.tokens.revokeToken(token);
  setRefreshCookie(req, res, undefined, { trustProxy: deps.trustProxy, maxAgeS: 0 });
  sendJson(res, 200, {});
}

export async function handleAccounts(
  req: IncomingMessage,
  res: ServerResponse,
  deps: { sim: Simulator; tokens: TokenIssuer },
): Promise<void> {
  const header = req.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
  const verdict = await deps.tokens.verifyAccess(token);
  if (!verdict.ok) {
    throw new HttpError(401, verdict.reason, {
      error: 'invalid_token',
      error_description: verdict.reason,
    });
  }
  sendJson(res, 200, { accounts: deps.sim.accountsOf(verdict.userId) });
}
