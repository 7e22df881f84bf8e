/**
 * Every page's honest frame around streamed data: the error a subscription got, a skeleton
 * while its first snapshot is pending, and a stale banner (with the content dimmed) while
 * the link is down — data is never shown as live when it is not.
 */
import { startTransition, useEffect, useState, type ReactNode } from 'react';
import { formatAsOf, formatClock } from '../../lib/time';
import { useDisplayZone } from '../../lib/display-zone';
import { useConnectionState, useTopicFreshness } from '../../stores';

export function StreamGate({
  streamKey,
  loaded,
  what,
  accountId,
  skeletonRows = 6,
  children,
}: {
  /** The subscription key whose freshness governs this content (accountKey(id), NEWS_KEY…). */
  streamKey: string;
  /** True once a snapshot has been applied (so "nothing" is shown as empty, not loading). */
  loaded: boolean;
  /** What is loading, for the screen reader ("orders"). */
  what: string;
  /** For the ACCESS_DENIED wording. */
  accountId?: string;
  skeletonRows?: number;
  children: ReactNode;
}) {
  const freshness = useTopicFreshness(streamKey);
  const connection = useConnectionState();
  const revealed = useRevealed(loaded);
  const zone = useDisplayZone();
  if (freshness.status === 'error') {
    return (
      <p role="alert" className="rounded border border-loss p-4 text-loss">
        {freshness.code === 'ACCESS_DENIED' && accountId
          ? `You don't have access to account ${accountId}.`
          : `Could not load ${what}: ${freshness.code} — ${freshness.message}`}
      </p>
    );
  }
  // [HEALTH-2] Something unreadable for this stream: say so here; keep any data, flagged.
  const unreadable =
    freshness.status === 'failed' ? (
      <p role="alert" className="mb-3 rounded border border-warn px-3 py-2 text-warn">
        The server sent {what} this app cannot read: {freshness.reason}.{' '}
        {loaded
          ? 'What is shown may be out of date; fetching a fresh copy.'
          : 'Trying again shortly.'}{' '}
        Details on the Diagnostics page.
      </p>
    ) : null;
  if (!revealed) return unreadable ?? <Skeleton rows={skeletonRows} label={`Loading ${what}…`} />;
  const stale = freshness.status === 'stale';
  // Painted from the on-device cache: the last known state, not live, until the snapshot lands.
  const cached = freshness.status === 'cached';
  return (
    <div>
      {unreadable}
      {stale && (
        <p role="alert" className="mb-3 rounded border border-warn px-3 py-2 text-warn">
          Data is stale — disconnected since {formatClock(freshness.since, zone)};{' '}
          {/* Say "reconnecting" only while it is true: a stopped socket waits for the user. */}
          {connection.status !== 'disconnected'
            ? 'reconnecting…'
            : connection.needsSignIn
              ? 'sign in again to resume.'
              : `${connection.reason}.`}
        </p>
      )}
      {cached && (
        <p
          role="status"
          data-testid="cached-banner"
          className="mb-3 rounded border border-warn px-3 py-2 text-warn"
        >
          Last known at {formatAsOf(freshness.asOf, zone)} —{' '}
          {connection.status === 'disconnected' ? 'not connected' : 'connecting…'}
        </p>
      )}
      <div className={stale || unreadable ? 'opacity-60' : cached ? CACHED_LOOK : ''}>
        {children}
      </div>
    </div>
  );
}

/**
 * True once `loaded` is, one transition later: a page's first paint of its content (hundreds
 * of cells) then renders in slices the browser can interrupt, instead of one long task.
 */
function useRevealed(loaded: boolean): boolean {
  const [revealed, setRevealed] = useState(loaded);
  useEffect(() => {
    if (loaded && !revealed) startTransition(() => setRevealed(true));
  }, [loaded, revealed]);
  return loaded && revealed;
}

/**
 * Cached content is drained of colour (no green/red: nothing here is moving) and outlined,
 * rather than faded: fading to 60% would drop muted text to 3.3:1, under WCAG AA's 4.5:1;
 * grayscale keeps each colour's luminance, so contrast is unchanged.
 */
const CACHED_LOOK = 'rounded outline-1 outline-offset-4 outline-muted outline-dashed grayscale';

export function Skeleton({ rows, label }: { rows: number; label: string }) {
  return (
    <div aria-busy="true" role="status" aria-label={label} className="space-y-2">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="h-6 animate-pulse rounded bg-panel" />
      ))}
    </div>
  );
}

/** A calm "nothing here" for a loaded but empty view. */
export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <p className="rounded border border-dashed border-border p-6 text-center text-muted">
      {children}
    </p>
  );
}
