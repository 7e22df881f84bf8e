/**
 * Browser notifications, strictly opt-in: the permission prompt appears only when the trader
 * presses "Enable desktop notifications" (never on load), and the choice to use them is kept
 * so a granted permission alone does not start notifying.
 */
import type { Alert } from './alert-engine';

const ENABLED_KEY = 'aries.alerts.desktop';

export type DesktopPermission = NotificationPermission | 'unsupported';

export function desktopPermission(): DesktopPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

export function loadDesktopEnabled(): boolean {
  try {
    return localStorage.getItem(ENABLED_KEY) === '1';
  } catch {
    return false;
  }
}

export function saveDesktopEnabled(on: boolean): void {
  try {
    if (on) localStorage.setItem(ENABLED_KEY, '1');
    else localStorage.removeItem(ENABLED_KEY);
  } catch {
    // private mode: lasts for this page
  }
}

/** Ask (only from a user gesture); resolves to the permission the browser settled on. */
export async function requestDesktopPermission(): Promise<DesktopPermission> {
  if (typeof Notification === 'undefined') return 'unsupported';
  // Already granted or denied: the browser answers at once without a prompt.
  return Notification.requestPermission();
}

export function showDesktopNotification(alert: Alert): void {
  if (desktopPermission() !== 'granted') return;
  try {
    // `tag` replaces rather than stacks a repeat of the same event (e.g. from a second tab).
    const n = new Notification(alert.title, {
      body: `${alert.body} · ${alert.accountId}`,
      tag: alert.key,
    });
    n.onclick = () => {
      window.focus();
      n.close();
    };
  } catch {
    // Some browsers allow notifications only from a service worker; the toast still shows.
  }
}

/**
 * A burst of fills (an algo working an order, a reconnect storm) must not bury the desktop in
 * notifications: at most `max` per `windowMs`; past that the caller shows one summary that
 * replaces itself (same tag) with the running count.
 */
export function createDesktopLimiter(max = 5, windowMs = 10_000) {
  let sent: number[] = [];
  let suppressed = 0;
  return {
    /** True: show this alert. False: summarise (see `suppressed`). */
    allow(now: number): boolean {
      sent = sent.filter((t) => now - t < windowMs);
      if (sent.length === 0) suppressed = 0;
      if (sent.length < max) {
        sent.push(now);
        return true;
      }
      suppressed += 1;
      return false;
    },
    suppressed: () => suppressed,
  };
}

export function showDesktopSummary(count: number): void {
  if (desktopPermission() !== 'granted') return;
  try {
    new Notification(`${count} more alert${count === 1 ? '' : 's'}`, {
      body: 'See the Alerts panel in Aries Trader for the list.',
      tag: 'aries-alerts-burst',
    });
  } catch {
    // the toasts and the Alerts panel still have them
  }
}
