/** Server configuration from the environment, validated once at start with readable errors. */
import { z } from 'zod';
import { PROTOCOL_DEFAULTS } from '../src/protocol';
import { SCENARIOS } from './sim/scenario';

const int = (fallback: number) => z.coerce.number().int().nonnegative().default(fallback);
const flag = z
  .union([z.boolean(), z.enum(['1', '0', 'true', 'false', ''])])
  .default(false)
  .transform((v) => v === true || v === '1' || v === 'true');

export const ConfigSchema = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  port: int(8787),
  staticDir: z.string().optional(),
  /** Behind one reverse proxy: take the client's address from X-Forwarded-For. */
  trustProxy: flag,
  /** Token endpoint throttling (server/auth/login-throttle.ts). */
  loginMaxFailures: int(5),
  loginMaxClientFailures: int(50),
  loginDelayMs: int(250),
  loginMaxDelayMs: int(2000),
  loginLockMs: int(60_000),
  /** Comma-separated origins allowed to call the REST API cross-origin; none by default. */
  corsOrigins: z.string().optional(),
  control: flag,
  simSeed: int(42),
  /** The kind of day the simulator plays: a normal one, a busy algorithmic account, a sell-off. */
  simScenario: z.enum(SCENARIOS).default('quiet'),
  /** Set: every frame is sent as ours or in a random tolerated spelling (ws/respeller.ts). */
  spellingsSeed: z.coerce.number().int().nonnegative().optional(),
  simRate: z.coerce.number().nonnegative().default(3),
  authTimeoutMs: int(PROTOCOL_DEFAULTS.authTimeoutMs),
  sessionTtlMs: int(PROTOCOL_DEFAULTS.sessionTtlMs),
  refreshWarningMs: int(PROTOCOL_DEFAULTS.refreshWarningMs),
  tokenTtlMs: int(0),
  jwtSecret: z.string().optional(),
  maxFrameBytes: int(PROTOCOL_DEFAULTS.maxFrameBytes),
  rateLimit: int(50),
  maxSubscriptions: int(64),
  maxInvalidTokens: int(5),
  /** A socket holding more unsent bytes than this is too slow to keep up and is closed. */
  maxBufferedBytes: int(8 * 1024 * 1024),
  /** How long a cut-off slow consumer may still read its close frame before it is destroyed. */
  slowConsumerGraceMs: int(1000),
});
export type ServerConfig = z.infer<typeof ConfigSchema>;

const ENV: Record<string, keyof ServerConfig> = {
  HOST: 'host',
  PORT: 'port',
  STATIC_DIR: 'staticDir',
  CORS_ORIGINS: 'corsOrigins',
  TRUST_PROXY: 'trustProxy',
  LOGIN_MAX_FAILURES: 'loginMaxFailures',
  LOGIN_MAX_CLIENT_FAILURES: 'loginMaxClientFailures',
  LOGIN_DELAY_MS: 'loginDelayMs',
  LOGIN_MAX_DELAY_MS: 'loginMaxDelayMs',
  LOGIN_LOCK_MS: 'loginLockMs',
  SIM_CONTROL: 'control',
  SIM_SEED: 'simSeed',
  SIM_SCENARIO: 'simScenario',
  SPELLINGS_SEED: 'spellingsSeed',
  SIM_RATE: 'simRate',
  AUTH_TIMEOUT_MS: 'authTimeoutMs',
  SESSION_TTL_MS: 'sessionTtlMs',
  REFRESH_WARNING_MS: 'refreshWarningMs',
  TOKEN_TTL_MS: 'tokenTtlMs',
  JWT_SECRET: 'jwtSecret',
  MAX_FRAME_BYTES: 'maxFrameBytes',
  RATE_LIMIT: 'rateLimit',
  MAX_SUBSCRIPTIONS: 'maxSubscriptions',
  MAX_INVALID_TOKENS: 'maxInvalidTokens',
};

export function loadConfig(
  overrides: Partial<ServerConfig> = {},
  env: NodeJS.ProcessEnv = process.env,
): ServerConfig {
  const raw: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(ENV)) if (env[name] !== undefined) raw[key] = env[name];
  const parsed = ConfigSchema.safeParse({ ...raw, ...overrides });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid server configuration:\n${lines.join('\n')}`);
  }
  const config = parsed.data;
  if (config.tokenTtlMs === 0) config.tokenTtlMs = config.sessionTtlMs;
  return config;
}
