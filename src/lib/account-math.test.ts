import { describe, expect, it } from 'vitest';
import { sampleBalance } from '../testing/store-samples';
import { dayPnl, marginUse } from './account-math';

describe('account math', () => {
  it('[RISK-1] day P&L is equity minus start-of-day cash and positions, exactly', () => {
    const b = sampleBalance({
      totalEquity: '100000.10',
      startOfDayCash: '60000.05',
      sodPositionsMarketValue: '40000.06',
    });
    expect(dayPnl(b)).toBe('-0.01');
  });

  it('[RISK-2] margin use is maintReq / equity in percent; undefined at zero or negative equity', () => {
    expect(marginUse(sampleBalance({ maintReq: '25000.00', totalEquity: '100000.00' }))).toBe('25');
    expect(marginUse(sampleBalance({ maintReq: '1.00', totalEquity: '3.00' }))).toBe('33.33');
    expect(marginUse(sampleBalance({ maintReq: '1000.00', totalEquity: '0.00' }))).toBeUndefined();
    expect(marginUse(sampleBalance({ maintReq: '1000.00', totalEquity: '-5.00' }))).toBeUndefined();
  });
});
