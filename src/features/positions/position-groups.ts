/**
 * Positions grouped by underlying (a stock with its options), with exact decimal subtotals and
 * each line's share of the portfolio. "% of portfolio" is the share of gross exposure,
 * |market value| / Σ|market value|, so shorts count as the risk they are and shares add to 100%.
 */
import { abs, compare, percent, sum } from '../../lib/decimal';
import type { Decimal } from '../../lib/decimal';
import type { Position } from '../../protocol';
import type { Sort } from '../../lib/url-params';
import { underlyingOf } from '../../lib/instrument';

export const POSITION_SORT_COLUMNS = [
  'symbol',
  'qty',
  'avgPrice',
  'lastPrice',
  'marketValue',
  'unrealizedPnL',
  'todayRealizedPnL',
  'weight',
] as const;
export type PositionSortColumn = (typeof POSITION_SORT_COLUMNS)[number];
export const DEFAULT_POSITION_SORT: Sort<PositionSortColumn> = { by: 'weight', dir: 'desc' };

export type PositionLine = Readonly<{ position: Position; weight: Decimal | undefined }>;

type Money = Pick<Position, 'marketValue' | 'unrealizedPnL' | 'todayRealizedPnL'>;

export type PositionGroup = Readonly<
  Money & {
    underlying: string;
    lines: readonly PositionLine[];
    /** Σ|MV| of the group as a share of the portfolio's gross exposure. */
    weight: Decimal | undefined;
    /** Net long or short by market value (for the allocation bar's colour). */
    short: boolean;
  }
>;

export type PositionBook = Readonly<{ groups: readonly PositionGroup[]; gross: Decimal }>;

const totalsOf = (list: readonly Money[]): Money => ({
  marketValue: sum(list.map((p) => p.marketValue)),
  unrealizedPnL: sum(list.map((p) => p.unrealizedPnL)),
  todayRealizedPnL: sum(list.map((p) => p.todayRealizedPnL)),
});

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// Columns a group has no single value for (qty of AAPL stock + AAPL calls) order groups by name.
const GROUP_KEY: Partial<Record<PositionSortColumn, (g: PositionGroup) => Decimal | undefined>> = {
  marketValue: (g) => g.marketValue,
  unrealizedPnL: (g) => g.unrealizedPnL,
  todayRealizedPnL: (g) => g.todayRealizedPnL,
  weight: (g) => g.weight,
};

function compareDecimals(a: Decimal | undefined, b: Decimal | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  return compare(a, b);
}

function compareLines(by: PositionSortColumn, a: PositionLine, b: PositionLine): number {
  if (by === 'symbol') return text(a.position.symbol, b.position.symbol);
  if (by === 'weight') return compareDecimals(a.weight, b.weight);
  return compareDecimals(a.position[by], b.position[by]);
}

export function buildPositionBook(
  positions: readonly Position[],
  sort: Sort<PositionSortColumn>,
): PositionBook {
  const gross = sum(positions.map((p) => abs(p.marketValue)));
  const share = (mv: Decimal) => percent(mv, gross, 4);
  const byUnderlying = new Map<string, Position[]>();
  for (const p of positions) {
    const key = underlyingOf(p);
    const list = byUnderlying.get(key);
    if (list) list.push(p);
    else byUnderlying.set(key, [p]);
  }
  const flip = sort.dir === 'asc' ? 1 : -1;
  const groups: PositionGroup[] = [...byUnderlying].map(([underlying, list]) => {
    const totals = totalsOf(list);
    const lines = list
      .map((position) => ({ position, weight: share(abs(position.marketValue)) }))
      .sort(
        (a, b) => flip * compareLines(sort.by, a, b) || text(a.position.symbol, b.position.symbol),
      );
    return {
      underlying,
      lines,
      ...totals,
      weight: share(sum(list.map((p) => abs(p.marketValue)))),
      short: compare(totals.marketValue, '0') < 0,
    };
  });
  const key = GROUP_KEY[sort.by];
  groups.sort((a, b) =>
    key
      ? flip * compareDecimals(key(a), key(b)) || text(a.underlying, b.underlying)
      : (sort.by === 'symbol' ? flip : 1) * text(a.underlying, b.underlying),
  );
  return { groups, gross };
}
