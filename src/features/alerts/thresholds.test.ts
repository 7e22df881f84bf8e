import { describe, expect, it } from 'vitest';
import { loadThresholds, parseThresholdInput, saveThresholds } from './thresholds';

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, v),
  };
}

describe('thresholds', () => {
  it('[ALERT-9] typed input becomes a decimal string; empty is off; nonsense is refused', () => {
    expect(parseThresholdInput('buyingPowerBelow', ' $100,000.50 ')).toEqual({
      value: '100000.50',
    });
    expect(parseThresholdInput('dayPnlBelow', '\u2212$500')).toEqual({ value: '-500' });
    expect(parseThresholdInput('dayPnlBelow', '-$1,000')).toEqual({ value: '-1000' });
    expect(parseThresholdInput('marginUseAbove', '50%')).toEqual({ value: '50' });
    expect(parseThresholdInput('marginUseAbove', '')).toEqual({ value: undefined });
    expect(parseThresholdInput('marginUseAbove', '0').error).toMatch(/between/);
    expect(parseThresholdInput('buyingPowerBelow', '-5').error).toMatch(/above \$0/);
    expect(parseThresholdInput('buyingPowerBelow', '1e5').error).toMatch(/number/);
  });

  it('[ALERT-10] saved per account as decimal strings; foreign or malformed values are dropped', () => {
    const s = memoryStorage();
    saveThresholds('A-1', { buyingPowerBelow: '100000.00', dayPnlBelow: '-500' }, s);
    expect(loadThresholds('A-1', s)).toEqual({
      buyingPowerBelow: '100000.00',
      dayPnlBelow: '-500',
    });
    expect(loadThresholds('A-2', s)).toEqual({});
    s.setItem('aries.alerts.thresholds.A-3', '{"marginUseAbove":50,"dayPnlBelow":"x"}');
    expect(loadThresholds('A-3', s)).toEqual({});
    s.setItem('aries.alerts.thresholds.A-4', 'not json');
    expect(loadThresholds('A-4', s)).toEqual({});
    saveThresholds('A-1', {}, s);
    expect(s.length).toBe(2);
  });
});
