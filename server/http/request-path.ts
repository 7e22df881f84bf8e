/**
 * The decoded path of a request, or a 400: a malformed percent-encoding is the client's
 * mistake, not the server's (it must never reach a handler as a thrown URIError).
 */
import type { IncomingMessage } from 'node:http';
import { HttpError } from './json';

export function requestPath(req: IncomingMessage): { raw: string; decoded: string } {
  const target = req.url ?? '/';
  // The path is everything before the query; a request target must start with '/'.
  const raw = target.split('?', 1)[0] ?? '';
  if (!raw.startsWith('/')) throw new HttpError(400, 'malformed request URL');
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    throw new HttpError(400, 'malformed percent-encoding in request URL');
  }
  if (decoded.includes('\0')) throw new HttpError(400, 'malformed request URL');
  return { raw, decoded };
}
