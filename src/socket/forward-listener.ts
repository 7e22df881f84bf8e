/**
 * The one adapter between a stream and a listener for layers that watch or relay what the
 * stream says (the shared-tab leader hub, session diagnostics): every call goes on to `to`,
 * after `tap` has seen it. The methods are spelled out, not built from a list with rest
 * arguments, so the per-message path allocates nothing.
 */
import type { DropReason, InboundMessage, Subscription } from '../protocol';
import type { ConnectionState, FullListener, MessageMeta, StreamListener } from './types';

export function forwardListener(to: StreamListener, tap: Partial<FullListener> = {}): FullListener {
  return {
    onState(state: ConnectionState) {
      tap.onState?.(state);
      to.onState(state);
    },
    onMessage(message: InboundMessage, meta: MessageMeta) {
      tap.onMessage?.(message, meta);
      to.onMessage(message, meta);
    },
    onDrop(reason: DropReason, detail: string, frame?: unknown) {
      tap.onDrop?.(reason, detail, frame);
      to.onDrop(reason, detail, frame);
    },
    onRtt(ms: number) {
      tap.onRtt?.(ms);
      to.onRtt?.(ms);
    },
    expect(sub: Subscription) {
      tap.expect?.(sub);
      to.expect?.(sub);
    },
    forget(key: string) {
      tap.forget?.(key);
      to.forget?.(key);
    },
    superseded(key: string) {
      tap.superseded?.(key);
      to.superseded?.(key);
    },
  };
}
