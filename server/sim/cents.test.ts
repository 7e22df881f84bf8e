import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCents } from './cents';

const reference = (cents: number) => (cents / 100).toFixed(2);

describe('formatCents', () => {
  it('[CENTS-1] matches toFixed(2) for every integer cent value in ±3,000,000 (all synthetic history and more)', () => {
    // History is within ±720,000 cents; one mismatch is enough to fail, so count them cheaply.
    let mismatches = 0;
    let first: number | undefined;
    for (let v = -3_000_000; v <= 3_000_000; v++) {
      if (formatCents(v) !== reference(v)) {
        mismatches++;
        first ??= v;
      }
    }
    expect({ mismatches, first }).toEqual({ mismatches: 0, first: undefined });
  });

  it('[CENTS-2] edge cases: zero, negative zero, sub-dollar negatives, the exact-path limit, beyond it', () => {
    const cases = [
      0,
      -0,
      1,
      -1,
      5,
      -5,
      9,
      -9,
      10,
      -10,
      99,
      -99,
      100,
      -100,
      101,
      -101,
      2 ** 31,
      -(2 ** 31),
      1e15 - 1,
      -(1e15 - 1),
      1e15,
      -1e15,
      1e15 + 1,
      Number.MAX_SAFE_INTEGER,
      Number.MIN_SAFE_INTEGER,
      1e21,
      1e23,
      -1e23,
      0.5,
      -0.5,
      12.345,
      Infinity,
      -Infinity,
      NaN,
    ];
    for (const v of cases) expect([v, formatCents(v)]).toEqual([v, reference(v)]);
    expect(formatCents(-5)).toBe('-0.05');
    expect(formatCents(0)).toBe('0.00');
    expect(formatCents(-0)).toBe('0.00');
  });

  it('[CENTS-3] matches toFixed(2) for any safe integer and any double', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (v) => formatCents(v) === reference(v)),
      { numRuns: 200_000 },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        (v) => formatCents(v) === reference(v),
      ),
      { numRuns: 50_000 },
    );
    fc.assert(
      fc.property(fc.double(), (v) => formatCents(v) === reference(v)),
      { numRuns: 50_000 },
    );
  });
});
