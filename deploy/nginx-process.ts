/**
 * Starts Debian's nginx in the foreground with the rendered config, on a free loopback port,
 * writing only under its own temporary prefix, so tests and benches need no root and leave
 * nothing behind. Throws, with what to install, when nginx or the brotli module is missing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { BROTLI_MODULE, renderStandalone } from './nginx-config.ts';

const INSTALL = 'apt-get install -y nginx libnginx-mod-http-brotli-static';

export type RunningNginx = {
  origin: string;
  port: number;
  /** Where its config, logs and temp files are (removed by stop). */
  prefix: string;
  stop: () => Promise<void>;
};

function nginxBinary(): string {
  const candidates = [process.env.NGINX_PATH, '/usr/sbin/nginx', 'nginx'].filter(
    (c): c is string => !!c,
  );
  for (const bin of candidates) {
    if (spawnSync(bin, ['-v'], { stdio: 'ignore' }).status === 0) return bin;
  }
  throw new Error(
    `nginx not found (tried ${candidates.join(', ')}): ${INSTALL}, or set NGINX_PATH`,
  );
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (typeof address === 'object' && address ? done(address.port) : fail()));
    });
  });
}

async function untilAnswering(origin: string, exited: () => string | undefined): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const why = exited();
    if (why) throw new Error(why);
    try {
      await fetch(`${origin}/index.html`, { method: 'HEAD' });
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not answer on ${origin} within 10 s`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

export async function startNginx(opts: {
  root: string;
  upstream?: string;
  /** Require the brotli static module (default: true). */
  brotli?: boolean;
}): Promise<RunningNginx> {
  const bin = nginxBinary();
  const brotli = opts.brotli ?? true;
  if (brotli && !existsSync(BROTLI_MODULE)) {
    throw new Error(`nginx brotli static module missing (${BROTLI_MODULE}): ${INSTALL}`);
  }
  const prefix = mkdtempSync(join(tmpdir(), 'aries-nginx-'));
  const port = await freePort();
  const config = join(prefix, 'nginx.conf');
  writeFileSync(
    config,
    renderStandalone({
      prefix,
      root: resolve(opts.root),
      listen: [`127.0.0.1:${port}`],
      upstream: opts.upstream,
      brotli,
      // Started as root, nginx would run its workers as nobody, who may not read the build.
      user: process.getuid?.() === 0 ? userInfo().username : undefined,
    }),
  );
  const child = spawn(bin, ['-p', `${prefix}/`, '-c', config, '-e', join(prefix, 'error.log')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let exit: string | undefined;
  const exited = new Promise<void>((done) =>
    child.on('exit', (code, signal) => {
      const log = existsSync(join(prefix, 'error.log'))
        ? readFileSync(join(prefix, 'error.log'), 'utf8')
        : '';
      exit = `nginx exited (${signal ?? code}): ${stderr}${log}`;
      done();
    }),
  );
  child.on('error', (e) => (exit = `nginx failed to start: ${e.message}`));
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    // SIGTERM is nginx's fast shutdown: it does not wait for open sockets to end.
    if (!exit) child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(killer);
    rmSync(prefix, { recursive: true, force: true });
  };
  try {
    await untilAnswering(origin, () => exit);
  } catch (e) {
    await stop();
    throw e;
  }
  return { origin, port, prefix, stop };
}
