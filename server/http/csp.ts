/**
 * The built app's Content-Security-Policy, one definition for the two places that apply it:
 * a `<meta>` tag written into `dist/index.html` at build time (so the app carries it to any
 * host) and a response header from the embedded server (which can also forbid framing).
 *
 * No inline or eval'd script; styles only from our stylesheet (React and the chart set styles
 * through the CSSOM, which CSP allows); sockets and API calls only to our own origin, the
 * configured endpoints and the documented production ones (the sign-in page's Production mode).
 */
export const PRODUCTION_ORIGINS = ['wss://api.aries.com', 'https://api.aries.com'];

/** `scheme://host[:port]` of a URL, or undefined when it is empty or not absolute. */
function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return undefined;
  }
}

export function contentSecurityPolicy(
  opts: { connect?: readonly (string | undefined)[]; header?: boolean } = {},
): string {
  const connect = [
    "'self'",
    ...new Set([...(opts.connect ?? []).map(originOf), ...PRODUCTION_ORIGINS]),
  ].filter((o): o is string => o !== undefined);
  const directives = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    // Only a header can forbid framing (browsers ignore it in <meta>).
    ...(opts.header ? ["frame-ancestors 'none'"] : []),
  ];
  return directives.join('; ');
}
