import { describe, expect, it } from 'vitest';
import { sampleBalance, sampleInfo } from '../../testing/store-samples';
import {
  applyBalanceSnapshot,
  applyBalanceUpdates,
  applyInfoUpdates,
  initialBalancesState,
} from './apply-balances';

const A = 'A-10001';

describe('balances', () => {
  it('[STORE-BAL-1] a partial balance merges into the last full one', () => {
    let s = applyBalanceSnapshot(initialBalancesState(), sampleBalance(), sampleInfo());
    s = applyBalanceUpdates(s, [{ accountId: A, totalEquity: '130000.00' }]);
    const b = s.balances.get(A);
    expect(b?.totalEquity).toBe('130000.00');
    expect(b?.netBuyingPower).toBe('250000.00');
    expect(Object.keys(b ?? {}).length).toBe(Object.keys(sampleBalance()).length);
  });

  it('[STORE-BAL-2] a partial with no full balance yet is ignored and counted', () => {
    const s = applyBalanceUpdates(initialBalancesState(), [{ accountId: A, totalEquity: '1.00' }]);
    expect(s.balances.has(A)).toBe(false);
    expect(s.ignoredPatches).toBe(1);
  });

  it('[STORE-BAL-3] a full balance replaces, even as the first message; latest wins in a batch', () => {
    const s = applyBalanceUpdates(initialBalancesState(), [
      sampleBalance({ totalEquity: '1.00' }),
      { accountId: A, totalEquity: '2.00' },
      { accountId: A, totalEquity: '3.00' },
    ]);
    expect(s.balances.get(A)?.totalEquity).toBe('3.00');
    expect(s.ignoredPatches).toBe(0);
  });

  it('[STORE-BAL-4] account info replaces per account', () => {
    let s = applyInfoUpdates(initialBalancesState(), [sampleInfo()]);
    s = applyInfoUpdates(s, [
      sampleInfo({ optionsLevel: 'LEVEL_4' }),
      sampleInfo({ accountId: 'B' }),
    ]);
    expect(s.info.get(A)?.optionsLevel).toBe('LEVEL_4');
    expect(s.info.size).toBe(2);
  });

  it('[STORE-BAL-5] snapshots are counted per account; updates do not count', () => {
    let s = applyBalanceSnapshot(initialBalancesState(), sampleBalance(), sampleInfo());
    s = applyBalanceUpdates(s, [{ accountId: A, totalEquity: '1.00' }]);
    expect(s.snapshots.get(A)).toBe(1);
    s = applyBalanceSnapshot(s, sampleBalance(), sampleInfo());
    expect(s.snapshots.get(A)).toBe(2);
  });
});
