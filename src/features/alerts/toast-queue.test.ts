import { describe, expect, it } from 'vitest';
import type { Alert } from './alert-engine';
import {
  EMPTY_QUEUE,
  FOLD_AFTER,
  FOLD_WINDOW_MS,
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
    // A second apart, so none folds (TOAST-FOLD-*).
    for (let i = 0; i < MAX_TOASTS + 1; i++) q = pushToast(q, alert(`a${i}`), i * FOLD_WINDOW_MS);
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

  it('[TOAST-FOLD-1] a burst of one kind folds into the newest toast: the stack stops churning, the count says how many', () => {
    let q = EMPTY_QUEUE;
    for (let i = 0; i < 200; i++) q = pushToast(q, alert(`f${i}`), i);
    expect(q.toasts).toHaveLength(FOLD_AFTER);
    const last = q.toasts.at(-1)!;
    expect(last.alert.key).toBe('f199');
    expect(last.more).toBe(200 - FOLD_AFTER);
    expect(last.id).toBe(FOLD_AFTER); // the same list item: announced once
    expect(last.expiresAt).toBe(199 + 8_000);
    // The burst keeps folding while it lasts, well past the first second.
    for (let t = 200; t < 5_000; t += 100) q = pushToast(q, alert(`g${t}`), t);
    expect(q.toasts).toHaveLength(FOLD_AFTER);
  });

  it('[TOAST-FOLD-2] a few alerts stand alone; other kinds, other accounts and a quiet spell start fresh toasts', () => {
    let q = EMPTY_QUEUE;
    for (let i = 0; i < FOLD_AFTER; i++) q = pushToast(q, alert(`f${i}`), i);
    expect(q.toasts.map((t) => t.more)).toEqual([0, 0, 0]);
    q = pushToast(q, { ...alert('r'), kind: 'rejection', severity: 'warning' }, 10);
    q = pushToast(q, { ...alert('other'), accountId: 'A-2' }, 11);
    expect(q.toasts.map((t) => t.alert.key)).toEqual(['f0', 'f1', 'f2', 'r', 'other']);
    expect(q.toasts.every((t) => t.more === 0)).toBe(true);
    const quiet = pushToast(q, alert('later'), FOLD_AFTER + FOLD_WINDOW_MS);
    expect(quiet.toasts.at(-1)).toMatchObject({ alert: { key: 'later' }, more: 0 });
  });
});
