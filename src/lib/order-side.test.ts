import { describe, expect, it } from 'vitest';
import { SIDES } from '../protocol';
import { isBuySide, SIDE_LABEL } from './order-side';

describe('order side', () => {
  it('[SIDE-1] buying to cover is a buy; every side has a label', () => {
    expect(SIDES.filter(isBuySide)).toEqual(['BUY', 'BUY_TO_COVER']);
    expect(SIDES.map((s) => SIDE_LABEL[s])).toEqual(['Buy', 'Sell', 'Sell short', 'Buy to cover']);
  });
});
