/** Serves a built SPA: files by path, index.html for client-side routes, hashed assets cached. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentSecurityPolicy } from './csp';
import { requestPath } from './request-path';

// The app talks only to this server ('self') and the documented production endpoints.
const HTML_CSP = contentSecurityPolicy({ header: true });

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * The file `path` names inside `root`, or undefined when it would leave it. Checked on the
 * resolved path with a trailing separator, so `/../dist-private/x` (a sibling whose name
 * starts with the root's) is outside; backslashes are refused outright, since they are
 * separators on some hosts and never appear in our asset names.
 */
export function contained(root: string, path: string): string | undefined {
  if (path.includes('\\')) return undefined;
  const file = resolve(root, `.${path}`);
  return file === root || file.startsWith(root + sep) ? file : undefined;
}

export async function serveStatic(
  dir: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const root = resolve(dir);
  const path = requestPath(req).decoded;
  let file = contained(root, path);
  if (!file) return false;
  let info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) {
    // Client-side routes (no extension) get the app; missing assets stay 404.
    if (extname(path)) return false;
    file = join(root, 'index.html');
    info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return false;
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': path.startsWith('/assets/')
      ? 'public, max-age=31536000, immutable'
      : 'no-cache',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...(extname(file) === '.html' ? { 'content-security-policy': HTML_CSP } : {}),
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
  return true;
}
