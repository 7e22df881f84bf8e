/**
 * The opening state of the simulated world: accounts with their cash, the positions they hold
 * from earlier days, and each user's watchlists (the morning's orders are planned in book.ts). Data only; the
 * simulator books it through its own ledger and order lifecycle.
 */
import type { AccountInfo, Watchlist } from '../../src/protocol';

export const SEED_ACCOUNTS: ReadonlyArray<{ info: AccountInfo; cash: string }> = [
  {
    info: {
      accountId: 'A-10001',
      accountType: 'MARGIN',
      accountClass: 'INDIVIDUAL',
      optionsLevel: 'LEVEL_3',
      status: 'ACTIVE',
      displayName: 'Demo margin',
    },
    cash: '60000.00',
  },
  {
    info: {
      accountId: 'A-10002',
      accountType: 'CASH',
      accountClass: 'INDIVIDUAL',
      optionsLevel: 'LEVEL_1',
      status: 'ACTIVE',
      displayName: 'Demo cash',
    },
    cash: '25000.00',
  },
  {
    info: {
      accountId: 'A-20001',
      accountType: 'IRA',
      accountClass: 'INDIVIDUAL',
      optionsLevel: 'LEVEL_2',
      status: 'ACTIVE',
      displayName: 'Other IRA',
    },
    cash: '80000.00',
  },
];

/** An option holding names its contract; a stock holding names only its symbol. */
export type SeedHolding = {
  accountId: string;
  symbol: string;
  qty: string;
  price: string;
  option?: { maturity: string; putCall: 'CALL' | 'PUT'; strike: string };
};

/** Stock longs and a short, and two option positions, bought before today. */
export const SEED_HOLDINGS: readonly SeedHolding[] = [
  { accountId: 'A-10001', symbol: 'AAPL', qty: '200', price: '210.00' },
  { accountId: 'A-10001', symbol: 'NVDA', qty: '150', price: '120.00' },
  { accountId: 'A-10001', symbol: 'MSFT', qty: '50', price: '400.00' },
  { accountId: 'A-10001', symbol: 'TSLA', qty: '-40', price: '265.00' },
  {
    accountId: 'A-10001',
    symbol: 'AAPL',
    qty: '5',
    price: '6.50',
    option: { maturity: '2026-12-18', putCall: 'CALL', strike: '230' },
  },
  {
    accountId: 'A-10001',
    symbol: 'SPY',
    qty: '3',
    price: '9.20',
    option: { maturity: '2027-01-15', putCall: 'PUT', strike: '580' },
  },
  { accountId: 'A-10002', symbol: 'SPY', qty: '20', price: '560.00' },
  { accountId: 'A-10002', symbol: 'AMD', qty: '30', price: '150.00' },
  { accountId: 'A-20001', symbol: 'MSFT', qty: '80', price: '380.00' },
];

/** Each user's watchlists, by user id. */
export function seedWatchlists(): Map<string, Watchlist[]> {
  return new Map([
    [
      'u-1001',
      [
        { id: 1, name: 'Tech', symbols: ['AAPL', 'NVDA', 'MSFT'] },
        { id: 2, name: 'Index', symbols: ['SPY', 'QQQ'] },
      ],
    ],
    ['u-2002', [{ id: 3, name: 'Income', symbols: ['MSFT', 'SPY'] }]],
  ]);
}
