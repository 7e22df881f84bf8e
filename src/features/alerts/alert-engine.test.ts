import { describe, expect, it } from 'vitest';
import { sampleBalance, sampleOrder } from '../../testing/store-samples';
import { evaluateThresholds, orderAlerts, rearmLevel } from './alert-engine';
import type { Armed, Thresholds } from './alert-engine';

const working = sampleOrder({ ordId: 'O-7', symbol: 'GOOGL', qty: '100', leavesQty: '100' });

describe('order alerts', () => {
  it('[ALERT-1] a partial then a full fill: one alert each, quantity and price from the fill', () => {
    const partial = {
      ...working,
      ordStatus: 'PARTIALLY_FILLED' as const,
      cumQty: '40',
      leavesQty: '60',
      avgPrice: '169.95',
      lastFillQty: '40',
      lastFillPrice: '169.95',
    };
    const [a] = orderAlerts(working, partial);
    expect(a).toMatchObject({
      kind: 'fill',
      key: 'fill:O-7:40',
      title: 'Partially filled: GOOGL',
      body: 'Bought 40 at 169.95 · 40 of 100 filled, 60 left',
    });
    const full = {
      ...partial,
      ordStatus: 'FILLED' as const,
      cumQty: '100',
      leavesQty: '0',
      avgPrice: '169.98',
      lastFillQty: '60',
      lastFillPrice: '170.00',
    };
    expect(orderAlerts(partial, full)).toEqual([
      expect.objectContaining({
        title: 'Filled: GOOGL',
        body: 'Bought 60 at 170.00 · order complete, 100 avg 169.98',
      }),
    ]);
    // The same state again (a duplicate event) is no new fill.
    expect(orderAlerts(full, full)).toEqual([]);
  });

  it('[ALERT-2] fills folded into one frame read as one alert with their total and the average', () => {
    const full = {
      ...working,
      ordStatus: 'FILLED' as const,
      side: 'SELL' as const,
      cumQty: '100',
      leavesQty: '0',
      avgPrice: '169.98',
      lastFillQty: '60',
      lastFillPrice: '170.00',
    };
    expect(orderAlerts(working, full)[0]?.body).toBe('Sold 100 avg 169.98');
  });

  it('[ALERT-3] a rejection carries its reason; an expiry says what was left; working changes are silent', () => {
    const rejected = { ...working, ordStatus: 'REJECTED' as const, ordRejReason: 'Outside hours' };
    expect(orderAlerts(working, rejected)).toEqual([
      expect.objectContaining({
        kind: 'rejection',
        severity: 'error',
        title: 'Rejected: GOOGL',
        body: 'Buy 100: Outside hours',
      }),
    ]);
    // A new order that arrives already rejected (placed and refused in one frame) still alerts.
    expect(orderAlerts(undefined, rejected)).toHaveLength(1);
    const part = {
      ...working,
      ordStatus: 'PARTIALLY_FILLED' as const,
      cumQty: '10',
      leavesQty: '90',
    };
    const expired = { ...part, ordStatus: 'EXPIRED' as const, leavesQty: '0' };
    expect(orderAlerts(part, expired)).toHaveLength(1);
    expect(orderAlerts(part, expired)[0]).toMatchObject({
      kind: 'expiration',
      title: 'Expired: GOOGL',
      body: 'DAY order for 100 expired, 10 filled; 90 unfilled',
    });
    expect(orderAlerts(undefined, working)).toEqual([]);
    expect(orderAlerts(working, { ...working, ordStatus: 'PENDING_CANCEL' })).toEqual([]);
    expect(orderAlerts(working, { ...working, ordStatus: 'CANCELED' })).toEqual([]);
  });

  it('[ALERT-4] options name the contract; multi-leg orders count spreads', () => {
    const leg = {
      symbol: 'AAPL  261218C00230000',
      side: 'BUY' as const,
      ratioQty: '1',
      positionEffect: 'OPEN' as const,
      securityType: 'OPTION' as const,
      maturity: '2026-12-18',
      strikePrice: '230',
      putCall: 'CALL' as const,
    };
    const one = { ...working, symbol: 'AAPL', legs: [leg], qty: '2' };
    const filled = {
      ...one,
      ordStatus: 'FILLED' as const,
      cumQty: '2',
      leavesQty: '0',
      avgPrice: '6.5',
    };
    expect(orderAlerts(one, filled)[0]).toMatchObject({
      title: 'Filled: AAPL 2026-12-18 230 Call',
      body: 'Bought 2 contracts avg 6.50',
    });
    const spread = { ...filled, legs: [leg, { ...leg, side: 'SELL' as const }] };
    expect(orderAlerts(one, spread)[0]?.title).toBe('Filled: AAPL 2-leg spread');
    expect(orderAlerts(one, spread)[0]?.body).toMatch(/^Bought 2 spreads/);
  });
});

