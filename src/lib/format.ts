/**
 * Display formatting for money, quantities, prices and percentages.
 *
 * All rounding and digit grouping is done on the decimal string (big.js `toFixed` + string
 * grouping); nothing goes through `Number()`, so a 16-digit balance shows every cent.
 * Negative values use the true minus sign U+2212, which lines up with "+" in tabular figures.
 */
import { isDecimal, sign, toFixed } from './decimal';
import type { Decimal } from './decimal';

export const MINUS = '\u2212';
/** What to show when a value is absent or not a decimal. */
export const PLACEHOLDER = '—';

const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  USD: '$',
  EUR: '€',
  GBP: '£',
  JPY: '¥',
  CAD: 'CA$',
  AUD: 'A$',
  CHF: 'CHF\u00a0',
};

export type SignClass = 'positive' | 'negative' | 'zero';

/** For colouring: 'positive' | 'negative' | 'zero' ('zero' for absent values too). */
export function signOf(value: Decimal | undefined | null): SignClass {
  if (!isDecimal(value)) return 'zero';
  const s = sign(value);
  return s > 0 ? 'positive' : s < 0 ? 'negative' : 'zero';
}

/** "1234567.5" → "1,234,567.5"; works on the unsigned digits only. */
function group(unsigned: string): string {
  const dot = unsigned.indexOf('.');
  const int = dot < 0 ? unsigned : unsigned.slice(0, dot);
  const frac = dot < 0 ? '' : unsigned.slice(dot);
  let grouped = '';
  for (let i = int.length; i > 0; i -= 3) {
    const start = Math.max(0, i - 3);
    grouped = int.slice(start, i) + (grouped ? ',' + grouped : '');
  }
  return (grouped || '0') + frac;
}

/** Round to `dp`, then split into a sign and grouped digits; "-0.001" at 2 dp is unsigned "0.00". */
function parts(
  value: Decimal,
  dp: number,
): { negative: boolean; positive: boolean; digits: string } {
  const fixed = toFixed(value, dp);
  const negative = fixed.startsWith('-');
  const unsigned = negative ? fixed.slice(1) : fixed.replace(/^\+/, '');
  const positive = !negative && /[1-9]/.test(unsigned);
  return { negative, positive, digits: group(unsigned) };
}

function prefix(negative: boolean, positive: boolean, signed: boolean): string {
  if (negative) return MINUS;
  return signed && positive ? '+' : '';
}

export type MoneyOptions = {
  /** ISO 4217 code; default USD. */
  currency?: string;
  /** Show "+" on positive values (P&L columns). */
  signed?: boolean;
  /** Decimal places; default 2. */
  dp?: number;
};

/** formatMoney("1234.5") = "$1,234.50"; signed: "+$1,234.50"; negative: "−$1,234.50". */
export function formatMoney(value: Decimal | undefined | null, options: MoneyOptions = {}): string {
  if (!isDecimal(value)) return PLACEHOLDER;
  const { currency = 'USD', signed = false, dp = 2 } = options;
  const p = parts(value, dp);
  const symbol = CURRENCY_SYMBOLS[currency] ?? `${currency}\u00a0`;
  return `${prefix(p.negative, p.positive, signed)}${symbol}${p.digits}`;
}

export type QtyOptions = {
  signed?: boolean;
  /** Fixed decimal places; by default the significant places of the value. */
  dp?: number;
};

/** formatQty("1500") = "1,500"; "-2" → "−2"; trailing zeros trimmed unless `dp`: "0.5000" → "0.5". */
export function formatQty(value: Decimal | undefined | null, options: QtyOptions = {}): string {
  if (!isDecimal(value)) return PLACEHOLDER;
  const dp = options.dp ?? trimmedScale(value);
  const p = parts(value, dp);
  return `${prefix(p.negative, p.positive, options.signed ?? false)}${p.digits}`;
}

export type PriceOptions = {
  /** Fewest places shown (default 2). */
  minDp?: number;
  /** Most places shown, rounding beyond (default 4). */
  maxDp?: number;
  signed?: boolean;
};

/** Prices keep the places they were sent with, clamped to 2–4: "189.5" → "189.50", "0.12345" → "0.1235". */
export function formatPrice(value: Decimal | undefined | null, options: PriceOptions = {}): string {
  if (!isDecimal(value)) return PLACEHOLDER;
  const { minDp = 2, maxDp = 4, signed = false } = options;
  const dp = Math.min(maxDp, Math.max(minDp, trimmedScale(value)));
  const p = parts(value, dp);
  return `${prefix(p.negative, p.positive, signed)}${p.digits}`;
}

export type PercentOptions = { dp?: number; signed?: boolean };

/** Takes a value already in percent (see decimal.percent): "12.345" → "12.35%"; signed "+12.35%". */
export function formatPercent(
  value: Decimal | undefined | null,
  options: PercentOptions = {},
): string {
  if (!isDecimal(value)) return PLACEHOLDER;
  const p = parts(value, options.dp ?? 2);
  return `${prefix(p.negative, p.positive, options.signed ?? false)}${p.digits}%`;
}

/** Places after the point, ignoring trailing zeros ("1.500" → 1). */
function trimmedScale(value: Decimal): number {
  const dot = value.indexOf('.');
  if (dot < 0) return 0;
  const frac = value.slice(dot + 1).replace(/0+$/, '');
  return frac.length;
}
