import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../index';
import { startTestServer } from '../conformance/harness';
import { CONTROL_HEADER } from '../control/control-guard';

/** A raw request: the path goes on the wire exactly as written (fetch would normalise it). */
function raw(
  server: RunningServer,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: server.host,
        port: server.port,
        path,
        method: opts.method ?? 'GET',
        headers: opts.headers,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const SECRET = 'sibling secret 7f3a';

describe('HTTP edge of the embedded server', () => {
  let server: RunningServer;
  let base: string;
  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'aries-edge-'));
    mkdirSync(join(base, 'dist'));
    mkdirSync(join(base, 'dist-private'));
    writeFileSync(join(base, 'dist', 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(base, 'dist', 'app.js'), 'console.log(1)');
    writeFileSync(join(base, 'dist-private', 'secret.txt'), SECRET);
    writeFileSync(join(base, 'secret.txt'), SECRET);
    server = await startTestServer({ staticDir: join(base, 'dist') });
  });
  afterAll(async () => {
    await server.close();
    rmSync(base, { recursive: true, force: true });
  });

  it('[EDGE-1] serves files inside the static root', async () => {
    expect((await raw(server, '/app.js')).body).toBe('console.log(1)');
    expect((await raw(server, '/orders')).body).toContain('<title>app</title>');
  });

  it.each([
    '/../dist-private/secret.txt',
    '/..%2fdist-private%2fsecret.txt',
    '/%2e%2e/dist-private/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%252fdist-private%252fsecret.txt',
    '/%252e%252e%252fsecret.txt',
    '/..\\dist-private\\secret.txt',
    '/..%5cdist-private%5csecret.txt',
    '/assets/..%2f..%2fdist-private%2fsecret.txt',
    '/..%2f..%2f' + 'x'.repeat(3) + '%2f..%2fsecret.txt',
  ])('[EDGE-2] traversal spelling %s never serves a file outside the root', async (path) => {
    const res = await raw(server, path);
    expect(res.body).not.toContain(SECRET);
    expect(res.status).not.toBe(500);
  });

  it.each(['/%E0%A4%A', '/%', '/%zz', '/app.js%', '/%00.js', '/v1/%C0'])(
    '[EDGE-3] malformed URL %s → 400, not 500',
    async (path) => {
      expect((await raw(server, path)).status).toBe(400);
    },
  );

  it('[EDGE-4] no CORS by default: no allow-origin header, preflight refused', async () => {
    const origin = { origin: 'https://evil.example' };
    const token = await raw(server, '/v1/oauth2/token', {
      method: 'POST',
      headers: { ...origin, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(token.headers['access-control-allow-origin']).toBeUndefined();
    const pre = await raw(server, '/v1/oauth2/token', {
      method: 'OPTIONS',
      headers: { ...origin, 'access-control-request-method': 'POST' },
    });
    expect(pre.status).toBe(403);
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('[EDGE-5] CORS_ORIGINS allows exactly the listed origins, never for the control API', async () => {
    const cors = await startTestServer({
      corsOrigins: 'http://localhost:5173, https://app.example',
    });
    try {
      const allowed = await raw(cors, '/healthz', { headers: { origin: 'https://app.example' } });
      expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example');
      const other = await raw(cors, '/healthz', { headers: { origin: 'https://evil.example' } });
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
      const pre = await raw(cors, '/__control/sim/reset', {
        method: 'OPTIONS',
        headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' },
      });
      expect(pre.status).toBe(403);
      expect(pre.headers['access-control-allow-origin']).toBeUndefined();
      const post = await raw(cors, '/__control/sim/step', {
        method: 'POST',
        headers: {
          origin: 'https://app.example',
          'content-type': 'application/json',
          [CONTROL_HEADER]: '1',
        },
        body: '{}',
      });
      expect(post.status).toBe(403);
    } finally {
      await cors.close();
    }
  });

  it('[EDGE-6] the control API refuses simple cross-origin requests and anything without its header', async () => {
    const step = (headers: Record<string, string>, body = '{"count":1}') =>
      raw(server, '/__control/sim/step', { method: 'POST', headers, body });
    // What a cross-origin page can send without a preflight.
    expect(
      (await step({ origin: 'https://evil.example', 'content-type': 'text/plain' })).status,
    ).toBe(403);
    expect((await step({ 'content-type': 'text/plain' })).status).toBe(403);
    expect(
      (
        await step(
          { 'content-type': 'application/x-www-form-urlencoded', [CONTROL_HEADER]: '1' },
          'count=1',
        )
      ).status,
    ).toBe(415);
    expect((await step({ 'content-type': 'text/plain', [CONTROL_HEADER]: '1' })).status).toBe(415);
    expect(
      (
        await step({
          'content-type': 'application/json',
          [CONTROL_HEADER]: '1',
          'sec-fetch-site': 'cross-site',
        })
      ).status,
    ).toBe(403);
    expect((await raw(server, '/__control/connections')).status).toBe(403);
    // The deliberate caller still gets through.
    expect((await step({ 'content-type': 'application/json', [CONTROL_HEADER]: '1' })).status).toBe(
      200,
    );
    expect(
      (await raw(server, '/__control/connections', { headers: { [CONTROL_HEADER]: '1' } })).status,
    ).toBe(200);
  });
});
