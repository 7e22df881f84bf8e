import { describe, expect, it } from 'vitest';
import { filterFromParams, nextOrderSort } from './order-filter-params';

describe('blotter URL params', () => {
  it('[BLOT-URL-1] reads status, symbol, side and sort; defaults to open, newest first', () => {
    expect(filterFromParams(new URLSearchParams(''), 'A-1')).toEqual({
      accountId: 'A-1',
      statusGroup: 'open',
      sort: { by: 'createdAt', dir: 'desc' },
    });
    expect(
      filterFromParams(
        new URLSearchParams('status=filled&symbol= aapl &side=SELL&sort=qty&dir=asc'),
        'A-1',
      ),
    ).toEqual({
      accountId: 'A-1',
      statusGroup: 'filled',
      symbol: 'AAPL',
      side: 'SELL',
      sort: { by: 'qty', dir: 'asc' },
    });
  });

  it('[BLOT-URL-2] unknown values fall back to defaults instead of breaking the view', () => {
    const f = filterFromParams(
      new URLSearchParams('status=<script>&side=SHORT&sort=__proto__&dir=up'),
      'A-1',
    );
    expect(f).toEqual({
      accountId: 'A-1',
      statusGroup: 'open',
      sort: { by: 'createdAt', dir: 'desc' },
    });
  });

  it('[BLOT-URL-4] a header click flips the same column; status starts in lifecycle order', () => {
    expect(nextOrderSort({ by: 'qty', dir: 'desc' }, 'qty')).toEqual({ by: 'qty', dir: 'asc' });
    expect(nextOrderSort({ by: 'qty', dir: 'desc' }, 'symbol')).toEqual({
      by: 'symbol',
      dir: 'asc',
    });
    expect(nextOrderSort({ by: 'symbol', dir: 'asc' }, 'price')).toEqual({
      by: 'price',
      dir: 'desc',
    });
    expect(nextOrderSort({ by: 'qty', dir: 'asc' }, 'status')).toEqual({
      by: 'status',
      dir: 'asc',
    });
  });
});
