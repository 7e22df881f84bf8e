import { describe, expect, it } from 'vitest';
import { nextSort, sortFromParams, withParams } from './url-params';

describe('URL params', () => {
  it('[URL-1] withParams keeps the account; empty removes', () => {
    const p = new URLSearchParams('account=A-1&symbol=AA');
    expect(withParams(p, { side: 'BUY' }).toString()).toBe('account=A-1&symbol=AA&side=BUY');
    expect(withParams(p, { symbol: '' }).toString()).toBe('account=A-1');
    expect(withParams(p, { symbol: undefined, sort: 'qty' }).toString()).toBe(
      'account=A-1&sort=qty',
    );
    expect(p.toString()).toBe('account=A-1&symbol=AA');
  });

  it('[URL-2] sort reads known columns only', () => {
    const cols = ['symbol', 'qty'] as const;
    const fallback = { by: 'qty', dir: 'desc' } as const;
    expect(sortFromParams(new URLSearchParams('sort=symbol&dir=asc'), cols, fallback)).toEqual({
      by: 'symbol',
      dir: 'asc',
    });
    expect(sortFromParams(new URLSearchParams('sort=<x>&dir=up'), cols, fallback)).toEqual(
      fallback,
    );
  });

  it('[URL-3] a header click flips the same column; a new one starts naturally', () => {
    const textual = (c: string) => c === 'symbol';
    expect(nextSort({ by: 'qty', dir: 'desc' }, 'qty', textual)).toEqual({ by: 'qty', dir: 'asc' });
    expect(nextSort({ by: 'qty', dir: 'desc' }, 'symbol', textual)).toEqual({
      by: 'symbol',
      dir: 'asc',
    });
    expect(nextSort({ by: 'symbol', dir: 'asc' }, 'qty', textual)).toEqual({
      by: 'qty',
      dir: 'desc',
    });
  });
});
