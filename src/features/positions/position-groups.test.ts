import { describe, expect, it } from 'vitest';
import type { Position } from '../../protocol';
import { describePosition } from '../../lib/instrument';
import { buildPositionBook } from './position-groups';

const pos = (symbol: string, marketValue: string, extra: Partial<Position> = {}): Position => ({
  accountId: 'A-1',
  symbol,
  securityType: 'EQUITY',
  qty: '1',
  avgPrice: '1',
  todayRealizedPnL: '0.10',
  lastPrice: '1',
  marketValue,
  unrealizedPnL: '0.20',
  updatedAt: '2026-11-24T14:00:00Z',
  ...extra,
});

const call = pos('AAPL  261218C00200000', '300.00', {
  securityType: 'OPTION',
  underlying: 'AAPL',
  putCall: 'CALL',
  strikePrice: '200',
  maturity: '2026-12-18',
  multiplier: '100',
});

describe('position book', () => {
  it('[POS-1] groups options under their underlying with exact subtotals', () => {
    const book = buildPositionBook([pos('AAPL', '700.00'), call, pos('MSFT', '1000.00')], {
      by: 'weight',
      dir: 'desc',
    });
    expect(book.gross).toBe('2000');
    expect(book.groups.map((g) => g.underlying)).toEqual(['AAPL', 'MSFT']);
    const aapl = book.groups[0]!;
    expect(aapl.lines.map((l) => l.position.symbol)).toEqual(['AAPL', 'AAPL  261218C00200000']);
    expect(aapl.marketValue).toBe('1000');
    // 0.1 + 0.2 in floats is 0.30000000000000004; decimals keep it exact.
    expect(aapl.todayRealizedPnL).toBe('0.2');
    expect(aapl.unrealizedPnL).toBe('0.4');
    expect(aapl.weight).toBe('50');
    expect(aapl.lines[1]!.weight).toBe('15');
  });

  it('[POS-2] shorts count at their absolute size and mark the group short', () => {
    const book = buildPositionBook([pos('TSLA', '-3000.00'), pos('NVDA', '1000.00')], {
      by: 'weight',
      dir: 'desc',
    });
    expect(book.groups.map((g) => [g.underlying, g.weight, g.short])).toEqual([
      ['TSLA', '75', true],
      ['NVDA', '25', false],
    ]);
  });

  it('[POS-3] sorts groups by name for columns a group has no single value for', () => {
    const list = [pos('MSFT', '5', { qty: '9' }), pos('AAPL', '1', { qty: '1' })];
    const asc = buildPositionBook(list, { by: 'qty', dir: 'asc' });
    const desc = buildPositionBook(list, { by: 'qty', dir: 'desc' });
    expect(asc.groups.map((g) => g.underlying)).toEqual(['AAPL', 'MSFT']);
    expect(desc.groups.map((g) => g.underlying)).toEqual(['AAPL', 'MSFT']);
    const bySymbol = buildPositionBook(list, { by: 'symbol', dir: 'desc' });
    expect(bySymbol.groups.map((g) => g.underlying)).toEqual(['MSFT', 'AAPL']);
    expect(buildPositionBook(list, { by: 'marketValue', dir: 'asc' }).groups[0]!.underlying).toBe(
      'AAPL',
    );
  });

  it('[POS-4] an empty book has no groups and no shares', () => {
    expect(buildPositionBook([], { by: 'weight', dir: 'desc' })).toEqual({
      groups: [],
      gross: '0',
    });
  });

  it('[POS-5] describes options in words', () => {
    expect(describePosition(call)).toBe('AAPL 2026-12-18 200 Call');
    expect(describePosition(pos('AAPL', '1'))).toBe('AAPL');
  });
});
