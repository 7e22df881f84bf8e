/**
 * The embedded Account Updates server: HTTP (token, accounts, static app, control API) and
 * the WebSocket on one port. `startServer` is what `npm run server`, `npm start` and every
 * integration and e2e test use.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PROTOCOL_DEFAULTS } from '../src/protocol';
import { createLoginThrottle } from './auth/login-throttle';
import { createTokenIssuer } from './auth/tokens';
import { loadConfig, type ServerConfig } from './config';
import { createControlApi } from './control/control-api';
import { handleAccounts, handleRevoke, handleToken } from './http/auth-routes';
import { clientAddress } from './http/client-address';
import { applyCors, parseOrigins } from './http/cors';
import { HttpError, sendJson } from './http/json';
import { requestPath } from './http/request-path';
import { serveStatic } from './http/static-files';
import { SimError, createSimulator } from './sim/simulator';
import type { Simulator } from './sim/types';
import { Gateway } from './ws/gateway';

export type { ServerConfig } from './config';

export type RunningServer = {
  host: string;
  port: number;
  httpUrl: string;
  wsUrl: string;
  config: ServerConfig;
  sim: Simulator;
  gateway: Gateway;
  issueToken(userId: string): Promise<string>;
  connections(): number;
  close(): Promise<void>;
};

export async function startServer(
  overrides: Partial<ServerConfig> = {},
  opts: { now?: () => number; log?: (msg: string) => void } = {},
): Promise<RunningServer> {
  const config = loadConfig(overrides);
  const now = opts.now ?? Date.now;
  const log = opts.log ?? ((msg: string) => console.error(`[server] ${msg}`));
  const sim = createSimulator({ seed: config.simSeed, now, scenario: config.simScenario });
  const tokens = createTokenIssuer({
    accessTtlMs: config.tokenTtlMs,
    now,
    ...(config.jwtSecret ? { secret: config.jwtSecret } : {}),
  });
  const gateway = new Gateway({ config, sim, tokens, now, log });
  const controlApi = config.control ? createControlApi({ sim, gateway, now, tokens }) : undefined;

  const corsOrigins = parseOrigins(config.corsOrigins);
  const throttle = createLoginThrottle(
    {
      maxFailures: config.loginMaxFailures,
      maxClientFailures: config.loginMaxClientFailures,
      delayMs: config.loginDelayMs,
      maxDelayMs: config.loginMaxDelayMs,
      lockMs: config.loginLockMs,
      maxLockMs: 15 * 60_000,
      windowMs: 15 * 60_000,
      maxEntries: 10_000,
    },
    now,
  );

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = requestPath(req).raw;
    // The control API is never offered cross-origin, whatever CORS_ORIGINS says.
    const corsAllowed = !path.startsWith('/__control') && applyCors(req, res, corsOrigins);
    if (req.method === 'OPTIONS') {
      res.writeHead(corsAllowed ? 204 : 403).end();
      return;
    }
    if (path === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    if (path === PROTOCOL_DEFAULTS.tokenPath && req.method === 'POST')
      return handleToken(req, res, {
        sim,
        tokens,
        throttle,
        client: clientAddress(req, config.trustProxy),
        trustProxy: config.trustProxy,
      });
    if (path === PROTOCOL_DEFAULTS.revokePath && req.method === 'POST')
      return handleRevoke(req, res, { tokens, trustProxy: config.trustProxy });
    if (path === PROTOCOL_DEFAULTS.accountsPath && req.method === 'GET') {
      return handleAccounts(req, res, { sim, tokens });
    }
    if (path.startsWith('/__control/') && controlApi)
      return controlApi(req, res, path.slice('/__control'.length));
    if (config.staticDir && !path.startsWith('/v1/') && !path.startsWith('/__control')) {
      if (await serveStatic(config.staticDir, req, res)) return;
    }
    throw new HttpError(404, `not found: ${req.method} ${path}`);
  }

  const http = createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : e instanceof SimError ? e.status : 500;
      const message = e instanceof Error ? e.message : String(e);
      if (status === 500) log(`request failed: ${message}`);
      if (res.headersSent) return void res.end();
      sendJson(res, status, e instanceof HttpError && e.body ? e.body : { error: message });
    });
  });
  http.on('upgrade', (req, socket, head) => gateway.handleUpgrade(req, socket, head));

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  const hostForUrl = config.host.includes(':') ? `[${config.host}]` : config.host;
  sim.start(config.simRate);

  return {
    host: config.host,
    port,
    httpUrl: `http://${hostForUrl}:${port}`,
    wsUrl: `ws://${hostForUrl}:${port}${PROTOCOL_DEFAULTS.wsPath}`,
    config,
    sim,
    gateway,
    issueToken: (userId) => tokens.issueAccess(userId),
    connections: () => gateway.connections.size,
    async close() {
      sim.stop();
      await gateway.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
