import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nextCandleStart, type PnlInterval } from '../../src/protocol';
import { exchangeWallTime } from '../../src/protocol/exchange-time';
import { exampleHistory } from './history-fixture';
import { PnlSeries } from './pnl-series';

const DAY = 86_400_000;
const START = Date.parse('2026-11-24T14:31:07.250Z');
const digest = (v: unknown) =>
  createHash('sha256').update(JSON.stringify(v)).digest('hex').slice(0, 16);

/**
 * Candle bytes for a spread of intervals, ranges and live histories: a quiet series, and a busy
 * one with a negative seed, an account id JSON must escape, a quiet stretch, a value past int32
 * and a gap longer than the live window (so carry-forward stops at MAX_LIVE_BUCKETS).
 */
function scenarios(): Record<string, string> {
  const out: Record<string, string> = {};
  const quiet = new PnlSeries('A-10001', exampleHistory(42, START));
  const busy = new PnlSeries('A-"x"\u00e9', exampleHistory(-123_457, START));
  let r = 7;
  for (let s = 0; s < 3 * 3600; s += 1 + (r % 13)) {
    r = (r * 1_103_515_245 + 12_345) % 2_147_483_648;
    if (s > 3000 && s < 3600) continue;
    busy.record(START + s * 1000 + (r % 1000), (r % 2_000_001) - 1_000_000);
  }
  busy.record(START + 9 * DAY, 4_200_000_000);
  busy.record(START + 9 * DAY + 20_000, -7);
  const now = START + 2 * 3600_000 + 17_321;
  out['1m 1Y quiet'] = digest(quiet.candles('1m', now - 365 * DAY, now));
  out['1m 1Y busy'] = digest(busy.candles('1m', now - 365 * DAY, now));
  out['1m 500d capped'] = digest(quiet.candles('1m', now - 500 * DAY, now));
  out['15s 1W'] = digest(busy.candles('15s', now - 7 * DAY, now));
  out['5m 1M'] = digest(busy.candles('5m', now - 30 * DAY, now));
  out['15m 1M'] = digest(quiet.candles('15m', now - 30 * DAY, now));
  out['1h 1Y'] = digest(busy.candles('1h', now - 365 * DAY, now));
  out['1d 1Y'] = digest(busy.candles('1d', now - 365 * DAY, now));
  out['1mo 3Y'] = digest(busy.candles('1mo', now - 3 * 365 * DAY, now));
  out['1m before start only'] = digest(quiet.candles('1m', START - 3 * DAY, START - DAY));
  const later = START + 10 * DAY;
  out['1h 12d gap'] = digest(busy.candles('1h', START - DAY, later));
  out['1d 12d gap'] = digest(busy.candles('1d', START - DAY, later));
  const cur: unknown[] = [];
  const intervals: PnlInterval[] = ['15s', '1m', '5m', '15m', '1h', '1d', '1mo'];
  for (const iv of intervals) {
    for (const at of [START - 1, START, START + 61_000, now, START + 9 * DAY + 30_000, later]) {
      cur.push(busy.current(iv, at), quiet.current(iv, at));
    }
  }
  out['current'] = digest(cur);
  return out;
}

describe('PnlSeries', () => {
  it('[PNL-SERIES-1] candle bytes are exactly those of the reference digests (walk history, day-relative intraday values)', () => {
    expect(scenarios()).toEqual({
      '1m 1Y quiet': '83d4168dc8053847',
      '1m 1Y busy': '4161cd0cea8a2810',
      '1m 500d capped': '1d4293c759b3b00a',
      '15s 1W': 'f0c4f9c2e699e035',
      '5m 1M': 'baaab2b670c71a72',
      '15m 1M': 'a98a95ef620c9e83',
      '1h 1Y': '8b42cd7288dfd7ef',
      '1d 1Y': 'e4590269e4aeb219',
      '1mo 3Y': '2d5494dda2a8a75e',
      '1m before start only': '0a6e667419bec0dd',
      '1h 12d gap': 'deed5ff2958e533f',
      '1d 12d gap': '3f57e3cf735a08cd',
      current: 'f6e2d1b8bfa891af',
    });
  }, 60_000);

  it('[PNL-SERIES-4] daily and monthly candles start at New York midnights, one after another', () => {
    const series = new PnlSeries('A-1', exampleHistory(-77, START));
    const now = START + 3600_000;
    for (const interval of ['1d', '1mo'] as const) {
      const ts = series.candles(interval, now - 400 * DAY, now).map((c) => c.t);
      expect(ts.length).toBeGreaterThan(interval === '1d' ? 390 : 12);
      for (const [i, t] of ts.entries()) {
        const wall = exchangeWallTime(t * 1000);
        expect([wall.hour, wall.minute, interval === '1mo' ? wall.day : 1]).toEqual([0, 0, 1]);
        if (i > 0) expect(t).toBe(nextCandleStart(ts[i - 1]!, interval));
      }
    }
  });

  it('[PNL-SERIES-2] a series reused across ranges (history cache partly then fully warm, and past it) gives what a fresh one gives', () => {
    const now = START + 3600_000;
    const ranges: [PnlInterval, number, number][] = [
      ['1h', now - 450 * DAY, now - 380 * DAY],
      ['15s', now - 2 * DAY - 3600_000, now - 2 * DAY],
      ['1d', now - 420 * DAY, now],
      ['1mo', now - 800 * DAY, now],
      ['15s', now - 2 * DAY - 3600_000, now - 2 * DAY],
    ];
    const cold = () => new PnlSeries('A-1', exampleHistory(9_999, START));
    const reused = cold();
    for (const [interval, from, to] of ranges) {
      expect(reused.candles(interval, from, to)).toEqual(cold().candles(interval, from, to));
    }
    expect(reused.current('1mo', START - 1)).toEqual(cold().current('1mo', START - 1));
  }, 30_000);

  it('[PNL-SERIES-3] candlesJson() is byte for byte JSON.stringify(candles()) for every interval, before and after the start', () => {
    const series = new PnlSeries('A-"x"\u00e9\n', exampleHistory(-77, START));
    series.record(START + 5_000, -5);
    series.record(START + 70_000, 4_200_000_000);
    series.record(START + 200_000, 0);
    const now = START + 3600_000;
    const intervals: PnlInterval[] = ['15s', '1m', '5m', '15m', '1h', '1d', '1mo'];
    for (const interval of intervals) {
      const long = interval === '1d' || interval === '1mo' ? 800 : 20;
      for (const from of [now - long * DAY, START - 90_000, now, now + DAY, NaN]) {
        const json = series.candlesJson(interval, from, now);
        const expected = Buffer.from(JSON.stringify(series.candles(interval, from, now)));
        expect([interval, from, json.equals(expected)]).toEqual([interval, from, true]);
      }
    }
  }, 30_000);
});
