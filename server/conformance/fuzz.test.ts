/**
 * A bounded fuzz run against the real server: random strings, random JSON and valid messages
 * with mutated fields (topics, params, ids, tokens, paths — including another user's account)
 * from a fixed seed. The server must never crash, never stop serving another connection, only
 * ever answer with frames the client's validator accepts, and never send one user another
 * user's account data.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeServerFrame } from '../../src/protocol/normalize';
import type { RunningServer } from '../index';
import { TestClient, authedClient, startTestServer } from './harness';

const OTHER_ACCOUNT = 'A-20001'; // belongs to user "other", never to "demo"
// A day before the run, not a fixed date: each pnl subscription builds every candle since its
// start, so a fixed date made the run slower every day until the final pong missed its deadline.
const YESTERDAY = new Date(Date.now() - 86_400_000).toISOString();

const anyValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
);
const topic = fc.oneof(
  fc.constantFrom('account', 'pnl', 'watchlist', 'news', 'orders', 'ACCOUNT', '', '__proto__'),
  fc.string(),
);
const params = fc.oneof(
  fc.record(
    {
      accountId: fc.oneof(fc.constantFrom('A-10001', OTHER_ACCOUNT, 'A-99999', ''), fc.string()),
      startTime: fc.oneof(fc.constantFrom(YESTERDAY, 'yesterday'), fc.string()),
      interval: fc.oneof(fc.constantFrom('1m', '1d', '7m'), fc.string()),
      symbols: fc.oneof(fc.array(fc.string(), { maxLength: 5 }), anyValue),
      topics: fc.oneof(fc.array(fc.string(), { maxLength: 5 }), anyValue),
    },
    { requiredKeys: [] },
  ),
  anyValue,
);
const id = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.constant(undefined));
// Well-formed subscriptions to real and foreign accounts, so the authorisation paths run too.
const subscription = fc.record({
  type: fc.constantFrom('subscribe', 'unsubscribe'),
  id,
  payload: fc.record({
    topic: fc.constantFrom('account', 'pnl'),
    params: fc.record({
      accountId: fc.constantFrom('A-10001', 'A-10002', OTHER_ACCOUNT, 'A-99999'),
      startTime: fc.constant(YESTERDAY),
      interval: fc.constantFrom('1m', '1h', '1d'),
    }),
  }),
});
const message = fc.oneof(
  subscription,
  fc.record({
    type: fc.constantFrom('subscribe', 'unsubscribe'),
    id,
    payload: fc.record({ topic, params }),
  }),
  fc.record({ type: fc.constant('subscribe'), id, payload: anyValue }),
  fc.record({ type: fc.constant('ping'), id }),
  fc.record({
    type: fc.constant('request'),
    id,
    payload: fc.record({
      method: fc.oneof(fc.constantFrom('post', 'get', 'POST'), fc.string()),
      path: fc.oneof(fc.constantFrom('/auth', '/orders', '/../admin'), fc.string()),
      body: fc.oneof(fc.record({ token: fc.oneof(fc.string(), anyValue) }), anyValue),
    }),
  }),
  fc.record({ type: fc.string(), id, payload: anyValue }),
);
const frame = fc.oneof(
  { weight: 6, arbitrary: message.map((m) => JSON.stringify(m)) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
  { weight: 2, arbitrary: fc.string({ maxLength: 200 }) },
);

describe('fuzzing the server', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ rateLimit: 10_000, maxInvalidTokens: 1_000 });
  });
  afterAll(() => server.close());

  it('[FUZZ-1] 600 random and mutated frames: no crash, no leak, only valid answers, others unaffected', async () => {
    const bystander = await authedClient(server, 'other');
    bystander.send({
      type: 'subscribe',
      id: 'b-1',
      payload: { topic: 'account', params: { accountId: OTHER_ACCOUNT } },
    });
    await bystander.waitFor((f) => f.payload?.action === 'subscribed');

    const frames = fc.sample(frame, { numRuns: 600, seed: 20261125 });
    const clients: TestClient[] = [];
    let fuzzer = await authedClient(server);
    clients.push(fuzzer);
    for (const f of frames) {
      // A connection the server closed (a limit, bad auth) is replaced; the run goes on.
      if (fuzzer.closeCode !== undefined) {
        fuzzer = await authedClient(server);
        clients.push(fuzzer);
      }
      fuzzer.send(f);
    }
    fuzzer.send({ type: 'ping', id: 'fuzz-end' });
    await fuzzer.waitFor((x) => x.type === 'pong' && x.id === 'fuzz-end', 10_000);

    const answers = clients.flatMap((c) => c.raw);
    expect(answers.length).toBeGreaterThan(100);
    const invalid = answers.filter((raw) => !normalizeServerFrame(raw).ok);
    expect(invalid).toEqual([]);
    // The run reached the interesting paths, not only the JSON parser.
    const codes = new Set(clients.flatMap((c) => c.frames.map((x) => x.payload?.code)));
    const actions = new Set(clients.flatMap((c) => c.frames.map((x) => x.payload?.action)));
    console.log(
      `fuzz: ${frames.length} frames sent over ${clients.length} connections, ${answers.length} answers; codes ${[...codes].filter(Boolean).join(' ')}; actions ${[...actions].filter(Boolean).join(' ')}`,
    );
    expect(codes).toContain('INVALID_MESSAGE');
    expect(codes).toContain('ACCESS_DENIED');
    // The only frame that may name the foreign account is its refusal (the fuzz once found an
    // unsubscribe from it acknowledged; pinned by [ISO-2]).
    const leaks = clients
      .flatMap((c) => c.frames)
      .filter((x) => JSON.stringify(x).includes(OTHER_ACCOUNT))
      .filter((x) => x.payload?.code !== 'ACCESS_DENIED');
    expect(leaks).toEqual([]);

    // The server still serves: HTTP, and the bystander's connection.
    expect((await fetch(`${server.httpUrl}/healthz`)).ok).toBe(true);
    bystander.send({ type: 'ping', id: 'b-ping' });
    await bystander.waitFor((f) => f.type === 'pong' && f.id === 'b-ping');
    expect(bystander.closeCode).toBeUndefined();
    for (const c of clients) c.close();
    bystander.close();
  }, 60_000);
});
