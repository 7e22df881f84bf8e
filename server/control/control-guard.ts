/**
 * The control API drives the whole simulator, so it answers only deliberate, same-origin
 * callers: every request carries `X-Aries-Control: 1` and every write a JSON content type.
 * Neither can be sent by a cross-origin form or a "simple" fetch without a preflight, and the
 * control API never answers a preflight, so a page on another origin cannot reach it even
 * when SIM_CONTROL is on and CORS is configured for the rest of the server.
 */
import type { IncomingMessage } from 'node:http';
import { HttpError } from '../http/json';

export const CONTROL_HEADER = 'x-aries-control';

export function checkControlRequest(req: IncomingMessage): void {
  const origin = req.headers.origin;
  if (origin !== undefined && !sameOrigin(origin, req.headers.host)) {
    throw new HttpError(403, 'the control API refuses cross-origin requests');
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    throw new HttpError(403, 'the control API refuses cross-site requests');
  }
  if (req.headers[CONTROL_HEADER] !== '1') {
    throw new HttpError(403, `the control API needs the header ${CONTROL_HEADER}: 1`);
  }
  if (req.method === 'GET' || req.method === 'HEAD') return;
  const type = (req.headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new HttpError(415, 'the control API takes only application/json bodies');
  }
}

function sameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
