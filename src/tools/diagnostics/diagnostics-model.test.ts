import { describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../protocol';
import { DiagnosticsModel, DIAGNOSTICS_LIMITS, frameExcerpt } from './diagnostics-model';
import { RingBuffer } from './ring-buffer';

const update = (topic: 'news' | 'watchlist'): InboundMessage =>
  ({ kind: 'update', topic, update: {} }) as unknown as InboundMessage;

describe('diagnostics model', () => {
  it('[DIAG-1] a ring buffer keeps the newest N, oldest first, and counts everything pushed', () => {
    const r = new RingBuffer<number>(3);
    for (let i = 1; i <= 7; i++) r.push(i);
    expect(r.toArray()).toEqual([5, 6, 7]);
    expect(r.size).toBe(3);
    expect(r.total).toBe(7);
    expect(r.first()).toBe(5);
    expect(r.last()).toBe(7);
  });

  it('[DIAG-2] rates come from 1 s samples of the counters over the sliding window', () => {
    const m = new DiagnosticsModel();
    let frames = 0;
    for (let s = 0; s <= 20; s++) {
      // 5 news/s for the first 10 s, then 50 news/s and 2 watchlist/s.
      const news = s <= 10 ? 5 : 50;
      for (let i = 0; i < news; i++) m.countMessage(update('news'));
      if (s > 10) for (let i = 0; i < 2; i++) m.countMessage(update('watchlist'));
      frames += news + (s > 10 ? 2 : 0);
      m.sample(s * 1000, frames);
    }
    const r = m.rates();
    expect(r.windowSeconds).toBe(DIAGNOSTICS_LIMITS.rateWindowSeconds);
    expect(r.topics.find((t) => t.topic === 'news')?.perSecond).toBe(50);
    expect(r.topics.find((t) => t.topic === 'watchlist')?.perSecond).toBe(2);
    expect(r.topics.find((t) => t.topic === 'account')?.perSecond).toBe(0);
    expect(r.framesPerSecond).toBe(52);
    expect(r.topics.find((t) => t.topic === 'news')?.updates).toBe(5 * 11 + 50 * 10);
  });

  it('[DIAG-3] memory stays bounded however long the page stays open', () => {
    const m = new DiagnosticsModel();
    for (let i = 0; i < 100_000; i++) {
      m.recordDrop('not-json', 'Unexpected token', `{"bad":${i}`, 1, i);
      m.recordState({ status: 'connecting', attempt: i, reason: 'r', since: i });
      m.recordRtt(i % 90, i);
      m.sample(i * 1000, i);
    }
    expect(m.invalid.size).toBe(DIAGNOSTICS_LIMITS.invalidFrames);
    expect(m.invalid.total).toBe(100_000);
    expect(m.history.size).toBe(DIAGNOSTICS_LIMITS.history);
    expect(m.rtt.size).toBe(DIAGNOSTICS_LIMITS.rttSamples);
    expect(m.invalid.last()?.excerpt).toBe('{"bad":99999');
  });

  it('[DIAG-4] an invalid frame excerpt is redacted, printable and truncated', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJlLXBhcnQ';
    const raw = `{"token":"secret-1","x":"${jwt}","bidi":"\u202Eevil\u0007"${'y'.repeat(2000)}`;
    const ex = frameExcerpt(raw, 120);
    expect(ex).not.toContain('secret-1');
    expect(ex).not.toContain(jwt);
    expect(ex).not.toContain('\u202E');
    expect(ex).not.toContain('\u0007');
    expect(ex.length).toBeLessThanOrEqual(121);
    expect(ex.endsWith('…')).toBe(true);
    expect(frameExcerpt(new Uint8Array(4))).toBe('<binary frame, 4 bytes>');
  });
});
