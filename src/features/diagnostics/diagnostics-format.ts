/** Pure helpers for the diagnostics page: rates, durations, file names, the copied text. */
import type { DiagnosticsReport } from '../../stores';

/** "0", "0.04", "12.3", "1,204": messages per second; a trickle never reads as zero. */
export function formatRate(perSecond: number): string {
  if (perSecond === 0) return '0';
  if (perSecond < 1) return perSecond.toFixed(2);
  if (perSecond < 100) return perSecond.toFixed(1);
  return Math.round(perSecond).toLocaleString('en-US');
}

/** "812 B", "4.2 KB", "20.0 MB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** "4.2 s" under a minute, else "1:05" / "1:02:05": a position in a recording. */
export function formatClock(ms: number): string {
  if (ms < 60_000) return `${(Math.max(0, ms) / 1000).toFixed(1)} s`;
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** A file-system-safe timestamp for downloads: 2026-11-25T09-30-00Z. */
export function fileStamp(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
}

/** The text "Copy diagnostics" puts on the clipboard (the report is already redacted). */
export function reportText(report: DiagnosticsReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Human labels for connection states in the history table. */
export const STATUS_LABEL: Record<string, string> = {
  idle: 'Idle',
  connecting: 'Connecting',
  connected: 'Connected',
  authenticated: 'Authenticated',
  subscribed: 'Subscribed',
  refreshWarning: 'Refresh warning',
  expired: 'Expired',
  reconnecting: 'Reconnecting',
  disconnected: 'Disconnected',
};

/** Saves `blob` as a download named `name` (a link with `download`; no new window). */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked a moment later: Chromium reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
