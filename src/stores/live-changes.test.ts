import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../socket/dispatcher';
import type { Dispatcher } from '../socket/dispatcher';
import {
  accountSnapshotMsg,
  accountSub,
  balanceUpdateMsg,
  iso,
  metaFor,
  orderUpdateMsg,
  sampleAccountSnapshot,
  sampleBalance,
  sampleOrder,
} from '../testing/store-samples';
import type { BalanceChange } from './balances/changes';
import { subscribeBalanceChanges } from './balances/changes';
import type { OrderTransition } from './orders/transitions';
import { subscribeOrderTransitions } from './orders/transitions';
import { resetAllStores } from './reset';

const sub = accountSub();
let d: Dispatcher;
let transitions: OrderTransition[][];
let balances: BalanceChange[][];
let stop: (() => void)[];

beforeEach(() => {
  resetAllStores();
  d = createDispatcher({ schedule: () => () => {} });
  transitions = [];
  balances = [];
  stop = [
    subscribeOrderTransitions((t) => transitions.push([...t])),
    subscribeBalanceChanges((c) => balances.push([...c])),
  ];
});
afterEach(() => {
  for (const s of stop) s();
  d.dispose();
});

const snapshot = () =>
  d.onMessage(accountSnapshotMsg(sampleAccountSnapshot('A-10001')), metaFor(sub));

describe('live changes for the alert feed', () => {
  it('[ALERT-FEED-1] the first snapshot and a re-snapshot yield no order transitions and non-live balances', () => {
    snapshot();
    expect(transitions).toEqual([]);
    expect(balances.map((b) => b.map((c) => c.live))).toEqual([[false]]);
    d.onMessage(
      orderUpdateMsg(sampleOrder({ updatedAt: iso(1), ordStatus: 'FILLED' })),
      metaFor(sub),
    );
    snapshot(); // re-snapshot (reconnect) supersedes the queued update
    d.flush();
    expect(transitions).toEqual([]);
    expect(balances.at(-1)?.map((c) => c.live)).toEqual([false]);
  });

  it('[ALERT-FEED-2] live events yield prev → next per order, once per frame; balance updates are live', () => {
    snapshot();
    const partial = sampleOrder({ updatedAt: iso(1), ordStatus: 'PARTIALLY_FILLED', cumQty: '40' });
    d.onMessage(orderUpdateMsg(partial), metaFor(sub));
    d.onMessage(balanceUpdateMsg(sampleBalance({ netBuyingPower: '1.00' })), metaFor(sub));
    d.flush();
    expect(transitions).toHaveLength(1);
    expect(transitions[0]?.[0]?.prev?.cumQty).toBe('0');
    expect(transitions[0]?.[0]?.next).toBe(partial);
    expect(balances.at(-1)).toMatchObject([{ accountId: 'A-10001', live: true }]);
  });

  it('[ALERT-FEED-3] a frame that folds a re-snapshot and later events yields no transitions', () => {
    snapshot();
    snapshot(); // queued (not the first for this key)
    d.onMessage(orderUpdateMsg(sampleOrder({ updatedAt: iso(1), cumQty: '10' })), metaFor(sub));
    d.flush();
    expect(transitions).toEqual([]);
  });
});
