/**
 * Where the socket and REST API live. Default: the page's own origin (the embedded server
 * serves the app, or Vite proxies to it). Overridable at build time (VITE_ACCOUNTS_WS_URL,
 * VITE_API_BASE_URL) and at sign-in for production. Plain ws:// only on loopback.
 */
import { PROTOCOL_DEFAULTS } from '../../protocol';

export type Endpoints = { wsUrl: string; apiBase: string };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith('127.');
}

/** Throws a readable error for a URL the app must not use. */
export function checkSocketUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`"${url}" is not a valid WebSocket URL`);
  }
  if (parsed.protocol !== 'wss:' && parsed.protocol !== 'ws:') {
    throw new Error('the socket URL must start with wss://');
  }
  if (parsed.protocol === 'ws:' && !isLoopback(parsed.hostname)) {
    throw new Error(`refusing unencrypted ws:// to ${parsed.hostname}: use wss://`);
  }
  return parsed.toString();
}

export function defaultEndpoints(
  loc: Pick<Location, 'protocol' | 'host'> = window.location,
  env: Record<string, string | undefined> = import.meta.env,
): Endpoints {
  const wsScheme = loc.protocol === 'https:' ? 'wss:' : 'ws:';
  return {
    wsUrl: checkSocketUrl(
      env.VITE_ACCOUNTS_WS_URL || `${wsScheme}//${loc.host}${PROTOCOL_DEFAULTS.wsPath}`,
    ),
    apiBase: (env.VITE_API_BASE_URL || `${loc.protocol}//${loc.host}`).replace(/\/$/, ''),
  };
}

/**
 * Throws when the page's Content-Security-Policy (`connect-src`) would block `url`, so a
 * trader pasting another broker host hears why instead of seeing a silent connection failure.
 * No policy (development) allows everything.
 */
export function checkAllowedByPolicy(url: string, policy: string | undefined, self: string): void {
  const connect = policy
    ?.split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([name]) => name === 'connect-src')
    ?.slice(1);
  if (!connect) return;
  const target = new URL(url);
  const origin = `${target.protocol}//${target.host}`;
  const selfUrl = new URL(self);
  // CSP3: 'self' also matches the same host over ws/wss.
  const sameHost = target.host === selfUrl.host;
  if (connect.includes(origin) || (connect.includes("'self'") && sameHost)) return;
  const allowed = connect.map((s) => (s === "'self'" ? selfUrl.host : s)).join(', ');
  throw new Error(
    `this build may only connect to ${allowed}; rebuild with VITE_ACCOUNTS_WS_URL and VITE_API_BASE_URL set to ${origin}`,
  );
}

/** The policy the page runs under (the built app's <meta>), if any. */
export function pagePolicy(): string | undefined {
  return (
    document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ??
    undefined
  );
}