describe('threshold alerts', () => {
  const t: Thresholds = { buyingPowerBelow: '100000' };
  const bp = (v: string) => sampleBalance({ netBuyingPower: v });
  const run = (values: string[], thresholds = t, start: Armed = {}) => {
    let armed = start;
    const seen: string[] = [];
    values.forEach((v, i) => {
      const r = evaluateThresholds(armed, bp(v), thresholds, i > 0);
      armed = r.armed;
      seen.push(...r.alerts.map((a) => `${v}:${a.title}`));
    });
    return seen;
  };

  it('[ALERT-5] one alert per crossing; re-armed only past the hysteresis band', () => {
    expect(rearmLevel('buyingPowerBelow', '100000')).toBe('100500');
    expect(rearmLevel('dayPnlBelow', '-100')).toBe('-99'); // $1 minimum band
    expect(rearmLevel('marginUseAbove', '50')).toBe('49.5');
    expect(
      run(['150000', '99999.99', '90000', '100000', '100499.99', '99000', '100500', '99999']),
    ).toEqual([
      '99999.99:Buying power below $100,000.00',
      // 100000 and 100499.99 are inside the band: no re-arm, so 99000 is silent.
      '99999:Buying power below $100,000.00',
    ]);
  });

  it('[ALERT-6] a baseline (first snapshot, reconnect, new threshold) never alerts', () => {
    // Already beyond at the snapshot: disarmed, silent; alerts only after coming back and crossing.
    expect(run(['50000', '40000', '101000', '99000'])).toEqual([
      '99000:Buying power below $100,000.00',
    ]);
    // A re-snapshot beyond the line after a live alert: silent.
    let armed: Armed = {};
    armed = evaluateThresholds(armed, bp('150000'), t, false).armed;
    const crossed = evaluateThresholds(armed, bp('90000'), t, true);
    expect(crossed.alerts).toHaveLength(1);
    const resnap = evaluateThresholds({ buyingPowerBelow: true }, bp('80000'), t, false);
    expect(resnap).toEqual({ armed: { buyingPowerBelow: false }, alerts: [] });
    // A threshold with no baseline yet takes the live value as its baseline.
    expect(evaluateThresholds({}, bp('1'), t, true).alerts).toEqual([]);
  });

  it('[ALERT-7] margin use above Y% and day P&L below Z, from decimals; no equity counts as beyond', () => {
    const thresholds: Thresholds = { marginUseAbove: '50', dayPnlBelow: '-500' };
    const base = { startOfDayCash: '60000.00', sodPositionsMarketValue: '40000.00' };
    const b = (equity: string, maint: string) =>
      sampleBalance({ ...base, totalEquity: equity, maintReq: maint });
    let armed = evaluateThresholds({}, b('100000.00', '40000.00'), thresholds, false).armed;
    expect(armed).toEqual({ marginUseAbove: true, dayPnlBelow: true });
    const r = evaluateThresholds(armed, b('99499.99', '49750.00'), thresholds, true);
    expect(r.alerts.map((a) => [a.kind, a.body])).toEqual([
      // 49750 / 99499.99 = 50.0000502…%: above 50, though it shows as 50.00% (compared unrounded).
      ['marginUseAbove', 'Margin use is 50.00%: maintenance $49,750.00 of equity $99,499.99'],
      ['dayPnlBelow', "Today's P&L is −$500.01"],
    ]);
    armed = r.armed;
    expect(armed).toEqual({ marginUseAbove: false, dayPnlBelow: false });
    const zero = evaluateThresholds({ marginUseAbove: true }, b('0.00', '1.00'), thresholds, true);
    expect(zero.alerts[0]?.body).toBe('Equity is $0.00: margin call');
  });

  it('[ALERT-8] thresholds that are off or not decimals are ignored', () => {
    expect(evaluateThresholds({}, bp('1'), {}, true)).toEqual({ armed: {}, alerts: [] });
    expect(
      evaluateThresholds({ buyingPowerBelow: true }, bp('1'), { buyingPowerBelow: 'abc' }, true),
    ).toEqual({ armed: {}, alerts: [] });
  });
});
