/**
 * Money and quantity math on decimal strings, over big.js.
 *
 * Every amount in the protocol is a decimal string ("125000.00"); these helpers take and
 * return strings so a JS float never touches money. The constructor is private and
 * `strict`: passing a JS number to it throws, which keeps `0.1 + 0.2` out of the codebase.
 * Results are plain decimal strings, never exponent notation ("1e-7"), and never "-0".
 */
import BigModule from 'big.js';
import type { Big as BigNumber, BigConstructor } from 'big.js';

/** A decimal string such as "-1234.50" (what the protocol sends for money and quantities). */
export type Decimal = string;

const Big: BigConstructor = BigModule();
Big.DP = 30; // internal precision for division; callers round to their own scale
Big.RM = Big.roundHalfUp; // half away from zero, as brokers show money
Big.NE = -1_000_000; // never switch to exponent notation in toString()
Big.PE = 1_000_000;
Big.strict = true;

// Strict mode refuses JS numbers even as operands, so constants are Bigs too.
const ZERO = new Big('0');
const HUNDRED = new Big('100');

export type Sign = -1 | 0 | 1;

const DECIMAL_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** True for a string big.js accepts as a plain decimal (no exponent, no spaces). */
export function isDecimal(value: unknown): value is Decimal {
  return typeof value === 'string' && DECIMAL_RE.test(value);
}

/** Parse; throws on anything that is not a decimal string. */
export function toBig(value: Decimal): BigNumber {
  if (!isDecimal(value)) throw new TypeError(`not a decimal string: ${JSON.stringify(value)}`);
  return new Big(value);
}

function out(b: BigNumber): Decimal {
  const s = b.toString();
  return s === '-0' ? '0' : s.startsWith('-0') && b.eq(ZERO) ? '0' : s;
}

export function add(a: Decimal, b: Decimal): Decimal {
  return out(toBig(a).plus(toBig(b)));
}

export function sub(a: Decimal, b: Decimal): Decimal {
  return out(toBig(a).minus(toBig(b)));
}

export function mul(a: Decimal, b: Decimal): Decimal {
  return out(toBig(a).times(toBig(b)));
}

/** `a / b` rounded half-up to `scale` decimal places (trailing zeros trimmed). Throws on b = 0. */
export function div(a: Decimal, b: Decimal, scale = 10): Decimal {
  const divisor = toBig(b);
  if (divisor.eq(ZERO)) throw new RangeError('division by zero');
  return out(toBig(a).div(divisor).round(scale, Big.roundHalfUp));
}

/** Exact sum of a list; "0" for an empty list. */
export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(toBig(v));
  return out(total);
}

export function compare(a: Decimal, b: Decimal): Sign {
  // Hot: a year of 1-minute candles is a million compares to find its high and low, so the
  // protocol's own form ("-1234.50") is compared digit by digit, without a Big per side.
  const aDot = wireDot(a);
  const bDot = wireDot(b);
  if (aDot === NOT_WIRE || bDot === NOT_WIRE) return toBig(a).cmp(toBig(b)) as Sign;
  const negA = a.charCodeAt(0) === MINUS;
  const negB = b.charCodeAt(0) === MINUS;
  const m = compareMagnitude(a, negA ? 1 : 0, aDot, b, negB ? 1 : 0, bDot);
  if (negA === negB) return negA ? ((0 - m) as Sign) : m; // 0 - m: never -0
  // Opposite signs differ unless both are zero ("-0.00" = "0").
  if (isZeroDigits(a) && isZeroDigits(b)) return 0;
  return negA ? -1 : 1;
}

const MINUS = 45;
const DOT = 46;
const NOT_WIRE = -2;
const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * Where the '.' of a wire-form decimal (-?\d+(\.\d+)?) is: its index, the length when it has
 * none, or NOT_WIRE for any other string (those go through big.js).
 */
function wireDot(s: string): number {
  let i = s.charCodeAt(0) === MINUS ? 1 : 0;
  const intStart = i;
  while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  if (i === intStart) return NOT_WIRE;
  if (i === s.length) return i;
  if (s.charCodeAt(i) !== DOT) return NOT_WIRE;
  const dot = i++;
  const fracStart = i;
  while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  return i === s.length && i > fracStart ? dot : NOT_WIRE;
}

function isZeroDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 49 && c <= 57) return false; // '1'..'9'
  }
  return true;
}

/** Compares |x| and |y|, whose digits start at `xs`/`ys` and whose dots are at `xDot`/`yDot`. */
function compareMagnitude(
  x: string,
  xs: number,
  xDot: number,
  y: string,
  ys: number,
  yDot: number,
): Sign {
  while (xs < xDot - 1 && x.charCodeAt(xs) === 48) xs++; // leading zeros
  while (ys < yDot - 1 && y.charCodeAt(ys) === 48) ys++;
  const xLen = xDot - xs;
  const yLen = yDot - ys;
  if (xLen !== yLen) return xLen > yLen ? 1 : -1;
  for (let k = 0; k < xLen; k++) {
    const d = x.charCodeAt(xs + k) - y.charCodeAt(ys + k);
    if (d !== 0) return d > 0 ? 1 : -1;
  }
  // Fractions digit by digit; a missing digit is a zero.
  for (let k = 1; xDot + k < x.length || yDot + k < y.length; k++) {
    const cx = xDot + k < x.length ? x.charCodeAt(xDot + k) : 48;
    const cy = yDot + k < y.length ? y.charCodeAt(yDot + k) : 48;
    if (cx !== cy) return cx > cy ? 1 : -1;
  }
  return 0;
}

export function isZero(a: Decimal): boolean {
  return toBig(a).eq(ZERO);
}

export function sign(a: Decimal): Sign {
  return toBig(a).cmp(ZERO) as Sign;
}

export function negate(a: Decimal): Decimal {
  return out(toBig(a).neg());
}

export function abs(a: Decimal): Decimal {
  return out(toBig(a).abs());
}

/** Round half-up to `dp` places and keep exactly `dp` places: toFixed("1.005", 2) = "1.01". */
export function toFixed(a: Decimal, dp: number): Decimal {
  const s = toBig(a).round(dp, Big.roundHalfUp).toFixed(dp);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/** `part / whole × 100` rounded to `scale` places; undefined when `whole` is zero. */
export function percent(part: Decimal, whole: Decimal, scale = 4): Decimal | undefined {
  const w = toBig(whole);
  if (w.eq(ZERO)) return undefined;
  return out(toBig(part).times(HUNDRED).div(w).round(scale, Big.roundHalfUp));
}

/** Number of digits after the point as written ("1.50" → 2, "3" → 0). */
export function scaleOf(a: Decimal): number {
  const dot = a.indexOf('.');
  return dot < 0 ? 0 : a.length - dot - 1;
}
