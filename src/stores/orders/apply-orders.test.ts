import { describe, expect, it } from 'vitest';
import { iso, sampleOrder, sampleOrders } from '../../testing/store-samples';
import {
  applyOrderEvents,
  applyOrdersSnapshot,
  initialOrdersState,
  orderStatusGroup,
  shouldReplaceOrder,
} from './apply-orders';

const A = 'A-10001';
const B = 'A-10002';

describe('applyOrdersSnapshot', () => {
  it('[STORE-SNAP-1] a snapshot replaces the account: orders missing from it are removed (no ghosts)', () => {
    let s = applyOrdersSnapshot(initialOrdersState(), A, [
      sampleOrder({ ordId: 'O-1' }),
      sampleOrder({ ordId: 'O-2' }),
    ]);
    s = applyOrderEvents(s, [sampleOrder({ ordId: 'O-3', updatedAt: iso(5) })]);
    // Reconnect: the fresh snapshot knows only O-2.
    s = applyOrdersSnapshot(s, A, [sampleOrder({ ordId: 'O-2', ordStatus: 'FILLED' })]);
    expect([...s.byId.keys()]).toEqual(['O-2']);
    expect(s.byId.get('O-2')?.ordStatus).toBe('FILLED');
    expect(s.countsByAccount.get(A)).toEqual({ open: 0, filled: 1, closed: 0, all: 1 });
    expect(s.lastChange.ids).toBeNull();
  });

  it('[STORE-SNAP-2] other accounts are untouched; foreign orders in the list are skipped', () => {
    let s = applyOrdersSnapshot(initialOrdersState(), B, [
      sampleOrder({ ordId: 'B-1', accountId: B }),
    ]);
    s = applyOrdersSnapshot(s, A, [
      sampleOrder({ ordId: 'O-1' }),
      sampleOrder({ ordId: 'X-1', accountId: B }),
    ]);
    expect([...s.byId.keys()].sort()).toEqual(['B-1', 'O-1']);
    s = applyOrdersSnapshot(s, A, []);
    expect([...s.byId.keys()]).toEqual(['B-1']);
    expect(s.countsByAccount.has(A)).toBe(false);
  });

  it('[STORE-SNAP-3] a 100,000-order snapshot is applied whole, with counts', () => {
    const orders = sampleOrders(100_000);
    // Speed is a benchmark's job (bench:blotter); this pins only the result.
    const s = applyOrdersSnapshot(initialOrdersState(), A, orders);
    expect(s.byId.size).toBe(100_000);
    expect(s.countsByAccount.get(A)?.all).toBe(100_000);
  });
});

