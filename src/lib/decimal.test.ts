import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  abs,
  add,
  compare,
  div,
  isDecimal,
  isZero,
  mul,
  negate,
  percent,
  sign,
  sub,
  sum,
  toBig,
  toFixed,
} from './decimal';

describe('decimal', () => {
  it('[DEC-1] summing "0.1" ten thousand times is exactly 1000 (no float drift)', () => {
    const list = Array.from({ length: 10_000 }, () => '0.1');
    expect(sum(list)).toBe('1000');
    expect(toFixed(sum(list), 2)).toBe('1000.00');
    // The float way drifts: this is what the module exists to prevent.
    expect(list.reduce((a, b) => a + Number(b), 0)).not.toBe(1000);
  });

  it('[DEC-2] add / sub / mul are exact on cents', () => {
    expect(add('0.1', '0.2')).toBe('0.3');
    expect(sub('100.00', '0.01')).toBe('99.99');
    expect(mul('19.99', '3')).toBe('59.97');
    expect(add('999999999999999.99', '0.01')).toBe('1000000000000000');
  });

  it('[DEC-3] div rounds half-up at the given scale and refuses zero', () => {
    expect(div('10', '3', 2)).toBe('3.33');
    expect(div('2', '3', 2)).toBe('0.67');
    expect(div('-2', '3', 2)).toBe('-0.67');
    expect(() => div('1', '0')).toThrow(RangeError);
  });

  it('[DEC-COMPARE] the fast wire-form compare agrees with big.js on every pair', () => {
    const digits = (min: number, max: number) =>
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
    const wire = fc
      .tuple(fc.boolean(), digits(1, 6), fc.option(digits(1, 4)))
      .map(([neg, int, frac]) => `${neg ? '-' : ''}${int}${frac === null ? '' : `.${frac}`}`);
    fc.assert(
      fc.property(wire, wire, (a, b) => {
        expect(compare(a, b)).toBe(toBig(a).cmp(toBig(b)));
      }),
      { numRuns: 5_000 },
    );
    for (const [a, b, want] of [
      ['-0.00', '0', 0],
      ['0', '-0', 0],
      ['007.50', '7.5', 0],
      ['-1.05', '-1.5', 1],
      ['99.999', '100', -1],
      ['-0.01', '0', -1],
      ['.5', '0.49', 1], // not the wire form: big.js decides
      ['5.', '4.99', 1],
    ] as const)
      expect(compare(a, b)).toBe(want);
  });

  it('[DEC-4] compare, sign, isZero, negate, abs', () => {
    expect(compare('1.10', '1.1')).toBe(0);
    expect(compare('-1', '0')).toBe(-1);
    expect(compare('2', '10')).toBe(-1); // numeric, not string order
    expect(compare('10', '2')).toBe(1);
    expect(sign('-0.00')).toBe(0);
    expect(sign('-3')).toBe(-1);
    expect(isZero('0.000')).toBe(true);
    expect(isZero('-0')).toBe(true);
    expect(negate('5.5')).toBe('-5.5');
    expect(negate('0')).toBe('0');
    expect(abs('-7.25')).toBe('7.25');
  });

  it('[DEC-5] percent(part, whole) is ×100, undefined for a zero whole', () => {
    expect(percent('25', '200')).toBe('12.5');
    expect(percent('1', '3', 2)).toBe('33.33');
    expect(percent('1', '0')).toBeUndefined();
  });

  it('[DEC-6] never exponent notation, never "-0"', () => {
    expect(mul('0.0000001', '0.0000001')).toBe('0.00000000000001');
    expect(mul('1000000000000', '1000000000000')).toBe('1000000000000000000000000');
    expect(sub('1', '1')).toBe('0');
    expect(toFixed('-0.001', 2)).toBe('0.00');
    expect(toFixed('1.005', 2)).toBe('1.01');
  });

  it('[DEC-7] rejects non-decimal input, including JS numbers', () => {
    expect(isDecimal('1e5')).toBe(false);
    expect(isDecimal('12.5')).toBe(true);
    expect(() => toBig('abc')).toThrow(TypeError);
    expect(() => add(0.1 as unknown as string, '1')).toThrow(TypeError);
  });
});
