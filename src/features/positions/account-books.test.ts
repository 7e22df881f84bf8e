import { describe, expect, it } from 'vitest';
import { samplePosition } from '../../testing/store-samples';
import { buildAccountBooks } from './account-books';

const SORT = { by: 'weight', dir: 'desc' } as const;

describe('positions of every account', () => {
  it('[ALLACCT-POS-1] each account is its own book with an exact subtotal; the grand total is their exact sum', () => {
    const books = buildAccountBooks(
      [
        {
          accountId: 'A-1',
          positions: [
            samplePosition({
              accountId: 'A-1',
              symbol: 'AAPL',
              marketValue: '0.10',
              unrealizedPnL: '0.10',
              todayRealizedPnL: '-0.05',
            }),
            samplePosition({
              accountId: 'A-1',
              symbol: 'MSFT',
              marketValue: '0.20',
              unrealizedPnL: '0.20',
              todayRealizedPnL: '0.01',
            }),
          ],
        },
        {
          accountId: 'A-2',
          positions: [
            samplePosition({
              accountId: 'A-2',
              symbol: 'AAPL',
              marketValue: '-0.30',
              unrealizedPnL: '0.30',
              todayRealizedPnL: '0.04',
            }),
          ],
        },
      ],
      SORT,
    );
    expect(books.accounts.map((a) => a.accountId)).toEqual(['A-1', 'A-2']);
    const [one, two] = books.accounts;
    // 0.1 + 0.2 in floats is 0.30000000000000004; decimals keep it exact.
    expect(one!.subtotal).toEqual({
      count: 2,
      marketValue: '0.3',
      unrealizedPnL: '0.3',
      todayRealizedPnL: '-0.04',
      gross: '0.3',
    });
    expect(one!.book.groups.map((g) => g.underlying)).toEqual(['MSFT', 'AAPL']);
    // The same symbol in two accounts stays in each account's own group.
    expect(two!.book.groups.map((g) => g.underlying)).toEqual(['AAPL']);
    expect(books.total).toEqual({
      count: 3,
      marketValue: '0',
      unrealizedPnL: '0.6',
      todayRealizedPnL: '0',
      gross: '0.6',
    });
    // Shares of the combined gross exposure (|MV|): 0.3 and 0.3 of 0.6.
    expect(one!.weight).toBe('50');
    expect(two!.weight).toBe('50');
  });

  it('[ALLACCT-POS-2] an account with no positions (or not loaded yet) counts zero and has no share', () => {
    const books = buildAccountBooks(
      [
        { accountId: 'A-1', positions: [] },
        {
          accountId: 'A-2',
          positions: [samplePosition({ accountId: 'A-2', marketValue: '1234.56' })],
        },
      ],
      SORT,
    );
    expect(books.accounts[0]!.subtotal.count).toBe(0);
    expect(books.accounts[0]!.weight).toBe('0');
    expect(books.accounts[1]!.weight).toBe('100');
    expect(books.total.marketValue).toBe('1234.56');
    const none = buildAccountBooks([{ accountId: 'A-1', positions: [] }], SORT);
    expect(none.accounts[0]!.weight).toBeUndefined();
    expect(none.total.count).toBe(0);
  });
});
