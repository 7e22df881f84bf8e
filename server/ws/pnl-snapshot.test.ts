import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverMessages, validateSubscription, type PnlParams } from '../../src/protocol';
import { authedClient } from '../conformance/harness';
import { startServer, type RunningServer } from '../index';
import { exampleHistory } from '../sim/history-fixture';
import { PnlSeries } from '../sim/pnl-series';
import { pnlSubscribedBytes } from './pnl-snapshot';

const DAY = 86_400_000;
const NOW = Date.now();

describe('pnl snapshot frame', () => {
  it('[PNL-SNAPSHOT-1] the spliced frame is byte for byte JSON.stringify of the whole frame, with or without id', () => {
    const series = new PnlSeries('A-"q"\u00e9', exampleHistory(5, NOW - 3600_000));
    series.record(NOW - 60_000, -5);
    const params: PnlParams = { accountId: 'A-"q"\u00e9', startTime: 'x\u2028', interval: '5m' };
    for (const id of ['s-1', undefined, '"\\\u00fc']) {
      for (const startMs of [NOW, NOW - 2 * DAY]) {
        const candles = series.candles('5m', startMs, NOW);
        const whole = serverMessages.subscribed(id, 'pnl', params, { candles }, NOW);
        const envelope = serverMessages.subscribed(id, 'pnl', params, { candles: [] }, NOW);
        const bytes = pnlSubscribedBytes(envelope, series.candlesJson('5m', startMs, NOW));
        expect(bytes.equals(Buffer.from(JSON.stringify(whole)))).toBe(true);
      }
    }
    const full = serverMessages.subscribed(
      's',
      'pnl',
      params,
      { candles: series.candles('5m', NOW, NOW) },
      NOW,
    );
    expect(() => pnlSubscribedBytes(full, Buffer.from('[]'))).toThrow();
  });

  describe('over a socket', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer(
        { port: 0, host: '127.0.0.1', control: true, simRate: 0 },
        { now: () => NOW, log: () => {} },
      );
    });
    afterAll(() => server.close());

    it('[PNL-SNAPSHOT-2] a year of 1m candles arrives as the text frame JSON.stringify(serverMessages.subscribed(…)) would send', async () => {
      const c = await authedClient(server);
      let binary: boolean | undefined;
      c.ws.on('message', (_data, isBinary) => (binary = isBinary));
      const sent = { accountId: 'A-10001', startTime: new Date(NOW - 365 * DAY).toISOString() };
      const id = c.subscribe('pnl', sent);
      // A 65 MB frame takes longer than action()'s 3 s under a loaded test run.
      const ack = await c.waitFor((f) => f.payload?.action === 'subscribed' && f.id === id, 30_000);
      const validated = validateSubscription('pnl', sent);
      if (!validated.ok || validated.sub.topic !== 'pnl') throw new Error('invalid params');
      const { params } = validated.sub;
      const candles = server.sim.candles(
        params.accountId,
        params.interval,
        Date.parse(params.startTime),
        NOW,
      );
      const expected = JSON.stringify(
        serverMessages.subscribed(id, 'pnl', params, { candles }, NOW),
      );
      expect(candles.length).toBe(525_601);
      expect(c.raw[c.frames.indexOf(ack)] === expected).toBe(true);
      expect(binary).toBe(false);
      c.close();
    }, 60_000);
  });
});
