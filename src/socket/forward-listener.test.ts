import { describe, expect, it } from 'vitest';
import { forwardListener } from './forward-listener';
import type { MessageMeta, SocketListener } from './types';

describe('forwardListener', () => {
  it('[FWD-1] every call reaches the target after the tap; extras the target lacks are no-ops', () => {
    const calls: string[] = [];
    const to: SocketListener & { onRtt(ms: number): void } = {
      onState: (s) => calls.push(`to state ${s.status}`),
      onMessage: (m) => calls.push(`to msg ${m.kind}`),
      onDrop: (r) => calls.push(`to drop ${r}`),
      onRtt: (ms) => calls.push(`to rtt ${ms}`),
    };
    const l = forwardListener(to, {
      onState: (s) => calls.push(`tap state ${s.status}`),
      onRtt: (ms) => calls.push(`tap rtt ${ms}`),
    });
    const meta: MessageMeta = { receivedAt: 0, connectionId: 1 };
    l.onState({ status: 'connecting', attempt: 1, reason: 'test', since: 0 });
    l.onMessage({ kind: 'pong', id: 'p' }, meta);
    l.onDrop('not-json', 'x');
    l.onRtt(5);
    l.expect({ topic: 'news', params: {} });
    l.forget('news');
    l.superseded('news');
    expect(calls).toEqual([
      'tap state connecting',
      'to state connecting',
      'to msg pong',
      'to drop not-json',
      'tap rtt 5',
      'to rtt 5',
    ]);
  });
});
