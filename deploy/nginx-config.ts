/**
 * The nginx site that serves the built app, rendered from options so the Content-Security-Policy
 * is the one `server/http/csp.ts` writes into the build (the two cannot drift apart).
 *
 * `renderSite` is what goes in /etc/nginx/sites-available (it sits inside Debian's `http {}`);
 * `renderStandalone` wraps it in a whole nginx.conf that runs as any user from its own prefix
 * (`nginx -p <dir> -c <dir>/nginx.conf`), which is how the tests start it.
 */
import { contentSecurityPolicy } from '../server/http/csp.ts';

export type SiteOptions = {
  /** Absolute path of the built app (`dist/`). */
  root: string;
  /** `listen` values for plain HTTP, e.g. `80` or `127.0.0.1:8080`. */
  listen: readonly string[];
  serverName?: string;
  /** Same-origin reverse proxy of `/v1/` (REST and the socket) to this origin, when set. */
  upstream?: string;
  /** Serve the build's `.br` files (needs the brotli static module loaded). */
  brotli: boolean;
  /** Terminate TLS too: `listen` value and PEM paths. HSTS is sent only on these requests. */
  tls?: { listen: string; certificate: string; key: string };
  /** The build's `VITE_*` endpoints, which the CSP must allow to connect. */
  connect?: readonly (string | undefined)[];
};

export const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
// Two years, the preload list's minimum; only ever sent over TLS.
const HSTS = 'max-age=63072000; includeSubDomains';
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The CSP header the site sends: the build's policy plus what only a header can say. */
export function siteCsp(connect?: readonly (string | undefined)[]): string {
  return contentSecurityPolicy({ header: true, connect });
}

const quote = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;

function securityHeaders(csp: string, cacheControl: string): string[] {
  // add_header in a location replaces every add_header above it, so each location lists all.
  return [
    // Not `always`: a 404 must not be cached as if it were the immutable file.
    `add_header Cache-Control ${quote(cacheControl)};`,
    `add_header Content-Security-Policy ${quote(csp)} always;`,
    'add_header X-Content-Type-Options "nosniff" always;',
    'add_header Referrer-Policy "no-referrer" always;',
    'add_header X-Frame-Options "DENY" always;',
    'add_header Strict-Transport-Security $aries_hsts always;',
  ];
}

function block(head: string, lines: readonly string[]): string[] {
  return [`${head} {`, ...lines.map((l) => (l ? `    ${l}` : '')), '}'];
}

function proxyLocation(upstream: string): string[] {
  const url = new URL(upstream);
  return block('location ^~ /v1/', [
    // No URI part after the origin: the request path is passed on unchanged.
    `proxy_pass ${url.protocol}//${url.host};`,
    'proxy_http_version 1.1;',
    'proxy_set_header Upgrade $http_upgrade;',
    'proxy_set_header Connection $aries_connection_upgrade;',
    'proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
    'proxy_set_header X-Forwarded-Proto $scheme;',
    ...(url.protocol === 'https:' ? ['proxy_ssl_server_name on;'] : []),
    // The socket is long-lived; the protocol's keepalive pings keep it busy well within this.
    'proxy_read_timeout 1h;',
    'proxy_send_timeout 1h;',
    'proxy_buffering off;',
    'add_header X-Content-Type-Options "nosniff" always;',
    'add_header Strict-Transport-Security $aries_hsts always;',
  ]);
}

export function renderSite(opts: SiteOptions): string {
  const csp = siteCsp(opts.connect);
  const listen = [
    ...opts.listen.map((l) => `listen ${l};`),
    ...(opts.tls
      ? [
          `listen ${opts.tls.listen} ssl;`,
          `ssl_certificate ${opts.tls.certificate};`,
          `ssl_certificate_key ${opts.tls.key};`,
        ]
      : []),
  ];
  const lines = [
    '# Aries Trader: the built app, rendered by `npm run deploy:nginx` (edit its options, not this file).',
    '',
    ...block('map $https $aries_hsts', [`on ${quote(HSTS)};`, 'default "";']),
    ...block('map $http_upgrade $aries_connection_upgrade', ['default upgrade;', '"" close;']),
    '',
    ...block('server', [
      ...listen,
      `server_name ${opts.serverName ?? '_'};`,
      `root ${opts.root};`,
      'index index.html;',
      'server_tokens off;',
      'charset utf-8;',
      'charset_types text/css application/javascript text/javascript application/json image/svg+xml;',
      '',
      '# The build ships .br and .gz of every text file; anything else is gzipped on the fly.',
      ...(opts.brotli ? ['brotli_static on;'] : []),
      'gzip_static on;',
      'gzip on;',
      'gzip_vary on;',
      'gzip_comp_level 6;',
      'gzip_min_length 256;',
      'gzip_proxied any;',
      'gzip_types text/css application/javascript text/javascript application/json image/svg+xml text/plain;',
      '',
      '# Hashed file names: a changed file is a new URL, so these never need revalidating.',
      ...block('location ^~ /assets/', [
        'try_files $uri =404;',
        ...securityHeaders(csp, IMMUTABLE),
      ]),
      '',
      '# The app itself is revalidated on every load, so a deploy is picked up at once.',
      ...block('location = /index.html', securityHeaders(csp, 'no-cache')),
      '',
      '# A file name that is not there stays a 404 rather than becoming the app.',
      ...block('location ~ "\\.[A-Za-z0-9]+$"', [
        'try_files $uri =404;',
        ...securityHeaders(csp, 'no-cache'),
      ]),
      '',
      '# Every other path is a client-side route (a deep link): the app answers it.',
      ...block('location /', ['try_files $uri /index.html;', ...securityHeaders(csp, 'no-cache')]),
      ...(opts.upstream
        ? [
            '',
            '# The broker on the same origin: REST and the socket.',
            ...proxyLocation(opts.upstream),
          ]
        : []),
    ]),
  ];
  return `${lines.join('\n')}\n`;
}

export type StandaloneOptions = SiteOptions & {
  /** Directory for the pid file, logs and temp files (nginx `-p`). */
  prefix: string;
  /** `user` for the workers when started as root (they need to read `root`). */
  user?: string;
};

/** A whole nginx.conf for a foreground nginx that writes only under `prefix`. */
export function renderStandalone(opts: StandaloneOptions): string {
  const p = opts.prefix.replace(/\/$/, '');
  const lines = [
    ...(opts.brotli ? [`load_module ${BROTLI_MODULE};`] : []),
    ...(opts.user ? [`user ${opts.user};`] : []),
    'daemon off;',
    'worker_processes 1;',
    `pid ${p}/nginx.pid;`,
    `error_log ${p}/error.log warn;`,
    ...block('events', ['worker_connections 256;']),
    ...block('http', [
      'include /etc/nginx/mime.types;',
      'default_type application/octet-stream;',
      `access_log ${p}/access.log;`,
      `client_body_temp_path ${p}/client_body;`,
      `proxy_temp_path ${p}/proxy;`,
      `fastcgi_temp_path ${p}/fastcgi;`,
      `uwsgi_temp_path ${p}/uwsgi;`,
      `scgi_temp_path ${p}/scgi;`,
      'sendfile on;',
      ...renderSite(opts).trimEnd().split('\n'),
    ]),
  ];
  return `${lines.join('\n')}\n`;
}
