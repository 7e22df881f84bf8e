import { describe, expect, it } from 'vitest';
import { iso, sampleOrder, sampleOrders } from '../../testing/store-samples';
import { applyOrderEvents, applyOrdersSnapshot, initialOrdersState } from './apply-orders';
import { createOrderIdsSelector } from './order-ids';

const A = 'A-10001';

describe('createOrderIdsSelector', () => {
  it('[SEL-IDS-1] filters by account, status group, symbol, side; newest first by default', () => {
    const s = applyOrdersSnapshot(initialOrdersState(), A, sampleOrders(10));
    expect(createOrderIdsSelector({ accountId: A, statusGroup: 'all' })(s)).toEqual([
      'O-9',
      'O-8',
      'O-7',
      'O-6',
      'O-5',
      'O-4',
      'O-3',
      'O-2',
      'O-1',
      'O-0',
    ]);
    // statuses cycle NEW, PARTIALLY_FILLED, FILLED, CANCELED, REJECTED
    expect(createOrderIdsSelector({ accountId: A, statusGroup: 'open' })(s)).toEqual([
      'O-6',
      'O-5',
      'O-1',
      'O-0',
    ]);
    expect(
      createOrderIdsSelector({ accountId: A, statusGroup: 'filled', sort: 'oldest' })(s),
    ).toEqual(['O-2', 'O-7']);
    expect(
      createOrderIdsSelector({ accountId: A, statusGroup: 'closed', symbol: 'AAPL' })(s),
    ).toEqual(['O-9', 'O-3']);
    expect(createOrderIdsSelector({ accountId: 'nobody', statusGroup: 'all' })(s)).toEqual([]);
  });

  it('[SEL-IDS-2] the same array comes back while membership and order are unchanged', () => {
    const select = createOrderIdsSelector({ accountId: A, statusGroup: 'open' });
    const s1 = applyOrdersSnapshot(initialOrdersState(), A, sampleOrders(10));
    const ids1 = select(s1);
    // NEW → PARTIALLY_FILLED stays "open": list unchanged, same reference.
    const s2 = applyOrderEvents(s1, [
      sampleOrder({
        ordId: 'O-0',
        symbol: 'MSFT',
        ordStatus: 'PARTIALLY_FILLED',
        cumQty: '5',
        createdAt: iso(0),
        updatedAt: iso(100),
      }),
    ]);
    expect(select(s2)).toBe(ids1);
    // O-0 fills: it leaves "open".
    const s3 = applyOrderEvents(s2, [
      sampleOrder({
        ordId: 'O-0',
        symbol: 'MSFT',
        ordStatus: 'FILLED',
        cumQty: '100',
        createdAt: iso(0),
        updatedAt: iso(200),
      }),
    ]);
    const ids3 = select(s3);
    expect(ids3).not.toBe(ids1);
    expect(ids3).toEqual(['O-6', 'O-5', 'O-1']);
  });

  it('[SEL-IDS-3] incremental updates equal a full recompute (random events)', () => {
    const filter = { accountId: A, statusGroup: 'open' as const, sort: 'recentlyUpdated' as const };
    const select = createOrderIdsSelector(filter);
    let s = applyOrdersSnapshot(initialOrdersState(), A, sampleOrders(500));
    select(s);
    const statuses = ['NEW', 'PARTIALLY_FILLED', 'FILLED', 'CANCELED', 'PENDING_CANCEL'] as const;
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let round = 0; round < 50; round++) {
      // Small batches take the splice path, large ones the merge path.
      const batch = Array.from({ length: round % 2 ? 20 : 200 }, (_, i) => {
        const n = Math.floor(rnd() * 600);
        return sampleOrder({
          ordId: `O-${n}`,
          clOrdId: `C-${n}`,
          createdAt: iso(n),
          updatedAt: iso(1_000 + round * 100 + i),
          ordStatus: statuses[Math.floor(rnd() * statuses.length)]!,
        });
      });
      s = applyOrderEvents(s, batch);
      expect(select(s)).toEqual(createOrderIdsSelector(filter)(s));
    }
  });
});
