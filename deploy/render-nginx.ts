/**
 * `npm run deploy:nginx -- [options]`: prints (or writes with --out) the nginx site for the
 * built app. The CSP allows the same `VITE_*` endpoints the build was made with, so run it
 * with the build's environment.
 *
 *   --root <dir>        the built app on the web server        (default: ./dist, absolute)
 *   --listen <addr>     plain HTTP listen, repeatable          (default: 80)
 *   --server-name <n>   server_name                            (default: _)
 *   --upstream <url>    proxy /v1/ (REST + socket) to the broker, e.g. http://127.0.0.1:8787
 *   --tls-listen <addr> --tls-cert <pem> --tls-key <pem>   terminate TLS as well (sends HSTS)
 *   --brotli on|off|auto  serve .br files (auto: when the brotli static module is installed)
 *   --out <file>        write here instead of stdout
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BROTLI_MODULE, renderSite } from './nginx-config.ts';

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: 'dist' },
    listen: { type: 'string', multiple: true, default: ['80'] },
    'server-name': { type: 'string' },
    upstream: { type: 'string' },
    'tls-listen': { type: 'string', default: '443' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    brotli: { type: 'string', default: 'auto' },
    out: { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(`deploy:nginx: ${message}`);
  process.exit(2);
}

if (!['on', 'off', 'auto'].includes(values.brotli)) fail('--brotli is on, off or auto');
if (values.upstream && !/^https?:\/\/[^/]+\/?$/.test(values.upstream)) {
  fail('--upstream is an origin: http(s)://host[:port]');
}
if (!!values['tls-cert'] !== !!values['tls-key']) fail('--tls-cert and --tls-key go together');

const site = renderSite({
  root: resolve(values.root),
  listen: values.listen,
  serverName: values['server-name'],
  upstream: values.upstream,
  brotli: values.brotli === 'auto' ? existsSync(BROTLI_MODULE) : values.brotli === 'on',
  tls:
    values['tls-cert'] && values['tls-key']
      ? { listen: values['tls-listen'], certificate: values['tls-cert'], key: values['tls-key'] }
      : undefined,
  connect: [process.env.VITE_ACCOUNTS_WS_URL, process.env.VITE_API_BASE_URL],
});

if (values.out) {
  writeFileSync(values.out, site);
  console.error(`deploy:nginx: wrote ${values.out}`);
} else process.stdout.write(site);
