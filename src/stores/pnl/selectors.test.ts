import { beforeEach, describe, expect, it } from 'vitest';
import { sampleCandle } from '../../testing/store-samples';
import { subscribePnl } from './selectors';
import type { PnlChartEvent } from './selectors';
import { addCandleUpdates, resetPnl, setPnlSnapshot } from './store';

const KEY = 'pnl:A-10001';
const META = { accountId: 'A-10001', interval: '1m' as const };

describe('subscribePnl (transient updates for the chart)', () => {
  beforeEach(() => resetPnl());

  it('[PNL-CHART-1] reset on subscribe and on snapshot; update with only the changed tail', () => {
    const events: PnlChartEvent[] = [];
    const stop = subscribePnl(KEY, (e) => events.push(e));
    expect(events).toMatchObject([{ type: 'reset', candles: { length: 0 }, interval: undefined }]);

    setPnlSnapshot(KEY, META, [sampleCandle(60), sampleCandle(120)]);
    expect(events[1]).toMatchObject({ type: 'reset', interval: '1m' });

    addCandleUpdates(KEY, [sampleCandle(120, { close: '7' }), sampleCandle(180)]);
    expect(events[2]).toEqual({
      type: 'update',
      candles: [sampleCandle(120, { close: '7' }), sampleCandle(180)],
    });

    addCandleUpdates(KEY, [sampleCandle(60, { close: '1' })]); // historical edit: redraw
    expect(events[3]?.type).toBe('reset');

    addCandleUpdates('pnl:other', [sampleCandle(60)]); // another series: silent
    stop();
    addCandleUpdates(KEY, [sampleCandle(240)]);
    expect(events.length).toBe(4);
  });
});
