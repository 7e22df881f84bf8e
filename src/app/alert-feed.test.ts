// Here, not beside the feed: it drives the real dispatcher into the real stores, which the
// feature itself may not import (features reach data only through the src/stores facade).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../socket/dispatcher';
import type { Dispatcher } from '../socket/dispatcher';
import { resetAllStores } from '../stores/reset';
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
import type { Alert, Thresholds } from '../features/alerts/alert-engine';
import { startAlertFeed } from '../features/alerts/alert-feed';
import type { AlertFeed } from '../features/alerts/alert-feed';

const sub = accountSub();
let d: Dispatcher;
let feed: AlertFeed;
let alerts: Alert[];
let thresholds: Thresholds;

const snapshot = (over: Parameters<typeof sampleAccountSnapshot>[1] = {}) =>
  d.onMessage(accountSnapshotMsg(sampleAccountSnapshot('A-10001', over)), metaFor(sub));
const live = (...msgs: Parameters<typeof orderUpdateMsg>[0][]) => {
  for (const o of msgs) d.onMessage(orderUpdateMsg(o), metaFor(sub));
  d.flush();
};
const bp = (v: string) => {
  d.onMessage(balanceUpdateMsg(sampleBalance({ netBuyingPower: v })), metaFor(sub));
  d.flush();
};

beforeEach(() => {
  resetAllStores();
  d = createDispatcher({ schedule: () => () => {} });
  alerts = [];
  thresholds = {};
  feed = startAlertFeed({ thresholdsOf: () => thresholds, onAlerts: (a) => alerts.push(...a) });
});
afterEach(() => {
  feed.stop();
  d.dispose();
});

describe('alert feed', () => {
  it('[ALERT-11] 40 filled orders in a (re)snapshot raise nothing; a live fill raises one alert, once', () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      sampleOrder({ ordId: `F-${i}`, ordStatus: 'FILLED', cumQty: '100', leavesQty: '0' }),
    );
    snapshot({ orders: many });
    snapshot({ orders: many }); // reconnect
    d.flush();
    expect(alerts).toEqual([]);
    const filled = sampleOrder({
      updatedAt: iso(5),
      ordStatus: 'FILLED',
      cumQty: '100',
      leavesQty: '0',
      avgPrice: '190.00',
    });
    live(filled);
    live(filled); // the same event again: ignored by the store, and would be de-duplicated
    expect(alerts.map((a) => a.title)).toEqual(['Filled: AAPL']);
  });

  it('[ALERT-12] a balance crossing alerts once; a re-snapshot beyond the line does not', () => {
    thresholds = { buyingPowerBelow: '100000' };
    snapshot();
    bp('99999.99');
    bp('90000');
    expect(alerts.map((a) => a.kind)).toEqual(['buyingPowerBelow']);
    bp('200000');
    snapshot({ balance: sampleBalance({ netBuyingPower: '50000' }) });
    d.flush();
    expect(alerts).toHaveLength(1);
    bp('200000');
    bp('1');
    expect(alerts).toHaveLength(2);
  });

  it('[ALERT-13] a threshold set while already crossed is a baseline, not an alert', () => {
    snapshot();
    bp('50000');
    thresholds = { buyingPowerBelow: '100000' };
    feed.rebaseline('A-10001');
    bp('40000');
    expect(alerts).toEqual([]);
    bp('150000');
    bp('90000');
    expect(alerts).toHaveLength(1);
  });
});
