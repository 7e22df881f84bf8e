import { afterEach, describe, expect, it } from 'vitest';
import { iso, sampleOrder } from '../../testing/store-samples';
import { findOrders } from './selectors';
import type { Order } from '../../protocol';
import { applyOrdersSnapshot } from './apply-orders';
import { resetOrders, updateOrders } from './store';

const setOrdersSnapshot = (accountId: string, orders: Order[]) =>
  updateOrders((s) => applyOrdersSnapshot(s, accountId, orders));

afterEach(resetOrders);

describe('findOrders', () => {
  it('[FIND-ORD-1] matches id or symbol, exact id and symbol prefix first, then newest', () => {
    setOrdersSnapshot('A-1', [
      sampleOrder({ ordId: 'O-7', accountId: 'A-1', symbol: 'AAPL', createdAt: iso(1) }),
      sampleOrder({ ordId: 'O-8', accountId: 'A-1', symbol: 'AAPL', createdAt: iso(2) }),
      sampleOrder({ ordId: 'O-9', accountId: 'A-1', symbol: 'PAAS', createdAt: iso(3) }),
      sampleOrder({ ordId: 'AA-1', accountId: 'A-1', symbol: 'NVDA', createdAt: iso(4) }),
    ]);
    expect(findOrders('A-1', 'aa').map((o) => o.ordId)).toEqual(['O-8', 'O-7', 'AA-1', 'O-9']);
    expect(findOrders('A-1', 'o-9').map((o) => o.ordId)).toEqual(['O-9']);
    expect(findOrders('A-1', 'aa', 2)).toHaveLength(2);
    expect(findOrders('A-1', '  ')).toEqual([]);
  });

  it("[ALLACCT-FIND-1] with every account selected, every account's orders are found", () => {
    setOrdersSnapshot('A-1', [sampleOrder({ ordId: 'O-1', accountId: 'A-1', symbol: 'MSFT' })]);
    setOrdersSnapshot('A-2', [sampleOrder({ ordId: 'O-2', accountId: 'A-2', symbol: 'MSFT' })]);
    expect(
      findOrders(undefined, 'MSFT')
        .map((o) => o.ordId)
        .sort(),
    ).toEqual(['O-1', 'O-2']);
  });

  it("[FIND-ORD-2] another account's orders are never found", () => {
    setOrdersSnapshot('A-1', [sampleOrder({ ordId: 'O-1', accountId: 'A-1', symbol: 'MSFT' })]);
    setOrdersSnapshot('A-2', [sampleOrder({ ordId: 'O-2', accountId: 'A-2', symbol: 'MSFT' })]);
    expect(findOrders('A-1', 'MSFT').map((o) => o.ordId)).toEqual(['O-1']);
  });
});
