import { describe, expect, it } from 'vitest';
import { iso, samplePosition } from '../../testing/store-samples';
import {
  applyPositionUpdates,
  applyPositionsSnapshot,
  initialPositionsState,
} from './apply-positions';
import { selectPositionTotals, selectPositions } from './selectors';

const A = 'A-10001';

describe('positions', () => {
  it('[STORE-POS-1] snapshot replaces the account (no ghosts) and skips zero quantities', () => {
    let s = applyPositionsSnapshot(initialPositionsState(), A, [
      samplePosition({ symbol: 'AAPL' }),
      samplePosition({ symbol: 'TSLA' }),
    ]);
    s = applyPositionsSnapshot(s, A, [
      samplePosition({ symbol: 'MSFT' }),
      samplePosition({ symbol: 'X', qty: '0' }),
    ]);
    expect([...(s.byAccount.get(A)?.keys() ?? [])]).toEqual([`${A}|MSFT`]);
  });

  it('[STORE-POS-2] qty "0" closes (removes) the position; other accounts keep identity', () => {
    let s = applyPositionsSnapshot(initialPositionsState(), A, [samplePosition()]);
    s = applyPositionsSnapshot(s, 'B', [samplePosition({ accountId: 'B' })]);
    const b = s.byAccount.get('B');
    s = applyPositionUpdates(s, [samplePosition({ qty: '0.00', updatedAt: iso(5) })]);
    expect(s.byAccount.get(A)?.size).toBe(0);
    expect(s.byAccount.get('B')).toBe(b);
    // Closing a position we do not hold is a no-op.
    expect(applyPositionUpdates(s, [samplePosition({ symbol: 'ZZZ', qty: '0' })])).toBe(s);
  });

  it('[STORE-POS-3] upsert; an older update is ignored', () => {
    let s = applyPositionUpdates(initialPositionsState(), [
      samplePosition({ qty: '100', updatedAt: iso(10) }),
    ]);
    s = applyPositionUpdates(s, [samplePosition({ qty: '50', updatedAt: iso(5) })]);
    expect(s.byAccount.get(A)?.get(`${A}|AAPL`)?.qty).toBe('100');
    expect(s.ignoredStale).toBe(1);
    s = applyPositionUpdates(s, [samplePosition({ qty: '-20', updatedAt: iso(11) })]);
    expect(s.byAccount.get(A)?.get(`${A}|AAPL`)?.qty).toBe('-20');
  });

  it('[STORE-POS-4] list and totals are memoized and summed exactly', () => {
    const s = applyPositionsSnapshot(initialPositionsState(), A, [
      samplePosition({
        symbol: 'TSLA',
        marketValue: '0.10',
        unrealizedPnL: '-0.20',
        todayRealizedPnL: '0.10',
      }),
      samplePosition({
        symbol: 'AAPL',
        marketValue: '0.20',
        unrealizedPnL: '0.10',
        todayRealizedPnL: '0.20',
      }),
    ]);
    const map = s.byAccount.get(A);
    expect(selectPositions(map).map((p) => p.symbol)).toEqual(['AAPL', 'TSLA']);
    expect(selectPositions(map)).toBe(selectPositions(map));
    expect(selectPositionTotals(map)).toEqual({
      count: 2,
      marketValue: '0.3',
      unrealizedPnL: '-0.1',
      todayRealizedPnL: '0.3',
    });
  });
});
