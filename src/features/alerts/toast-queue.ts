/**
 * The toast stack as a pure value: capped (the oldest leaves first), each toast with its own
 * deadline, and one pause for the whole stack while the pointer or focus is in it (WCAG 2.2.1:
 * a message must not vanish while it is being read). Resuming pushes every deadline back by
 * the time spent paused.
 *
 * A burst folds: past `FOLD_AFTER` toasts of one kind and account within `FOLD_WINDOW_MS`, a
 * further alert updates the newest such toast ("+N more") instead of pushing one, so a fast
 * algorithm stays readable and a screen reader announces the toast once.
 */
import type { Alert, AlertSeverity } from './alert-engine';

export const MAX_TOASTS = 5;
/** This many toasts of one kind in `FOLD_WINDOW_MS` stand alone; more fold into the newest. */
export const FOLD_AFTER = 3;
export const FOLD_WINDOW_MS = 1_000;

/** How long a toast stays, by severity: a rejection needs reading, a fill is a confirmation. */
export const TOAST_MS: Readonly<Record<AlertSeverity, number>> = {
  info: 8_000,
  warning: 15_000,
  error: 20_000,
};

export type Toast = Readonly<{
  id: number;
  /** The newest alert this toast shows. */
  alert: Alert;
  raisedAt: number;
  /** When an alert was last folded into it (= raisedAt until then). */
  updatedAt: number;
  expiresAt: number;
  /** Alerts folded into this toast besides the one it shows. */
  more: number;
}>;

export type ToastQueue = Readonly<{
  toasts: readonly Toast[];
  pausedAt: number | undefined;
  nextId: number;
}>;

export const EMPTY_QUEUE: ToastQueue = { toasts: [], pausedAt: undefined, nextId: 1 };

export function pushToast(q: ToastQueue, alert: Alert, now: number): ToastQueue {
  const expiresAt = now + TOAST_MS[alert.severity];
  const sameKind = q.toasts.filter(
    (t) => t.alert.kind === alert.kind && t.alert.accountId === alert.accountId,
  );
  const newest = sameKind.at(-1);
  // A burst keeps folding into the same toast for as long as it lasts.
  const folding =
    newest !== undefined && newest.more > 0 && now - newest.updatedAt < FOLD_WINDOW_MS;
  const recent = sameKind.filter((t) => now - t.raisedAt < FOLD_WINDOW_MS).length;
  if (newest && (folding || recent >= FOLD_AFTER)) {
    const folded: Toast = { ...newest, alert, more: newest.more + 1, updatedAt: now, expiresAt };
    return { ...q, toasts: q.toasts.map((t) => (t === newest ? folded : t)) };
  }
  const toast: Toast = { id: q.nextId, alert, raisedAt: now, updatedAt: now, expiresAt, more: 0 };
  return { ...q, toasts: [...q.toasts, toast].slice(-MAX_TOASTS), nextId: q.nextId + 1 };
}

export function dismissToast(q: ToastQueue, id: number): ToastQueue {
  return q.toasts.some((t) => t.id === id)
    ? { ...q, toasts: q.toasts.filter((t) => t.id !== id) }
    : q;
}

export function dismissAll(q: ToastQueue): ToastQueue {
  return q.toasts.length === 0 ? q : { ...q, toasts: [] };
}

export function pauseToasts(q: ToastQueue, now: number): ToastQueue {
  return q.pausedAt === undefined ? { ...q, pausedAt: now } : q;
}

export function resumeToasts(q: ToastQueue, now: number): ToastQueue {
  if (q.pausedAt === undefined) return q;
  const shift = Math.max(0, now - q.pausedAt);
  return {
    ...q,
    pausedAt: undefined,
    toasts: q.toasts.map((t) => ({ ...t, expiresAt: t.expiresAt + shift })),
  };
}

/** Remove what is due (nothing while paused). */
export function expireToasts(q: ToastQueue, now: number): ToastQueue {
  if (q.pausedAt !== undefined) return q;
  const left = q.toasts.filter((t) => t.expiresAt > now);
  return left.length === q.toasts.length ? q : { ...q, toasts: left };
}

/** When the next toast is due, or undefined (empty or paused). */
export function nextDeadline(q: ToastQueue): number | undefined {
  if (q.pausedAt !== undefined || q.toasts.length === 0) return undefined;
  return Math.min(...q.toasts.map((t) => t.expiresAt));
}
