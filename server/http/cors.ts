/**
 * CORS for configured origins only (CORS_ORIGINS). Same-origin use (the embedded server
 * serving the app, or Vite's proxy) needs none, so by default no origin is allowed and a
 * cross-origin page can neither read our answers nor send preflighted requests.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Sets CORS headers when the request's origin is allowed; true when it is. */
export function applyCors(
  req: IncomingMessage,
  res: ServerResponse,
  allowed: readonly string[],
): boolean {
  res.setHeader('vary', 'Origin');
  const origin = req.headers.origin;
  if (!origin || !allowed.includes(origin)) return false;
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('access-control-allow-headers', 'authorization, content-type');
  res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  res.setHeader('access-control-allow-credentials', 'true');
  res.setHeader('access-control-max-age', '600');
  return true;
}

/** `a, b` → `['a', 'b']`, each normalised to `scheme://host[:port]`; junk entries throw. */
export function parseOrigins(list: string | undefined): string[] {
  if (!list) return [];
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const u = new URL(s);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`not an origin: ${s}`);
      return u.origin;
    });
}
