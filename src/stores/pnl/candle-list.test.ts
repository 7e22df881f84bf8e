import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleCandle } from '../../testing/store-samples';
import { CandleList } from './candle-list';

const candles = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => sampleCandle((from + i) * 60));

describe('CandleList', () => {
  it('[CANDLE-LIST-1] reads like the array it was made from, across chunk boundaries', () => {
    const array = candles(10_000);
    const list = CandleList.from(array);
    expect(list.length).toBe(10_000);
    for (const i of [0, 4095, 4096, 8191, 8192, 9999, -1, -10_000])
      expect(list.at(i)).toBe(array.at(i));
    expect(list.at(10_000)).toBeUndefined();
    expect(list.at(-10_001)).toBeUndefined();
    for (const [a, b] of [[4000, 4200], [-3], [9_990, 20_000], [5, 2], [-5, -1]] as const)
      expect(list.slice(a, b)).toEqual(array.slice(a, b));
    expect([...list]).toEqual(array);
    expect(CandleList.from([])).toBe(CandleList.EMPTY);
  });

  it('[CANDLE-LIST-2] push and with return new lists and never change the one they came from', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9_000 }),
        fc.array(fc.oneof(fc.constant('push' as const), fc.nat()), { maxLength: 40 }),
        (size, ops) => {
          let model = candles(size);
          let list = CandleList.from(model);
          const versions: [CandleList, ReturnType<typeof candles>][] = [[list, model]];
          let t = size;
          for (const op of ops) {
            if (op === 'push' || model.length === 0) {
              const c = sampleCandle(++t * 60);
              list = list.push(c);
              model = [...model, c];
            } else {
              const i = op % model.length;
              const c = sampleCandle(model[i]!.t, { close: String(op) });
              list = list.with(i, c);
              model = model.map((m, k) => (k === i ? c : m));
            }
            versions.push([list, model]);
          }
          for (const [l, m] of versions) {
            expect(l.length).toBe(m.length);
            expect(l.slice()).toEqual(m);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('[CANDLE-LIST-3] a year with its live candle replaced shares every other candle', () => {
    const year = CandleList.from(candles(525_601));
    const live = sampleCandle(525_600 * 60, { close: '9.99' });
    const next = year.with(year.length - 1, live).push(sampleCandle(525_601 * 60));
    expect(next.at(-2)).toBe(live);
    expect(year.at(-1)?.close).not.toBe('9.99');
    expect(year.length).toBe(525_601);
    for (const i of [0, 4096, 262_144, 525_599]) expect(next.at(i)).toBe(year.at(i));
  });
});
