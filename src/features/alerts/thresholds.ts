/**
 * Alert thresholds are the trader's preferences, not account data, so they live in
 * localStorage, per account, as decimal strings (never floats: "buying power below
 * $100,000.00" must compare to the cent).
 */
import { compare, isDecimal } from '../../lib/decimal';
import type { Decimal } from '../../lib/decimal';
import type { ThresholdKey, Thresholds } from './alert-engine';
import { THRESHOLD_KEYS } from './alert-engine';

const PREFIX = 'aries.alerts.thresholds.';

export type ParsedInput = Readonly<{ value: Decimal | undefined; error?: string }>;

/**
 * What the trader typed → a decimal string, or undefined for "off" (empty). Accepts what people
 * paste: "$100,000", "50%", "−500" (a typographic minus), surrounding spaces.
 */
export function parseThresholdInput(key: ThresholdKey, raw: string): ParsedInput {
  const cleaned = raw
    .trim()
    .replace(/[\u2212\u2013]/g, '-')
    .replace(/^(-?)\s*\$/, '$1')
    .replace(/,/g, '')
    .replace(/%$/, '')
    .trim();
  if (cleaned === '') return { value: undefined };
  if (!isDecimal(cleaned)) return { value: undefined, error: 'Enter a number, e.g. 100000.00' };
  const value = cleaned.replace(/^\+/, '');
  if (key === 'buyingPowerBelow' && compare(value, '0') <= 0)
    return { value: undefined, error: 'Enter an amount above $0' };
  if (key === 'marginUseAbove' && (compare(value, '0') <= 0 || compare(value, '1000') > 0))
    return { value: undefined, error: 'Enter a percent between 0 and 1,000' };
  return { value };
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // blocked storage: thresholds last for this page only
  }
}

export function loadThresholds(accountId: string, store = storage()): Thresholds {
  try {
    const raw = store?.getItem(PREFIX + accountId);
    if (!raw) return {};
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return {};
    const out: Partial<Record<ThresholdKey, Decimal>> = {};
    for (const key of THRESHOLD_KEYS) {
      const v = (parsed as Record<string, unknown>)[key];
      // Anything but a decimal string (a hand-edited or older value) is dropped, not trusted.
      if (isDecimal(v)) out[key] = v;
    }
    return out;
  } catch {
    return {};
  }
}

export function saveThresholds(accountId: string, t: Thresholds, store = storage()): void {
  try {
    if (Object.keys(t).length === 0) store?.removeItem(PREFIX + accountId);
    else store?.setItem(PREFIX + accountId, JSON.stringify(t));
  } catch {
    // quota or private mode: the thresholds still apply until the page closes
  }
}
