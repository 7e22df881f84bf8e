/**
 * Bad input from the server, end to end inside the client (the real AccountSocket, dispatcher
 * and stores): a frame the validator refuses is dropped and counted and changes no store; an
 * event for an account nobody subscribed to is ignored and counted.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serverMessages } from '../protocol';
import { normalizeServerFrame } from '../protocol/normalize';
import { balancesStore } from '../stores/balances/store';
import { connectionStore } from '../stores/connection/store';
import { ordersStore } from '../stores/orders/store';
import { positionsStore } from '../stores/positions/store';
import { resetAllStores } from '../stores/reset';
import { SESSION_T, startClientSession } from '../testing/client-session';
import {
  sampleAccountSnapshot,
  sampleBalance,
  sampleOrder,
  samplePosition,
} from '../testing/store-samples';
import { BACKOFF_BASE_MS } from './backoff';

const ACCOUNT = 'A-10001';
const T = SESSION_T;

/** A signed-in socket subscribed to ACCOUNT with its snapshot applied; `feed` plays frames. */
async function subscribedSocket() {
  const session = await startClientSession([{ topic: 'account', params: { accountId: ACCOUNT } }]);
  const { ws } = session;
  const s = sampleAccountSnapshot(ACCOUNT);
  const sub = ws.lastSent('subscribe');
  ws.receive(
    serverMessages.subscribed(
      sub.id,
      'account',
      sub.payload.params,
      { ...s.info, ...s.balance, positions: s.positions, orders: [], ordersV2: s.orders },
      T,
    ),
  );
  /** Answers the latest subscribe (a retry) with `snapshot`, as a server would. */
  const answer = (snapshot: Parameters<typeof serverMessages.subscribed<'account'>>[3]) => {
    const again = ws.lastSent('subscribe');
    session.feed(serverMessages.subscribed(again.id, 'account', again.payload.params, snapshot, T));
  };
  return {
    socket: session.socket,
    feed: (texts: string[]) => session.feed(...texts),
    answer,
    subscribes: () => ws.sentOfType('subscribe').length,
    dispose: session.dispose,
  };
}

/** What the account stores hold for ACCOUNT, as the snapshot a server would send of it. */
function storeSnapshot() {
  const orders = [...ordersStore.getState().byId.values()];
  const positions = [...(positionsStore.getState().byAccount.get(ACCOUNT)?.values() ?? [])];
  const { balances, info } = balancesStore.getState();
  return {
    ...info.get(ACCOUNT)!,
    ...balances.get(ACCOUNT)!,
    positions,
    orders: [],
    ordersV2: orders,
  };
}

/** Everything the account stores hold, as plain comparable data. */
function storeDigest() {
  const orders = [...ordersStore.getState().byId.values()].sort((a, b) =>
    a.ordId.localeCompare(b.ordId),
  );
  const positions = [...positionsStore.getState().byAccount].map(([k, m]) => [k, [...m]]);
  const { balances, info } = balancesStore.getState();
  return JSON.stringify({ orders, positions, balances: [...balances], info: [...info] });
}

/** A valid live stream for ACCOUNT: orders moving, positions and balances changing. */
function validUpdates(n: number): object[] {
  return Array.from({ length: n }, (_, i) => {
    const at = new Date(T + (i + 1) * 1000).toISOString();
    const update =
      i % 3 === 0
        ? { type: 'order' as const, data: sampleOrder({ ordId: `O-${i % 7}`, updatedAt: at }) }
        : i % 3 === 1
          ? {
              type: 'position' as const,
              data: samplePosition({ accountId: ACCOUNT, qty: String(i + 1), updatedAt: at }),
            }
          : {
              type: 'balance' as const,
              data: sampleBalance({ accountId: ACCOUNT, totalEquity: `${100000 + i}.25` }),
            };
    return serverMessages.update('account', i + 1, update, T + i * 1000);
  });
}

const badValue = fc.constantFrom<unknown>(
  null,
  42,
  1.5,
  true,
  '',
  'abc',
  '1e3',
  '12,50',
  'NaN',
  {},
  [],
  'x'.repeat(5000),
  '2026-13-45T99:99:99Z',
);

