/**
 * The toast stack (bottom right) and the feed that fills it. One polite live region announces
 * each new alert; every toast has a Dismiss button, Escape dismisses the focused toast, and the
 * stack pauses its timers while the pointer or focus is inside it.
 */
import { useEffect } from 'react';
import type { FocusEvent, KeyboardEvent } from 'react';
import { formatClock } from '../../lib/time';
import { useDisplayZone } from '../../lib/display-zone';
import type { Alert } from './alert-engine';
import { startAlertFeed } from './alert-feed';
import {
  clearAlerts,
  dismiss,
  dismissEveryToast,
  expire,
  getDesktop,
  pause,
  raiseAlerts,
  resume,
  thresholdsOf,
  useToastQueue,
} from './alerts-store';
import { setFeed } from './feed-handle';
import {
  createDesktopLimiter,
  showDesktopNotification,
  showDesktopSummary,
} from './desktop-notifications';
import { nextDeadline } from './toast-queue';
import type { Toast } from './toast-queue';

const TONE: Record<Alert['severity'], string> = {
  info: 'border-l-accent',
  warning: 'border-l-warn',
  error: 'border-l-loss',
};
const MARK: Record<Alert['kind'], string> = {
  fill: '✓',
  rejection: '✕',
  expiration: '⌛',
  buyingPowerBelow: '⚠',
  marginUseAbove: '⚠',
  dayPnlBelow: '⚠',
};
/** "+N more …" on a toast that folded a burst (toast-queue.ts). */
const MORE: Record<Alert['kind'], [one: string, many: string]> = {
  fill: ['fill', 'fills'],
  rejection: ['rejection', 'rejections'],
  expiration: ['expiry', 'expiries'],
  buyingPowerBelow: ['alert', 'alerts'],
  marginUseAbove: ['alert', 'alerts'],
  dayPnlBelow: ['alert', 'alerts'],
};
export const ALERTS_BUTTON_ID = 'alerts-button';

function useAlertFeed(): void {
  useEffect(() => {
    const gate = createDesktopLimiter();
    const feed = startAlertFeed({
      thresholdsOf,
      onAlerts: (alerts) => {
        raiseAlerts(alerts);
        if (!getDesktop()) return;
        const now = Date.now();
        let summarise = false;
        for (const a of alerts) {
          if (gate.allow(now)) showDesktopNotification(a);
          else summarise = true;
        }
        if (summarise) showDesktopSummary(gate.suppressed());
      },
    });
    setFeed(feed);
    return () => {
      setFeed(undefined);
      feed.stop();
      clearAlerts();
    };
  }, []);
}

export function AlertToasts() {
  useAlertFeed();
  const queue = useToastQueue();
  useEffect(() => {
    const due = nextDeadline(queue);
    if (due === undefined) return;
    const t = setTimeout(expire, Math.max(0, due - Date.now()));
    return () => clearTimeout(t);
  }, [queue]);

  const onBlur = (e: FocusEvent<HTMLElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) resume();
  };
  return (
    <section
      aria-label="Alerts"
      className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-96 max-w-[calc(100vw-2rem)] flex-col items-stretch gap-2"
      onMouseEnter={pause}
      onMouseLeave={resume}
      onFocus={pause}
      onBlur={onBlur}
    >
      <ol aria-live="polite" aria-relevant="additions" className="flex flex-col gap-2">
        {queue.toasts.map((t, i) => (
          <ToastItem key={t.id} toast={t} next={queue.toasts[i + 1] ?? queue.toasts[i - 1]} />
        ))}
      </ol>
      {queue.toasts.length > 1 && (
        <button
          type="button"
          onClick={() => {
            dismissEveryToast();
            document.getElementById(ALERTS_BUTTON_ID)?.focus();
          }}
          className="pointer-events-auto self-end rounded border border-border bg-panel px-2 py-1 text-xs shadow"
        >
          Dismiss all ({queue.toasts.length})
        </button>
      )}
    </section>
  );
}

function ToastItem({ toast, next }: { toast: Toast; next: Toast | undefined }) {
  const { alert } = toast;
  const zone = useDisplayZone();
  const close = () => {
    // Keep keyboard users in the stack: focus moves to a neighbour, else back to the menu.
    const target = next
      ? document.getElementById(`dismiss-${next.id}`)
      : document.getElementById(ALERTS_BUTTON_ID);
    dismiss(toast.id);
    target?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      close();
    }
  };
  return (
    <li
      data-testid="toast"
      data-kind={alert.kind}
      onKeyDown={onKeyDown}
      className={`pointer-events-auto flex items-start gap-2 rounded border border-l-4 border-border bg-panel p-3 text-sm shadow-lg ${TONE[alert.severity]}`}
    >
      <span aria-hidden="true" className="mt-0.5 w-4 text-center">
        {MARK[alert.kind]}
      </span>
      <div className="min-w-0 flex-1">
        <p className="font-semibold break-words">{alert.title}</p>
        <p className="break-words">{alert.body}</p>
        {toast.more > 0 && (
          <p className="mt-1 font-semibold" data-testid="toast-more">
            +<span className="num">{toast.more.toLocaleString('en-US')}</span> more{' '}
            {MORE[alert.kind][toast.more === 1 ? 0 : 1]}
          </p>
        )}
        <p className="mt-1 text-xs text-muted">
          {alert.accountId} · <span className="num">{formatClock(toast.updatedAt, zone)}</span>
        </p>
      </div>
      <button
        type="button"
        id={`dismiss-${toast.id}`}
        onClick={close}
        aria-label={`Dismiss alert: ${alert.title}`}
        className="rounded px-1 text-muted hover:text-text"
      >
        ×
      </button>
    </li>
  );
}
