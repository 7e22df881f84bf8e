import { describe, expect, it } from 'vitest';
import { BALANCE_DECIMAL_FIELDS } from '../../protocol';
import type { Balance } from '../../protocol';
import { balanceSections, buyingPowerFree, marginUse } from './balance-sections';

const balance = {
  accountId: 'A-1',
  pendingOrdersCount: 3,
  ...Object.fromEntries(BALANCE_DECIMAL_FIELDS.map((f) => [f, '0.00'])),
  totalEquity: '200000.10',
  maintReq: '50000.025',
  netBuyingPower: '100.00',
  stockBuyingPower: '300.00',
} as Balance;

describe('balance sections', () => {
  it('[BAL-1] shows every documented field exactly once, grouped, with its meaning', () => {
    const lines = balanceSections(balance).flatMap((s) => s.lines);
    expect(lines.map((l) => l.field).sort()).toEqual(
      [...BALANCE_DECIMAL_FIELDS, 'pendingOrdersCount'].sort(),
    );
    expect(lines).toHaveLength(26); // + accountId = the docs' 27 fields
    for (const l of lines) expect(l.help.length).toBeGreaterThan(10);
    const groups = balanceSections(balance).map((s) => s.group);
    expect(groups).toEqual(['Equity & cash', 'Buying power', 'Margin', 'Day trading', 'Today']);
    expect(lines.find((l) => l.field === 'pendingOrdersCount')).toMatchObject({
      kind: 'count',
      value: '3',
    });
    expect(lines.find((l) => l.field === 'realizedPL')?.kind).toBe('pnl');
  });

  it('[BAL-2] gauges are exact decimal shares and absent when the base is zero', () => {
    // 50000.025 / 200000.10 = 24.99999...% → 25.00 at 2 dp (a float path gives the same here,
    // but only decimals promise it for every cent).
    expect(marginUse(balance)).toBe('25');
    expect(buyingPowerFree(balance)).toBe('33.33');
    expect(marginUse({ ...balance, totalEquity: '0.00' })).toBeUndefined();
  });
});
