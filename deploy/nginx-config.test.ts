import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../server/http/csp';
import { renderSite, renderStandalone, type SiteOptions } from './nginx-config';

// What README's Deploy section renders deploy/nginx.conf with.
const EXAMPLE: SiteOptions = {
  root: '/var/www/aries-trader',
  listen: ['80'],
  upstream: 'http://127.0.0.1:8787',
  brotli: true,
};

const locations = (conf: string) => conf.split(/\n {4}location /).slice(1);

describe('nginx site', () => {
  it('[DEPLOY-1] the committed deploy/nginx.conf is what the renderer makes today', () => {
    expect(readFileSync('deploy/nginx.conf', 'utf8')).toBe(renderSite(EXAMPLE));
  });

  it("[DEPLOY-2] every page and asset carries the build's CSP with frame-ancestors 'none'", () => {
    const csp = contentSecurityPolicy({ header: true });
    expect(csp).toContain("frame-ancestors 'none'");
    const statics = locations(renderSite(EXAMPLE)).filter((l) => !l.startsWith('^~ /v1/'));
    expect(statics).toHaveLength(4);
    for (const l of statics) {
      expect(l).toContain(`add_header Content-Security-Policy "${csp}" always;`);
      expect(l).toContain('add_header X-Content-Type-Options "nosniff" always;');
      expect(l).toContain('add_header Strict-Transport-Security $aries_hsts always;');
    }
  });

  it("[DEPLOY-3] the CSP allows the build's VITE_* endpoints", () => {
    const conf = renderSite({ ...EXAMPLE, connect: ['wss://broker.example:8443/v1/accounts/ws'] });
    expect(conf).toContain("connect-src 'self' wss://broker.example:8443 ");
  });

  it('[DEPLOY-4] HSTS only on TLS; brotli and the proxy only when asked for', () => {
    const plain = renderSite({ ...EXAMPLE, upstream: undefined, brotli: false });
    expect(plain).toMatch(
      /map \$https \$aries_hsts \{\n {4}on "max-age=\d+; includeSubDomains";\n {4}default "";/,
    );
    expect(plain).not.toContain('brotli_static');
    expect(plain).not.toContain('/v1/');
    expect(plain).not.toContain(' ssl');
    const tls = renderSite({
      ...EXAMPLE,
      tls: { listen: '443', certificate: '/etc/ssl/a.pem', key: '/etc/ssl/a.key' },
    });
    expect(tls).toContain('listen 443 ssl;');
    expect(tls).toContain('ssl_certificate /etc/ssl/a.pem;');
  });

  it('[DEPLOY-5] the standalone config keeps every file nginx writes under its prefix', () => {
    const conf = renderStandalone({ ...EXAMPLE, prefix: '/tmp/x/' });
    const paths = [...conf.matchAll(/^\s*(?:pid|error_log|access_log|\w+_temp_path) (\S+)/gm)];
    expect(paths).toHaveLength(8);
    for (const [, path] of paths) expect(path).toMatch(/^\/tmp\/x\/[a-z_.]+;?$/);
    expect(conf).toContain('daemon off;');
  });
});
