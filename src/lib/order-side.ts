/** How a side reads to a trader, and which way it moves the position (for its colour). */
import type { Side } from '../protocol';

export const SIDE_LABEL: Readonly<Record<Side, string>> = {
  BUY: 'Buy',
  SELL: 'Sell',
  SELL_SHORT: 'Sell short',
  BUY_TO_COVER: 'Buy to cover',
};

export const isBuySide = (side: Side): boolean => side === 'BUY' || side === 'BUY_TO_COVER';
