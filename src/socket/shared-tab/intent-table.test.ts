import { describe, expect, it } from 'vitest';
import { accountSub, pnlSub } from '../../testing/store-samples';
import type { Subscription } from '../../protocol';
import { IntentTable, planSync } from './intent-table';
import { stableKey } from './stable-key';

const news = (symbols?: string[]): Subscription => ({
  topic: 'news',
  params: symbols ? { symbols } : {},
});

describe('intent table', () => {
  it('[TAB-1] a key is streamed while any tab wants it and unsubscribed only when the last tab lets go', () => {
    const t = new IntentTable();
    t.set('a', [
      { sub: accountSub(), claimedAt: 1 },
      { sub: news(), claimedAt: 1 },
    ]);
    t.set('b', [{ sub: accountSub(), claimedAt: 2 }]);
    expect(t.wanters('account:A-10001')).toBe(2);
    let current = t.desired();
    expect([...current.keys()].sort()).toEqual(['account:A-10001', 'news']);

    t.set('a', [{ sub: news(), claimedAt: 1 }]); // tab a navigates away from the account
    expect(planSync(current, t.desired())).toEqual({ subscribe: [], unsubscribe: [] });
    current = t.desired();
    t.remove('b');
    expect(planSync(current, t.desired())).toEqual({
      subscribe: [],
      unsubscribe: ['account:A-10001'],
    });
  });

  it('[TAB-2] conflicting params: the newest claim wins, ties go to the larger tab id, a reclaim switches back', () => {
    const t = new IntentTable();
    const week = pnlSub('A-10001', '5m');
    const today = pnlSub('A-10001', '1m');
    t.set('a', [{ sub: today, claimedAt: 10 }]);
    t.set('b', [{ sub: week, claimedAt: 20 }]);
    expect(t.desired().get('pnl:A-10001')).toEqual(week);
    const current = t.desired();
    t.set('a', [{ sub: today, claimedAt: 30 }]); // tab a focused again
    expect(planSync(current, t.desired())).toEqual({ subscribe: [today], unsubscribe: [] });
    t.set('b', [{ sub: week, claimedAt: 30 }]);
    expect(t.desired().get('pnl:A-10001')).toEqual(week); // same instant: 'b' > 'a'
  });

  it('[TAB-3] the same params in another key order are the same subscription (no resubscribe)', () => {
    const a: Subscription = { topic: 'news', params: { symbols: ['AAPL'], topics: ['earnings'] } };
    const b: Subscription = { topic: 'news', params: { topics: ['earnings'], symbols: ['AAPL'] } };
    expect(stableKey(a)).toBe(stableKey(b));
    expect(stableKey(news(['AAPL']))).not.toBe(stableKey(news(['TSLA'])));
    expect(planSync(new Map([['news', a]]), new Map([['news', b]]))).toEqual({
      subscribe: [],
      unsubscribe: [],
    });
  });
});
