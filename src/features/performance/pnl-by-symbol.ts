/** Today's P&L per symbol from the open positions: realized today plus unrealized, exact. */
import type { Position } from '../../protocol';
import { add } from '../../lib/decimal';
import type { Decimal } from '../../lib/decimal';

export type SymbolPnl = Readonly<{
  symbol: string;
  positions: number;
  realized: Decimal;
  unrealized: Decimal;
  total: Decimal;
}>;

/** Options count under their underlying; rows sorted by symbol, plus the grand total. */
export function pnlBySymbol(positions: readonly Position[]): {
  rows: SymbolPnl[];
  total: SymbolPnl;
} {
  const by = new Map<string, SymbolPnl>();
  const fold = (acc: SymbolPnl, p: Position): SymbolPnl => ({
    symbol: acc.symbol,
    positions: acc.positions + 1,
    realized: add(acc.realized, p.todayRealizedPnL),
    unrealized: add(acc.unrealized, p.unrealizedPnL),
    total: add(acc.total, add(p.todayRealizedPnL, p.unrealizedPnL)),
  });
  const empty = (symbol: string): SymbolPnl => ({
    symbol,
    positions: 0,
    realized: '0',
    unrealized: '0',
    total: '0',
  });
  let total = empty('All symbols');
  for (const p of positions) {
    const symbol = p.underlying ?? p.symbol;
    by.set(symbol, fold(by.get(symbol) ?? empty(symbol), p));
    total = fold(total, p);
  }
  const rows = [...by.values()].sort((a, b) =>
    a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0,
  );
  return { rows, total };
}