/** One mutation of a valid frame: a field made wrong or missing, the envelope or the text broken. */
function mutate(frame: object) {
  return fc.oneof(
    fc.tuple(fc.nat(), badValue).map(([k, v]) => {
      const f = structuredClone(frame) as { payload: { data: Record<string, unknown> } };
      const keys = Object.keys(f.payload.data);
      f.payload.data[keys[k % keys.length]!] = v;
      return JSON.stringify(f);
    }),
    fc.nat().map((k) => {
      const f = structuredClone(frame) as { payload: { data: Record<string, unknown> } };
      const keys = Object.keys(f.payload.data);
      delete f.payload.data[keys[k % keys.length]!];
      return JSON.stringify(f);
    }),
    fc.tuple(fc.constantFrom('type', 'action', 'topic', 'data', 'seq'), badValue).map(([k, v]) => {
      const f = structuredClone(frame) as { payload: Record<string, unknown> };
      f.payload[k] = v;
      return JSON.stringify(f);
    }),
    fc.nat().map((k) => {
      const text = JSON.stringify(frame);
      return text.slice(0, k % text.length);
    }),
    fc.string({ maxLength: 100 }),
  );
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  resetAllStores();
});

describe('bad input from the server', () => {
  it('[BADIN-1] refused frames mixed into a live stream (fuzzed): each is counted, and the stores end exactly as without them', async () => {
    const valid = validUpdates(30).map((f) => JSON.stringify(f));
    const clean = await subscribedSocket();
    clean.feed(valid);
    const expected = storeDigest();
    const truth = storeSnapshot();
    clean.dispose();
    expect(JSON.parse(expected).orders.length).toBeGreaterThan(1);

    let tried = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc
            .tuple(fc.nat({ max: valid.length - 1 }), fc.nat({ max: valid.length }))
            .chain(([src, at]) => mutate(JSON.parse(valid[src]!)).map((text) => ({ text, at }))),
          { minLength: 1, maxLength: 12 },
        ),
        async (bad) => {
          // Only what the validator refuses is bad input; a mutation that is still valid data
          // is not, and is left out.
          const refused = bad.filter((b) => !normalizeServerFrame(b.text).ok);
          tried += refused.length;
          const stream = [...valid];
          for (const b of [...refused].sort((x, y) => y.at - x.at)) stream.splice(b.at, 0, b.text);
          const run = await subscribedSocket();
          run.feed(stream);
          const drops = Object.values(connectionStore.getState().drops).reduce((a, b) => a + b, 0);
          const state = run.socket.getState().status;
          // A refused update the socket can tie to the account marks it possibly out of date
          // and re-subscribes (after a backoff) for a fresh snapshot: the stores then end as the
          // server's state, never on a silently skipped event.
          const failed = connectionStore.getState().freshness.get(`account:${ACCOUNT}`);
          if (failed?.status === 'failed') {
            const before = run.subscribes();
            // The first failure in a row retries within the first backoff step (≤ 1 s).
            await vi.advanceTimersByTimeAsync(BACKOFF_BASE_MS);
            expect(run.subscribes()).toBe(before + 1);
            run.answer(truth);
            expect(connectionStore.getState().freshness.get(`account:${ACCOUNT}`)?.status).toBe(
              'live',
            );
          }
          const digest = storeDigest();
          run.dispose();
          expect(state).toBe('subscribed');
          expect(drops).toBe(refused.length);
          expect(digest).toBe(expected);
        },
      ),
      { numRuns: 40, seed: 20261125 },
    );
    expect(tried).toBeGreaterThan(100);
  });

  it('[BADIN-2] a valid event for an account nobody subscribed to reaches no store and is counted', async () => {
    const run = await subscribedSocket();
    const before = storeDigest();
    run.feed([
      JSON.stringify(
        serverMessages.update(
          'account',
          1,
          { type: 'order', data: sampleOrder({ ordId: 'FOREIGN', accountId: 'A-99999' }) },
          T,
        ),
      ),
      JSON.stringify(
        serverMessages.update(
          'account',
          1,
          { type: 'balance', data: sampleBalance({ accountId: 'A-99999' }) },
          T,
        ),
      ),
    ]);
    expect(storeDigest()).toBe(before);
    expect(ordersStore.getState().byId.has('FOREIGN')).toBe(false);
    expect(connectionStore.getState().drops['ignored:not-subscribed']).toBe(2);
    expect(run.socket.getState().status).toBe('subscribed');
    run.dispose();
  });
});
