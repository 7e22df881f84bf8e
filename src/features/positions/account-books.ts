/**
 * Positions of every account at once: each account's book (grouped by underlying, as on the
 * one-account page), its subtotal, and the grand total over all accounts, summed exactly on
 * decimal strings. A line's share is of its own account's gross exposure; an account's share
 * is of the combined gross exposure, so the accounts add to 100%.
 */
import { abs, percent, sum } from '../../lib/decimal';
import type { Decimal } from '../../lib/decimal';
import type { Position } from '../../protocol';
import type { Sort } from '../../lib/url-params';
import { buildPositionBook } from './position-groups';
import type { PositionBook, PositionSortColumn } from './position-groups';

export type PositionSubtotal = Readonly<{
  count: number;
  marketValue: Decimal;
  unrealizedPnL: Decimal;
  todayRealizedPnL: Decimal;
  /** Σ|MV| of these positions. */
  gross: Decimal;
}>;

export type AccountBook = Readonly<{
  accountId: string;
  book: PositionBook;
  subtotal: PositionSubtotal;
  /** The account's gross exposure as a share of every account's; undefined when none. */
  weight: Decimal | undefined;
}>;

export type AccountBooks = Readonly<{ accounts: readonly AccountBook[]; total: PositionSubtotal }>;

export function subtotalOf(positions: readonly Position[]): PositionSubtotal {
  return {
    count: positions.length,
    marketValue: sum(positions.map((p) => p.marketValue)),
    unrealizedPnL: sum(positions.map((p) => p.unrealizedPnL)),
    todayRealizedPnL: sum(positions.map((p) => p.todayRealizedPnL)),
    gross: sum(positions.map((p) => abs(p.marketValue))),
  };
}

/** Accounts in the order given (the user's account list), each grouped and sorted by `sort`. */
export function buildAccountBooks(
  accounts: readonly { accountId: string; positions: readonly Position[] }[],
  sort: Sort<PositionSortColumn>,
): AccountBooks {
  const subtotals = accounts.map((a) => subtotalOf(a.positions));
  const total: PositionSubtotal = {
    count: subtotals.reduce((n, s) => n + s.count, 0),
    marketValue: sum(subtotals.map((s) => s.marketValue)),
    unrealizedPnL: sum(subtotals.map((s) => s.unrealizedPnL)),
    todayRealizedPnL: sum(subtotals.map((s) => s.todayRealizedPnL)),
    gross: sum(subtotals.map((s) => s.gross)),
  };
  return {
    accounts: accounts.map((a, i) => {
      const subtotal = subtotals[i] as PositionSubtotal;
      return {
        accountId: a.accountId,
        book: buildPositionBook(a.positions, sort),
        subtotal,
        weight: percent(subtotal.gross, total.gross, 4),
      };
    }),
    total,
  };
}
