import { describe, expect, it } from 'vitest';
import { applyBalanceSnapshot, initialBalancesState } from '../balances/apply-balances';
import { applyOrdersSnapshot, initialOrdersState } from '../orders/apply-orders';
import { applyPnlSnapshot, initialPnlState } from '../pnl/apply-pnl';
import { applyPositionsSnapshot, initialPositionsState } from '../positions/apply-positions';
import {
  iso,
  sampleBalance,
  sampleCandle,
  sampleInfo,
  sampleOrder,
  samplePosition,
} from '../../testing/store-samples';
import {
  buildAccountRecord,
  cacheIdentity,
  capOrders,
  CACHE_SCHEMA_VERSION,
  MAX_CACHED_CANDLES,
  readAccountRecord,
  recordId,
} from './cache-record';

const A = 'A-10001';
const B = 'A-10002';
const ME = 'u-1001@http://127.0.0.1:8787';

function states() {
  const orders = applyOrdersSnapshot(
    applyOrdersSnapshot(initialOrdersState(), A, [
      sampleOrder({ ordId: 'O-1', accountId: A }),
      sampleOrder({ ordId: 'O-2', accountId: A, ordStatus: 'FILLED' }),
    ]),
    B,
    [sampleOrder({ ordId: 'O-9', accountId: B })],
  );
  const positions = applyPositionsSnapshot(initialPositionsState(), A, [
    samplePosition({ accountId: A }),
  ]);
  const balances = applyBalanceSnapshot(
    initialBalancesState(),
    sampleBalance({ accountId: A }),
    sampleInfo({ accountId: A }),
  );
  const candles = Array.from({ length: MAX_CACHED_CANDLES + 10 }, (_, i) =>
    sampleCandle(1_800_000_000 + i * 60, { accountId: A }),
  );
  const pnl = applyPnlSnapshot(
    initialPnlState(),
    `pnl:${A}`,
    { accountId: A, interval: '1m' },
    candles,
  );
  return { orders, positions, balances, pnl };
}

describe('cache records', () => {
  it('[CACHE-1] a record holds one account only, what the pages show, with candles capped to the newest', () => {
    const r = buildAccountRecord(states(), ME, A, `pnl:${A}`, 123);
    expect(r.id).toBe(recordId(ME, A));
    expect(r.schema).toBe(CACHE_SCHEMA_VERSION);
    expect(r.asOf).toBe(123);
    expect(r.orders.map((o) => o.ordId).sort()).toEqual(['O-1', 'O-2']);
    expect(r.positions).toHaveLength(1);
    expect(r.balance?.accountId).toBe(A);
    expect(r.info?.accountType).toBe('MARGIN');
    expect(r.pnl?.interval).toBe('1m');
    expect(r.pnl?.candles).toHaveLength(MAX_CACHED_CANDLES);
    expect(r.pnl?.candles.at(-1)?.t).toBe(1_800_000_000 + (MAX_CACHED_CANDLES + 9) * 60);
    // Only the fields of the domain objects: no news, no session, nothing else.
    expect(Object.keys(r).sort()).toEqual(
      [
        'accountId',
        'asOf',
        'balance',
        'id',
        'identity',
        'info',
        'orders',
        'pnl',
        'positions',
        'schema',
      ].sort(),
    );
    // Without a live P&L key no candles are kept; an account with nothing yields empty lists.
    expect(buildAccountRecord(states(), ME, A, undefined, 1).pnl).toBeUndefined();
    const none = buildAccountRecord(states(), ME, 'A-X', undefined, 1);
    expect([none.orders, none.positions, none.balance]).toEqual([[], [], undefined]);
  });

  it('[CACHE-1b] over the cap, every working order is kept first, then the newest closed ones', () => {
    const orders = [
      sampleOrder({ ordId: 'old-filled', ordStatus: 'FILLED', updatedAt: iso(1) }),
      sampleOrder({ ordId: 'working', ordStatus: 'NEW', updatedAt: iso(0) }),
      sampleOrder({ ordId: 'new-cancel', ordStatus: 'CANCELED', updatedAt: iso(5) }),
      sampleOrder({ ordId: 'partial', ordStatus: 'PARTIALLY_FILLED', updatedAt: iso(2) }),
    ];
    expect(capOrders(orders, 3).map((o) => o.ordId)).toEqual(['partial', 'working', 'new-cancel']);
    expect(capOrders(orders, 10)).toHaveLength(4);
    // Ties at the cut are filled up to the cap exactly; working orders beyond the cap keep the newest.
    const tied = Array.from({ length: 5 }, (_, i) =>
      sampleOrder({ ordId: `T-${i}`, ordStatus: 'FILLED', updatedAt: iso(7) }),
    );
    expect(capOrders([...tied, sampleOrder({ ordId: 'W' })], 3).map((o) => o.ordId)).toEqual([
      'W',
      'T-0',
      'T-1',
    ]);
    const working = Array.from({ length: 5 }, (_, i) =>
      sampleOrder({ ordId: `W-${i}`, updatedAt: iso(i) }),
    );
    expect(capOrders(working, 2).map((o) => o.ordId)).toEqual(['W-4', 'W-3']);
  });

  it('[CACHE-2] reading back drops another identity, another schema, bad ids and invalid data; strips unknown fields', () => {
    const r = buildAccountRecord(states(), ME, A, `pnl:${A}`, 123);
    const stored = JSON.parse(JSON.stringify({ ...r, token: 'eyJ.secret.x' }));
    const back = readAccountRecord(stored, ME);
    expect(back).toEqual(JSON.parse(JSON.stringify(r)));
    expect(back && 'token' in back).toBe(false);
    expect(readAccountRecord(stored, 'u-2002@http://127.0.0.1:8787')).toBeUndefined();
    expect(readAccountRecord({ ...stored, schema: CACHE_SCHEMA_VERSION + 1 }, ME)).toBeUndefined();
    expect(readAccountRecord({ ...stored, id: recordId(ME, B) }, ME)).toBeUndefined();
    const broken = { ...stored, orders: [{ ...stored.orders[0], qty: 5 }] };
    expect(readAccountRecord(broken, ME)).toBeUndefined();
    expect(readAccountRecord(null, ME)).toBeUndefined();
  });

  it('[CACHE-ID] the identity is user + API origin; no user id, no cache', () => {
    expect(cacheIdentity('u-1', 'http://127.0.0.1:8787/')).toBe('u-1@http://127.0.0.1:8787');
    expect(cacheIdentity('u-1', 'https://api.aries.com')).not.toBe(
      cacheIdentity('u-1', 'http://127.0.0.1:8787'),
    );
    expect(cacheIdentity('u-1', '', 'http://127.0.0.1:5173/orders')).toBe(
      'u-1@http://127.0.0.1:5173',
    );
    expect(cacheIdentity(undefined, 'https://api.aries.com')).toBeUndefined();
  });
});
