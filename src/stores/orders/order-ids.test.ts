import { describe, expect, it } from 'vitest';
import { iso, sampleOrder, sampleOrders } from '../../testing/store-samples';
import { applyOrderEvents, applyOrdersSnapshot, initialOrdersState } from './apply-orders';
import {
  ORDER_SORT_COLUMNS,
  createOrderIdsSelector,
  orderFilterFromKey,
  orderFilterKey,
} from './order-ids';
import type { OrderFilter } from './order-ids';

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
      createOrderIdsSelector({
        accountId: A,
        statusGroup: 'filled',
        sort: { by: 'createdAt', dir: 'asc' },
      })(s),
    ).toEqual(['O-2', 'O-7']);
    expect(
      createOrderIdsSelector({ accountId: A, statusGroup: 'closed', symbol: 'AAPL' })(s),
    ).toEqual(['O-9', 'O-3']);
    expect(createOrderIdsSelector({ accountId: 'nobody', statusGroup: 'all' })(s)).toEqual([]);
  });

  it("[ALLACCT-SEL-1] without an account every account's orders list; they sort by account, then by id", () => {
    let s = applyOrdersSnapshot(initialOrdersState(), A, sampleOrders(2));
    s = applyOrdersSnapshot(
      s,
      'A-10002',
      sampleOrders(2, 'A-10002').map((o) => ({ ...o, ordId: `B-${o.ordId}` })),
    );
    expect(
      createOrderIdsSelector({ statusGroup: 'all', sort: { by: 'accountId', dir: 'asc' } })(s),
    ).toEqual(['O-0', 'O-1', 'B-O-0', 'B-O-1']);
    expect(
      createOrderIdsSelector({ statusGroup: 'all', sort: { by: 'accountId', dir: 'desc' } })(s),
    ).toEqual(['B-O-0', 'B-O-1', 'O-0', 'O-1']);
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
    const filter = {
      accountId: A,
      statusGroup: 'open' as const,
      sort: { by: 'updatedAt', dir: 'desc' } as const,
    };
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

  it('[SEL-IDS-4] every column sorts both ways; decimals by value, status by lifecycle', () => {
    const orders = [
      sampleOrder({ ordId: 'a', qty: '9.5', price: '100.25', ordStatus: 'FILLED' }),
      sampleOrder({ ordId: 'b', qty: '10', price: undefined, stopPrice: '99', ordStatus: 'NEW' }),
      sampleOrder({ ordId: 'c', qty: '1000', price: '100.2', ordStatus: 'PENDING_NEW' }),
    ];
    const s = applyOrdersSnapshot(initialOrdersState(), A, orders);
    const ids = (f: Partial<OrderFilter>) =>
      createOrderIdsSelector({ statusGroup: 'all', ...f })(s);
    // As strings "1000" < "10" < "9.5"; as decimals 9.5 < 10 < 1000.
    expect(ids({ sort: { by: 'qty', dir: 'asc' } })).toEqual(['a', 'b', 'c']);
    expect(ids({ sort: { by: 'qty', dir: 'desc' } })).toEqual(['c', 'b', 'a']);
    // Limit price, else stop price: 99 < 100.2 < 100.25.
    expect(ids({ sort: { by: 'price', dir: 'asc' } })).toEqual(['b', 'c', 'a']);
    expect(ids({ sort: { by: 'status', dir: 'asc' } })).toEqual(['c', 'b', 'a']);
    for (const by of ORDER_SORT_COLUMNS) {
      const asc = ids({ sort: { by, dir: 'asc' } });
      expect(asc, by).toHaveLength(3);
      expect(new Set(asc), by).toEqual(new Set(['a', 'b', 'c']));
    }
  });

  it('[SEL-IDS-5] symbol search is a case-insensitive prefix (an underlying finds its options)', () => {
    const s = applyOrdersSnapshot(initialOrdersState(), A, [
      sampleOrder({ ordId: 'stock', symbol: 'AAPL' }),
      sampleOrder({ ordId: 'option', symbol: 'AAPL  261218C00200000' }),
      sampleOrder({ ordId: 'other', symbol: 'AMZN' }),
    ]);
    const ids = createOrderIdsSelector({ statusGroup: 'all', symbol: 'aapl' })(s);
    expect([...ids].sort()).toEqual(['option', 'stock']);
  });

  it('[SEL-IDS-6] a filter survives its memo key', () => {
    const f: OrderFilter = {
      accountId: A,
      statusGroup: 'open',
      symbol: 'AA',
      side: 'SELL',
      sort: { by: 'leavesQty', dir: 'asc' },
    };
    expect(orderFilterFromKey(orderFilterKey(f))).toEqual(f);
  });

  it('[SEL-IDS-7] incremental updates equal a full recompute for every sort column', () => {
    const statuses = ['NEW', 'PARTIALLY_FILLED', 'FILLED', 'CANCELED'] as const;
    for (const by of ORDER_SORT_COLUMNS) {
      for (const dir of ['asc', 'desc'] as const) {
        const filter: OrderFilter = { accountId: A, statusGroup: 'all', sort: { by, dir } };
        const select = createOrderIdsSelector(filter);
        let s = applyOrdersSnapshot(initialOrdersState(), A, sampleOrders(200));
        select(s);
        let seed = 11;
        const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
        for (let round = 0; round < 10; round++) {
          const batch = Array.from({ length: round % 2 ? 5 : 60 }, (_, i) => {
            const n = Math.floor(rnd() * 250);
            return sampleOrder({
              ordId: `O-${n}`,
              clOrdId: `C-${n}`,
              symbol: ['AAPL', 'MSFT', 'TSLA'][n % 3]!,
              side: rnd() < 0.5 ? 'BUY' : 'SELL',
              qty: String(Math.floor(rnd() * 500) + 1),
              cumQty: String(Math.floor(rnd() * 10)),
              price: rnd() < 0.2 ? undefined : (100 + rnd() * 10).toFixed(2),
              createdAt: iso(n),
              updatedAt: iso(1_000 + round * 100 + i),
              ordStatus: statuses[Math.floor(rnd() * statuses.length)]!,
            });
          });
          s = applyOrderEvents(s, batch);
          expect(select(s), `${by} ${dir}`).toEqual(createOrderIdsSelector(filter)(s));
        }
      }
    }
  });
});
