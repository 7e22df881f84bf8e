import { describe, expect, it } from 'vitest';
import { sum } from './decimal';
import {
  MINUS,
  PLACEHOLDER,
  formatMoney,
  formatPercent,
  formatPrice,
  formatQty,
  signOf,
} from './format';

describe('formatMoney', () => {
  it('[FMT-1] groups thousands and pads to cents', () => {
    expect(formatMoney('1234.5')).toBe('$1,234.50');
    expect(formatMoney('0')).toBe('$0.00');
    expect(formatMoney('999')).toBe('$999.00');
    expect(formatMoney('1000')).toBe('$1,000.00');
    expect(formatMoney('125000.00')).toBe('$125,000.00');
  });

  it('[FMT-2] negatives use the true minus sign U+2212 before the symbol', () => {
    expect(MINUS).toBe('\u2212');
    expect(formatMoney('-1234.5')).toBe('\u2212$1,234.50');
    expect(formatMoney('-1234.5', { signed: true })).toBe('\u2212$1,234.50');
  });

  it('[FMT-3] signed shows "+" on positives only; a value rounding to zero has no sign', () => {
    expect(formatMoney('1234.5', { signed: true })).toBe('+$1,234.50');
    expect(formatMoney('0', { signed: true })).toBe('$0.00');
    expect(formatMoney('-0.004', { signed: true })).toBe('$0.00');
    expect(formatMoney('0.004', { signed: true })).toBe('$0.00');
    expect(formatMoney('0.005', { signed: true })).toBe('+$0.01');
  });

  it('[FMT-4] no drift on large values (string math, not Number)', () => {
    expect(formatMoney('999999999999999.99')).toBe('$999,999,999,999,999.99');
    expect(formatMoney('12345678901234567890.125')).toBe('$12,345,678,901,234,567,890.13');
    // Number() would print 9007199254740993 as …992.
    expect(formatMoney('9007199254740993')).toBe('$9,007,199,254,740,993.00');
    expect(formatMoney(sum(Array.from({ length: 10_000 }, () => '0.1')))).toBe('$1,000.00');
  });

  it('[FMT-5] other currencies and absent values', () => {
    expect(formatMoney('10', { currency: 'EUR' })).toBe('€10.00');
    expect(formatMoney('10', { currency: 'SEK' })).toBe('SEK\u00a010.00');
    expect(formatMoney(undefined)).toBe(PLACEHOLDER);
    expect(formatMoney('abc')).toBe(PLACEHOLDER);
  });
});

describe('formatQty / formatPrice / formatPercent / signOf', () => {
  it('[FMT-6] quantities keep significant places, group, and sign', () => {
    expect(formatQty('1500')).toBe('1,500');
    expect(formatQty('-2')).toBe(`${MINUS}2`);
    expect(formatQty('0.5000')).toBe('0.5');
    expect(formatQty('10', { signed: true })).toBe('+10');
    expect(formatQty('1.23456', { dp: 2 })).toBe('1.23');
  });

  it('[FMT-7] prices show 2–4 places as given', () => {
    expect(formatPrice('189.5')).toBe('189.50');
    expect(formatPrice('12.123')).toBe('12.123');
    expect(formatPrice('0.12345')).toBe('0.1235');
    expect(formatPrice('1234')).toBe('1,234.00');
    expect(formatPrice('-1.5')).toBe(`${MINUS}1.50`);
  });

  it('[FMT-8] percent takes a percent value', () => {
    expect(formatPercent('12.345')).toBe('12.35%');
    expect(formatPercent('12.345', { signed: true })).toBe('+12.35%');
    expect(formatPercent('-0.5')).toBe(`${MINUS}0.50%`);
  });

  it('[FMT-9] signOf classifies for colour', () => {
    expect(signOf('1')).toBe('positive');
    expect(signOf('-0.01')).toBe('negative');
    expect(signOf('0.00')).toBe('zero');
    expect(signOf(undefined)).toBe('zero');
  });
});
