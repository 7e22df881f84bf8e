import { describe, expect, it } from 'vitest';
import { sampleCandle } from '../../testing/store-samples';
import { combinePnl } from './combine-pnl';

const candle = (t: number, close: string) => sampleCandle(t, { close });

describe('combined P&L of several accounts', () => {
  it('[ALLACCT-PNL-1] sums closes exactly, only at candle times every included account has', () => {
    const combined = combinePnl(
      [
        {
          accountId: 'A-1',
          interval: '5m',
          candles: [candle(300, '0.10'), candle(600, '0.20'), candle(900, '-1.05')],
        },
        {
          accountId: 'A-2',
          interval: '5m',
          candles: [candle(600, '0.10'), candle(900, '2.15'), candle(1200, '3')],
        },
      ],
      '5m',
    );
    expect(combined.included).toEqual(['A-1', 'A-2']);
    expect(combined.excluded).toEqual([]);
    // 0.2 + 0.1 in floats is 0.30000000000000004.
    expect(combined.points).toEqual([
      { t: 600, close: '0.3' },
      { t: 900, close: '1.1' },
    ]);
  });

  it('[ALLACCT-PNL-2] a series in another interval, or not arrived, is left out and named', () => {
    const combined = combinePnl(
      [
        { accountId: 'A-1', interval: '5m', candles: [candle(300, '5.00')] },
        { accountId: 'A-2', interval: '1m', candles: [candle(300, '7.00')] },
        { accountId: 'A-3', interval: undefined, candles: [] },
      ],
      '5m',
    );
    expect(combined.included).toEqual(['A-1']);
    expect(combined.excluded).toEqual(['A-2', 'A-3']);
    expect(combined.points).toEqual([{ t: 300, close: '5' }]);
    expect(combinePnl([], '5m').points).toEqual([]);
  });
});
