/**
 * Integer cents as the decimal string candles carry. A year of 1m candles formats two million
 * values; `(cents / 100).toFixed(2)` goes through a float and the generic number printer for
 * each, while integer cents only need a quotient, a remainder and a lookup.
 */

const FRACTIONS = Array.from({ length: 100 }, (_, i) => (i < 10 ? '.0' : '.') + String(i));

/**
 * Below this, `cents / 100` lands within half an ulp of the exact quotient and that ulp is far
 * under the 0.005 toFixed rounds at, so toFixed(2) prints exactly the integer's digits. Above it
 * (and for non-integers) the float path decides, so the output never differs from toFixed.
 */
const EXACT_LIMIT = 1e15;

/** An integer small enough that its digits print exactly (String, toFixed); NaN is not. */
export function isExactInteger(n: number): boolean {
  return n > -EXACT_LIMIT && n < EXACT_LIMIT && Math.floor(n) === n;
}

/** Exactly `(cents / 100).toFixed(2)`, for every number. */
export function formatCents(cents: number): string {
  if (!isExactInteger(cents)) return (cents / 100).toFixed(2);
  // -0 is not below 0, so it prints "0.00" like toFixed does.
  const negative = cents < 0;
  const abs = negative ? -cents : cents;
  const fraction = abs % 100;
  const whole = String((abs - fraction) / 100);
  return (negative ? '-' + whole : whole) + (FRACTIONS[fraction] as string);
}
