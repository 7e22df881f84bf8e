import { beforeEach, describe, expect, it } from 'vitest';
import { sampleCandle } from '../../testing/store-samples';
import { subscribePnl } from './selectors';
import type { PnlChartEvent } from './selectors';
import type { Candle } from '../../protocol';
import type { PnlOp } from '../topic-ops';
import { applyPnlOps } from './apply-pnl';
import { resetPnl, updatePnl } from './store';

const KEY = 'pnl:A-10001';
const META = { accountId: 'A-10001', interval: '1m' as const };

/** Through the store's fold, as the dispatcher writes it. */
function snapshot(key: string, candles: readonly Candle[]): void {
  const op: PnlOp = { key, kind: 'snapshot', snapshot: { ...META, candles }, at: 0 };
  updatePnl((s) => applyPnlOps(s, [op]));
}
function candles(key: string, updates: readonly Candle[]): void {
  const ops = updates.map((update): PnlOp => ({ key, kind: 'update', update }));
  updatePnl((s) => applyPnlOps(s, ops));
}

describe('subscribePnl (transient updates for the chart)', () => {
  beforeEach(() => resetPnl());

  it('[PNL-CHART-1] reset on subscribe and on snapshot; update with only the changed tail', () => {
    const events: PnlChartEvent[] = [];
    const stop = subscribePnl(KEY, (e) => events.push(e));
    expect(events).toMatchObject([{ type: 'reset', candles: { length: 0 }, interval: undefined }]);

    snapshot(KEY, [sampleCandle(60), sampleCandle(120)]);
    expect(events[1]).toMatchObject({ type: 'reset', interval: '1m' });

    candles(KEY, [sampleCandle(120, { close: '7' }), sampleCandle(180)]);
    expect(events[2]).toEqual({
      type: 'update',
      candles: [sampleCandle(120, { close: '7' }), sampleCandle(180)],
    });

    candles(KEY, [sampleCandle(60, { close: '1' })]); // historical edit: redraw
    expect(events[3]?.type).toBe('reset');

    candles('pnl:other', [sampleCandle(60)]); // another series: silent
    stop();
    candles(KEY, [sampleCandle(240)]);
    expect(events.length).toBe(4);
  });
});
