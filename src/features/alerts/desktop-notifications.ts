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
