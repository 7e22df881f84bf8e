import { describe, expect, it } from 'vitest';
import type { Subscription } from '../protocol';
import { holdStream, releaseAfterCommit, type StreamTarget } from './stream-holds';

function recorder(): StreamTarget & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    subscribe: (sub) => calls.push(`sub ${JSON.stringify(sub.params)}`),
    unsubscribe: (key) => calls.push(`unsub ${key}`),
  };
}

const news = (symbols: string[]): Subscription => ({ topic: 'news', params: { symbols } });

describe('holdStream', () => {
  it('[HOLD-1] the newest hold streams; releasing it restores the one below, then unsubscribes', () => {
    const t = recorder();
    const releaseShell = holdStream(t, news(['AAPL']));
    const releasePage = holdStream(t, news(['TSLA']));
    releasePage();
    releaseShell();
    expect(t.calls).toEqual([
      'sub {"symbols":["AAPL"]}',
      'sub {"symbols":["TSLA"]}',
      'sub {"symbols":["AAPL"]}',
      'unsub news',
    ]);
  });

  it('[HOLD-2] identical holds send one subscribe; releasing twice is harmless', () => {
    const t = recorder();
    const a = holdStream(t, news(['AAPL']));
    const b = holdStream(t, news(['AAPL']));
    b();
    b();
    expect(t.calls).toEqual(['sub {"symbols":["AAPL"]}']);
    a();
    expect(t.calls).toEqual(['sub {"symbols":["AAPL"]}', 'unsub news']);
  });

  it('[HOLD-3] releasing a buried hold changes nothing on the wire', () => {
    const t = recorder();
    const a = holdStream(t, news(['AAPL']));
    holdStream(t, news(['TSLA']));
    a();
    expect(t.calls).toEqual(['sub {"symbols":["AAPL"]}', 'sub {"symbols":["TSLA"]}']);
  });

  it('[HOLD-4] swapping holds in one commit re-subscribes without an unsubscribe in between', async () => {
    const t = recorder();
    const first = holdStream(t, news(['AAPL']));
    // What useStream does when its params change: the old effect's cleanup, then the new effect.
    releaseAfterCommit(first);
    const second = holdStream(t, news(['TSLA']));
    await Promise.resolve();
    expect(t.calls).toEqual(['sub {"symbols":["AAPL"]}', 'sub {"symbols":["TSLA"]}']);
    releaseAfterCommit(second);
    expect(t.calls).toHaveLength(2);
    await Promise.resolve();
    expect(t.calls.at(-1)).toBe('unsub news');
  });
});
