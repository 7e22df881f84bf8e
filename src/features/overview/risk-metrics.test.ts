import { describe, expect, it } from 'vitest';
import { sampleBalance, sampleInfo, samplePosition } from '../../testing/store-samples';
import {
  buyingPowerByKind,
  concentration,
  explainPdt,
  optionsExposure,
  pdtStatus,
} from './risk-metrics';

const call = (over: Parameters<typeof samplePosition>[0] = {}) =>
  samplePosition({
    symbol: 'AAPL  261218C00200000',
    securityType: 'OPTION',
    underlying: 'AAPL',
    putCall: 'CALL',
    strikePrice: '200',
    maturity: '2026-12-18',
    multiplier: '100',
    qty: '2',
    lastPrice: '5.10',
    marketValue: '1020.00',
    ...over,
  });

describe('risk metrics', () => {
  it('[RISK-3] buying power by kind lists the five documented kinds with their meaning', () => {
    const lines = buyingPowerByKind(
      sampleBalance({ stockBuyingPower: '1.10', dayTradeBuyingPower: '0.00' }),
    );
    expect(lines.map((l) => l.field)).toEqual([
      'netBuyingPower',
      'stockBuyingPower',
      'optionBuyingPower',
      'dayTradeBuyingPower',
      'dayTradeOvernightRegTBuyingPower',
    ]);
    expect(lines[1]).toMatchObject({ label: 'Stock buying power', value: '1.10' });
    expect(lines.every((l) => l.help.length > 10)).toBe(true);
  });

  it('[RISK-4] concentration: largest |market value| wins (shorts too), exact share of equity', () => {
    const c = concentration(
      [
        samplePosition({ symbol: 'A', marketValue: '30000.00' }),
        samplePosition({ symbol: 'B', qty: '-100', marketValue: '-33333.33' }),
      ],
      '100000.00',
    );
    expect(c).toMatchObject({ symbol: 'B', marketValue: '-33333.33', percentOfEquity: '33.33' });
  });

  it('[RISK-5] concentration: no positions → undefined; zero or negative equity → no share', () => {
    expect(concentration([], '100000.00')).toBeUndefined();
    const pos = [samplePosition({ marketValue: '500.00' })];
    expect(concentration(pos, '0.00')?.percentOfEquity).toBeUndefined();
    expect(concentration(pos, '-10.00')?.percentOfEquity).toBeUndefined();
    // A position larger than equity reads above 100%, not clipped.
    expect(concentration(pos, '250.00')?.percentOfEquity).toBe('200');
  });

  it('[RISK-6] options exposure groups by underlying; multiplier 100 (also when absent); shorts net', () => {
    const rows = optionsExposure(
      [
        call(),
        call({
          symbol: 'AAPL  261218P00180000',
          putCall: 'PUT',
          qty: '-3',
          marketValue: '-600.00',
        }),
        call({
          symbol: 'TSLA  261218C00300000',
          underlying: 'TSLA',
          qty: '1',
          marketValue: '250.00',
          multiplier: undefined,
        }),
        samplePosition({ symbol: 'AAPL', marketValue: '19000.00' }), // stock: not an option
      ],
      '100000.00',
    );
    expect(rows).toEqual([
      {
        underlying: 'AAPL',
        netContracts: '-1',
        longContracts: '2',
        shortContracts: '3',
        sharesControlled: '-100',
        marketValue: '420',
        percentOfEquity: '0.42',
      },
      {
        underlying: 'TSLA',
        netContracts: '1',
        longContracts: '1',
        shortContracts: '0',
        sharesControlled: '100',
        marketValue: '250',
        percentOfEquity: '0.25',
      },
    ]);
    expect(optionsExposure([samplePosition()], '1.00')).toEqual([]);
    expect(optionsExposure([call()], '0.00')[0]?.percentOfEquity).toBeUndefined();
  });

  it('[RISK-7] PDT: margin ≥ $25,000 is unrestricted; below it the remaining day trades are a count', () => {
    const info = sampleInfo({ accountType: 'MARGIN' });
    expect(
      pdtStatus(sampleBalance({ PDT: '25000.00', dayTradeBuyingPower: '9.00' }), info),
    ).toEqual({ kind: 'unrestricted', pdtEquity: '25000.00', dayTradeBuyingPower: '9.00' });
    const low = pdtStatus(sampleBalance({ PDT: '24999.99', pdtCreditRemaining: '2' }), info);
    expect(low).toEqual({
      kind: 'restricted',
      pdtEquity: '24999.99',
      dayTradesLeft: 2,
      shortfall: '0.01',
    });
    expect(explainPdt(low)).toMatch(/^2 of 3 day trades left/);
    // A dollar amount where a count is expected is not shown as a count.
    const odd = pdtStatus(sampleBalance({ PDT: '-100.00', pdtCreditRemaining: '1500.00' }), info);
    expect(odd).toMatchObject({ kind: 'restricted', dayTradesLeft: undefined, shortfall: '25100' });
  });

  it('[RISK-8] PDT does not apply to cash or retirement accounts', () => {
    const s = pdtStatus(sampleBalance({ PDT: '100.00' }), sampleInfo({ accountType: 'CASH' }));
    expect(s).toEqual({ kind: 'not-applicable', accountType: 'CASH' });
    expect(explainPdt(s)).toMatch(/margin accounts only.*cash account/);
    expect(pdtStatus(sampleBalance(), undefined).kind).toBe('not-applicable');
  });
});
