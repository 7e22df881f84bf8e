import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCents } from './cents';
import { JsonBytes } from './json-bytes';

const centsBytes = (v: number) => {
  const w = new JsonBytes(1);
  w.cents(v);
  return w.done().toString('latin1');
};
const integerBytes = (v: number) => {
  const w = new JsonBytes(1);
  w.integer(v);
  return w.done().toString('latin1');
};

describe('JsonBytes', () => {
  it('[JSON-BYTES-1] cents() writes formatCents() for every integer in ±3,000,000 into one growing buffer', () => {
    // One writer for all of them also exercises growth from a tiny buffer.
    const w = new JsonBytes(1);
    const expected: string[] = [];
    for (let v = -3_000_000; v <= 3_000_000; v++) {
      w.cents(v);
      w.bytes(COMMA);
      expected.push(formatCents(v), ',');
    }
    expect(w.done().toString('latin1') === expected.join('')).toBe(true);
  });

  it('[JSON-BYTES-2] cents() and integer() match formatCents and String for edge cases, safe integers and doubles', () => {
    const cases = [
      0,
      -0,
      5,
      -5,
      99,
      -99,
      100,
      -100,
      1e15 - 1,
      -(1e15 - 1),
      1e15,
      -1e15,
      Number.MAX_SAFE_INTEGER,
      Number.MIN_SAFE_INTEGER,
      1e21,
      -1e23,
      0.5,
      -12.345,
      NaN,
      Infinity,
    ];
    for (const v of cases) {
      expect([v, centsBytes(v)]).toEqual([v, formatCents(v)]);
      expect([v, integerBytes(v)]).toEqual([v, String(v)]);
    }
    const anyNumber = fc.oneof(
      fc.integer({ min: -1e15, max: 1e15 }),
      fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
      fc.double(),
    );
    fc.assert(
      fc.property(
        anyNumber,
        (v) => centsBytes(v) === formatCents(v) && integerBytes(v) === String(v),
      ),
      { numRuns: 100_000 },
    );
  });

  it('[JSON-BYTES-3] bytes() copies literals, including multi-byte UTF-8, across growth', () => {
    const w = new JsonBytes(1);
    const parts = ['{"a":', '"é\u{1F600}"', ',"b":[]}'];
    for (const p of parts) w.bytes(Buffer.from(p));
    expect(w.done().toString('utf8')).toBe(parts.join(''));
  });
});

const COMMA = Buffer.from(',');
