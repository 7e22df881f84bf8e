import { describe, expect, it } from 'vitest';
import type { Alert } from './alert-engine';
import {
  EMPTY_QUEUE,
  MAX_TOASTS,
  dismissToast,
  expireToasts,
  nextDeadline,
  pauseToasts,
  pushToast,
  resumeToasts,
} from './toast-queue';

const alert = (key: string, severity: Alert['severity'] = 'info'): Alert => ({
  key,
  kind: 'fill',
  severity,
  accountId: 'A-1',
  title: key,
  body: '',
});

describe('toast queue', () => {
  it('[TOAST-1] capped: the oldest leaves when a sixth arrives', () => {
    let q = EMPTY_QUEUE;
    for (let i = 0; i < MAX_TOASTS + 1; i++) q = pushToast(q, alert(`a${i}`), 0);
    expect(q.toasts.map((t) => t.alert.key)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
    expect(dismissToast(q, q.toasts[0]!.id).toasts).toHaveLength(4);
  });

  it('[TOAST-2] each toast expires at its own deadline; errors stay longer than fills', () => {
    let q = pushToast(EMPTY_QUEUE, alert('fill'), 0);
    q = pushToast(q, alert('reject', 'error'), 0);
    expect(nextDeadline(q)).toBe(8_000);
    q = expireToasts(q, 8_000);
    expect(q.toasts.map((t) => t.alert.key)).toEqual(['reject']);
    expect(expireToasts(q, 19_999)).toBe(q);
    expect(expireToasts(q, 20_000).toasts).toEqual([]);
  });

  it('[TOAST-3] paused (hover/focus) nothing expires; resuming adds the paused time', () => {
    let q = pushToast(EMPTY_QUEUE, alert('fill'), 0);
    q = pauseToasts(q, 5_000);
    expect(nextDeadline(q)).toBeUndefined();
    expect(expireToasts(q, 60_000).toasts).toHaveLength(1);
    q = resumeToasts(q, 65_000);
    expect(nextDeadline(q)).toBe(68_000);
    expect(expireToasts(q, 67_999).toasts).toHaveLength(1);
  });
});
