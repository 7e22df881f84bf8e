/**
 * The token-mediating cookie (OAuth 2.0 for Browser-Based Applications): when the app asks
 * for it, the refresh token travels only in an HttpOnly cookie scoped to the token path, so
 * no script on the page can read it, and a reload still resumes. SameSite=Strict keeps other
 * sites' pages from sending it; Secure whenever the request came over https.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PROTOCOL_DEFAULTS } from '../../src/protocol';

export const REFRESH_COOKIE = 'aries_rt';
/** Covers the token and revocation endpoints and nothing else. */
export const REFRESH_COOKIE_PATH = PROTOCOL_DEFAULTS.tokenPath.replace(/\/[^/]*$/, '');

export function readRefreshCookie(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === REFRESH_COOKIE) return value.join('=') || undefined;
  }
  return undefined;
}

function isHttps(req: IncomingMessage, trustProxy: boolean): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true;
  return trustProxy && req.headers['x-forwarded-proto'] === 'https';
}

export function setRefreshCookie(
  req: IncomingMessage,
  res: ServerResponse,
  token: string | undefined,
  opts: { trustProxy: boolean; maxAgeS: number },
): void {
  const attrs = [
    `${REFRESH_COOKIE}=${token ?? ''}`,
    `Path=${REFRESH_COOKIE_PATH}`,
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${token ? opts.maxAgeS : 0}`,
    ...(isHttps(req, opts.trustProxy) ? ['Secure'] : []),
  ];
  res.setHeader('set-cookie', attrs.join('; '));
}
