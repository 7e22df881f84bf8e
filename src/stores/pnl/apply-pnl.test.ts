import { describe, expect, it } from 'vitest';
import { sampleCandle } from '../../testing/store-samples';
import type { PnlOp } from '../topic-ops';
import { applyCandleUpdates, applyPnlOps, applyPnlSnapshot, initialPnlState } from './apply-pnl';

const KEY = 'pnl:A-10001';
const META = { accountId: 'A-10001', interval: '1m' as const };
const ts = (s: ReturnType<typeof initialPnlState>) =>
  s.series
    .get(KEY)
    ?.candles.slice()
    .map((c) => c.t);

describe('pnl candles', () => {
  const base = applyPnlSnapshot(initialPnlState(), KEY, META, [
    sampleCandle(180),
    sampleCandle(60),
    sampleCandle(120),
  ]);

  it('[STORE-PNL-1] snapshot replaces and sorts by t', () => {
    expect(ts(base)).toEqual([60, 120, 180]);
    const again = applyPnlSnapshot(base, KEY, META, [sampleCandle(240)]);
    expect(ts(again)).toEqual([240]);
    expect(again.series.get(KEY)?.change.kind).toBe('reset');
  });

  it('[STORE-PNL-7] an ordered snapshot is kept in its order; duplicates and other intervals are not', () => {
    const ordered = [sampleCandle(60), sampleCandle(120), sampleCandle(180)];
    const s = applyPnlSnapshot(initialPnlState(), KEY, { ...META, since: 'T0' }, ordered);
    expect(s.series.get(KEY)?.candles.slice()).toEqual(ordered);
    expect(s.series.get(KEY)?.since).toBe('T0');
    const messy = applyPnlSnapshot(initialPnlState(), KEY, META, [
      sampleCandle(60),
      sampleCandle(60, { close: '2.00' }),
      sampleCandle(120, { interval: '5m' }),
      sampleCandle(180),
    ]);
    expect(ts(messy)).toEqual([60, 180]);
    expect(messy.series.get(KEY)?.candles.at(0)?.close).toBe('2.00');
  });

  it('[STORE-PNL-2] same t as the last replaces it (tail change)', () => {
    const s = applyCandleUpdates(base, KEY, [sampleCandle(180, { close: '9.99' })]);
    const series = s.series.get(KEY);
    expect(ts(s)).toEqual([60, 120, 180]);
    expect(series?.candles.at(2)?.close).toBe('9.99');
    expect(series?.change).toEqual({ kind: 'tail', fromRev: 1, from: 2 });
  });

  it('[STORE-PNL-3] a later t appends', () => {
    const s = applyCandleUpdates(base, KEY, [sampleCandle(240), sampleCandle(300)]);
    expect(ts(s)).toEqual([60, 120, 180, 240, 300]);
    expect(s.series.get(KEY)?.change).toMatchObject({ kind: 'tail', from: 3 });
  });

  it('[STORE-PNL-4] an older t is ignored unless it matches a candle, which is replaced in place', () => {
    const ignored = applyCandleUpdates(base, KEY, [sampleCandle(90)]);
    expect(ignored.series).toBe(base.series);
    expect(ignored.ignored).toBe(1);
    const replaced = applyCandleUpdates(base, KEY, [sampleCandle(60, { close: '1.23' })]);
    expect(ts(replaced)).toEqual([60, 120, 180]);
    expect(replaced.series.get(KEY)?.candles.at(0)?.close).toBe('1.23');
    expect(replaced.series.get(KEY)?.change.kind).toBe('reset'); // a chart must redraw
  });

  it('[STORE-PNL-5] candles of another interval or an unknown key are ignored', () => {
    const other = applyCandleUpdates(base, KEY, [sampleCandle(240, { interval: '5m' })]);
    expect(ts(other)).toEqual([60, 120, 180]);
    const unknown = applyCandleUpdates(base, 'pnl:B', [sampleCandle(240)]);
    expect(unknown.ignored).toBe(1);
  });

  it('[STORE-PNL-6] the series is bounded, trimming the oldest in chunks', () => {
    let s = applyPnlSnapshot(initialPnlState(), KEY, META, [], 10);
    for (let t = 1; t <= 11; t++) s = applyCandleUpdates(s, KEY, [sampleCandle(t * 60)], 10);
    const list = ts(s) ?? [];
    expect(list.length).toBe(9);
    expect(list[list.length - 1]).toBe(660);
    expect(s.series.get(KEY)?.change.kind).toBe('reset');
  });
});

describe('applyPnlOps (a frame of P&L ops)', () => {
  const OTHER = 'pnl:A-20002';
  const OTHER_META = { accountId: 'A-20002', interval: '1m' as const };
  const other = (t: number): PnlOp => ({
    key: OTHER,
    kind: 'update',
    update: sampleCandle(t, { accountId: 'A-20002' }),
  });

  it('[STORE-PNL-OPS] a snapshot of one series does not cut the run of another', () => {
    const mine = applyPnlSnapshot(initialPnlState(), KEY, META, [sampleCandle(60)]);
    const start = applyPnlSnapshot(mine, OTHER, OTHER_META, [sampleCandle(60, OTHER_META)]);
    const resnap: PnlOp = {
      key: KEY,
      kind: 'snapshot',
      snapshot: { ...META, candles: [sampleCandle(300)] },
      at: 0,
    };
    const s = applyPnlOps(start, [other(120), resnap, other(180)]);
    expect(ts(s)).toEqual([300]);
    const o = s.series.get(OTHER);
    expect(o?.candles.slice().map((c) => c.t)).toEqual([60, 120, 180]);
    // One write for both candles: one revision, and a chart sees one tail change.
    expect(o?.rev).toBe((start.series.get(OTHER)?.rev ?? 0) + 1);
    expect(o?.change).toMatchObject({ kind: 'tail', from: 1 });
  });
});