describe('applyOrderEvents', () => {
  it('[STORE-UPSERT-1] events upsert by ordId and keep per-account counts', () => {
    let s = applyOrderEvents(initialOrdersState(), [sampleOrder({ ordId: 'O-1' })]);
    s = applyOrderEvents(s, [
      sampleOrder({ ordId: 'O-1', ordStatus: 'PARTIALLY_FILLED', cumQty: '40', updatedAt: iso(1) }),
      sampleOrder({ ordId: 'O-2', updatedAt: iso(2) }),
    ]);
    expect(s.byId.size).toBe(2);
    expect(s.byId.get('O-1')?.cumQty).toBe('40');
    expect(s.countsByAccount.get(A)).toEqual({ open: 2, filled: 0, closed: 0, all: 2 });
    s = applyOrderEvents(s, [
      sampleOrder({ ordId: 'O-2', ordStatus: 'CANCELED', updatedAt: iso(3) }),
    ]);
    expect(s.countsByAccount.get(A)).toEqual({ open: 1, filled: 0, closed: 1, all: 2 });
    expect(s.lastChange).toEqual({ from: s.version - 1, to: s.version, ids: ['O-2'] });
  });

  it('[STORE-UPSERT-2] unchanged orders keep their identity (row-level re-render)', () => {
    const s1 = applyOrderEvents(initialOrdersState(), [
      sampleOrder({ ordId: 'O-1' }),
      sampleOrder({ ordId: 'O-2' }),
    ]);
    const s2 = applyOrderEvents(s1, [sampleOrder({ ordId: 'O-2', updatedAt: iso(9) })]);
    expect(s2.byId.get('O-1')).toBe(s1.byId.get('O-1'));
    expect(s2.byId.get('O-2')).not.toBe(s1.byId.get('O-2'));
  });

  it('[STORE-OOO-1] an older non-terminal event after FILLED is ignored', () => {
    let s = applyOrderEvents(initialOrdersState(), [
      sampleOrder({ ordStatus: 'FILLED', cumQty: '100', leavesQty: '0', updatedAt: iso(10) }),
    ]);
    const before = s;
    s = applyOrderEvents(s, [
      sampleOrder({ ordStatus: 'PARTIALLY_FILLED', cumQty: '50', updatedAt: iso(5) }),
    ]);
    expect(s.byId.get('O-1')?.ordStatus).toBe('FILLED');
    expect(s.byId).toBe(before.byId);
    expect(s.ignoredStale).toBe(1);
  });

  it('[STORE-OOO-2] a non-terminal never overwrites a terminal, even with a later updatedAt', () => {
    let s = applyOrderEvents(initialOrdersState(), [
      sampleOrder({ ordStatus: 'CANCELED', updatedAt: iso(10) }),
    ]);
    s = applyOrderEvents(s, [sampleOrder({ ordStatus: 'NEW', updatedAt: iso(20) })]);
    expect(s.byId.get('O-1')?.ordStatus).toBe('CANCELED');
  });

  it('[STORE-OOO-3] equal updatedAt: terminal wins over non-terminal, in either arrival order', () => {
    const working = sampleOrder({ ordStatus: 'PARTIALLY_FILLED', cumQty: '50', updatedAt: iso(7) });
    const filled = sampleOrder({ ordStatus: 'FILLED', cumQty: '100', updatedAt: iso(7) });
    const a = applyOrderEvents(initialOrdersState(), [working, filled]);
    const b = applyOrderEvents(initialOrdersState(), [filled, working]);
    expect(a.byId.get('O-1')).toBe(filled);
    expect(b.byId.get('O-1')).toBe(filled);
  });

  it('[STORE-OOO-4] newer updatedAt wins; equal time and class: fill progress never goes back', () => {
    const t5 = sampleOrder({ ordStatus: 'PARTIALLY_FILLED', cumQty: '60', updatedAt: iso(5) });
    expect(shouldReplaceOrder(t5, sampleOrder({ ordStatus: 'NEW', updatedAt: iso(6) }))).toBe(true);
    expect(shouldReplaceOrder(t5, sampleOrder({ ordStatus: 'NEW', updatedAt: iso(4) }))).toBe(
      false,
    );
    expect(
      shouldReplaceOrder(
        t5,
        sampleOrder({ ordStatus: 'PARTIALLY_FILLED', cumQty: '40', updatedAt: iso(5) }),
      ),
    ).toBe(false);
    expect(
      shouldReplaceOrder(
        t5,
        sampleOrder({ ordStatus: 'PARTIALLY_FILLED', cumQty: '80', updatedAt: iso(5) }),
      ),
    ).toBe(true);
    // Different spellings of the same instant compare as equal times.
    const sameInstant = sampleOrder({
      ordStatus: 'PARTIALLY_FILLED',
      cumQty: '40',
      updatedAt: new Date(Date.parse(iso(5))).toISOString().replace('Z', '+00:00'),
    });
    expect(shouldReplaceOrder(t5, sameInstant)).toBe(false);
  });

  it('[STORE-OOO-5] a shuffled history converges to the newest state', () => {
    const history = [
      sampleOrder({ ordStatus: 'PENDING_NEW', updatedAt: iso(0) }),
      sampleOrder({ ordStatus: 'NEW', updatedAt: iso(1) }),
      sampleOrder({ ordStatus: 'PARTIALLY_FILLED', cumQty: '30', updatedAt: iso(2) }),
      sampleOrder({ ordStatus: 'PARTIALLY_FILLED', cumQty: '70', updatedAt: iso(3) }),
      sampleOrder({ ordStatus: 'FILLED', cumQty: '100', updatedAt: iso(4) }),
    ];
    const orders = [history[3], history[4], history[0], history[2], history[1]].map((o) => o!);
    const s = applyOrderEvents(initialOrdersState(), orders);
    expect(s.byId.get('O-1')).toBe(history[4]);
    expect(s.countsByAccount.get(A)).toEqual({ open: 0, filled: 1, closed: 0, all: 1 });
  });

  it('[STORE-UPSERT-3] an empty or all-ignored batch returns the same byId (no store write)', () => {
    const s = applyOrderEvents(initialOrdersState(), [sampleOrder()]);
    expect(applyOrderEvents(s, [])).toBe(s);
    expect(applyOrderEvents(s, [sampleOrder({ updatedAt: iso(-5) })]).byId).toBe(s.byId);
  });

  it('[STORE-GROUP] status groups: open = working, filled = FILLED, closed = other terminal', () => {
    expect(orderStatusGroup('PENDING_CANCEL')).toBe('open');
    expect(orderStatusGroup('PARTIALLY_FILLED')).toBe('open');
    expect(orderStatusGroup('FILLED')).toBe('filled');
    expect(orderStatusGroup('EXPIRED')).toBe('closed');
    expect(orderStatusGroup('REJECTED')).toBe('closed');
  });
});
