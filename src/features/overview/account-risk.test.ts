import { describe, expect, it } from 'vitest';
import { sampleBalance, sampleInfo, samplePosition } from '../../testing/store-samples';
import { accountRiskRow, accountRiskTotals, pdtShort } from './account-risk';

describe('risk per account', () => {
  it('[ALLACCT-RISK-1] each account keeps its own margin use and concentration; equity and day P&L add up exactly', () => {
    const margin = accountRiskRow(
      'A-1',
      sampleBalance({
        accountId: 'A-1',
        totalEquity: '100000.10',
        maintReq: '25000.00',
        startOfDayCash: '80000.00',
        sodPositionsMarketValue: '19999.80',
        PDT: '100000.10',
      }),
      sampleInfo({ accountId: 'A-1' }),
      [samplePosition({ accountId: 'A-1', marketValue: '-20000.00' })],
    );
    const cash = accountRiskRow(
      'A-2',
      sampleBalance({
        accountId: 'A-2',
        totalEquity: '50000.20',
        maintReq: '0.00',
        startOfDayCash: '50000.25',
      }),
      sampleInfo({ accountId: 'A-2', accountType: 'CASH' }),
      [],
    );
    expect(margin.marginUse).toBe('25');
    expect(margin.largest?.percentOfEquity).toBe('20');
    expect(margin.dayPnl).toBe('0.3');
    expect(pdtShort(margin.pdt)).toBe('Unrestricted');
    expect(cash.largest).toBeUndefined();
    expect(pdtShort(cash.pdt)).toBe('Not applicable');
    expect(accountRiskTotals([margin, cash])).toEqual({
      totalEquity: '150000.3',
      dayPnl: '0.25',
      gross: '20000',
    });
  });
});
