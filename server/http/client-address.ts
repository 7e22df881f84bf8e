/**
 * The address a request came from, for per-client limits. Behind a reverse proxy every
 * request comes from the proxy, so TRUST_PROXY=1 says to use the address the proxy (one hop)
 * appended to X-Forwarded-For instead; without it that header is ignored, since any client
 * can send it.
 */
import type { IncomingMessage } from 'node:http';

export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const header = req.headers['x-forwarded-for'];
    const list = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',');
    const last = list[list.length - 1]?.trim();
    if (last) return last;
  }
  return req.socket.remoteAddress ?? 'unknown';
}
