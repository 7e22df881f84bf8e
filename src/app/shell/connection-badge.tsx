/** The live state of the one connection, in a trader's words, with round-trip time. */
import { useEffect, useState } from 'react';
import {
  useBehindMs,
  useConnectionState,
  useFailedStreamCount,
  useRtt,
  type ConnectionState,
} from '../../stores';

function describe(s: ConnectionState, now: number): { text: string; tone: string } {
  switch (s.status) {
    case 'subscribed':
      return { text: 'Live', tone: 'bg-gain' };
    case 'authenticated':
      // A stream added to a live link (a year of P&L can take seconds) is not a reconnect.
      if (s.streaming) return { text: 'Live · loading…', tone: 'bg-gain' };
      return { text: 'Connecting…', tone: 'bg-warn' };
    case 'connected':
    case 'connecting':
    case 'idle':
      return { text: 'Connecting…', tone: 'bg-warn' };
    case 'refreshWarning':
      return { text: 'Refreshing session…', tone: 'bg-warn' };
    case 'expired':
      return { text: 'Session expired — reconnecting', tone: 'bg-warn' };
    case 'reconnecting': {
      const secs = Math.max(0, Math.ceil((s.nextAttemptAt - now) / 1000));
      return { text: `Reconnecting in ${secs} s (attempt ${s.attempt})`, tone: 'bg-loss' };
    }
    case 'disconnected':
      return { text: s.needsSignIn ? 'Sign in required' : 'Offline', tone: 'bg-loss' };
  }
}

/** `replay`: the session replays a recording, so nothing it shows is live. */
export function ConnectionBadge({ replay = false }: { replay?: boolean }) {
  const state = useConnectionState();
  const rtt = useRtt();
  const warnings = useFailedStreamCount();
  const behindMs = useBehindMs();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (state.status !== 'reconnecting') return;
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, [state.status]);
  const live = describe(state, now);
  // Connected and streaming, but the painted figures trail the server: say by how much.
  const behind = !replay && behindMs !== undefined && live.tone === 'bg-gain';
  const { text, tone } = replay
    ? { text: state.status === 'subscribed' ? 'Replay' : `Replay: ${live.text}`, tone: 'bg-warn' }
    : live;
  return (
    <div
      role="status"
      aria-live="polite"
      title={rtt === undefined ? state.reason : `${state.reason} · round trip ${rtt} ms`}
      className="flex items-center gap-2 rounded border border-border px-2 py-1 text-sm"
    >
      <span
        aria-hidden
        className={`inline-block h-2 w-2 rounded-full ${behind ? 'bg-warn' : tone}`}
      />
      <span data-testid="connection-status">{text}</span>
      {behind && (
        <span data-testid="connection-lag" className="num text-warn">
          · {(behindMs / 1000).toFixed(1)} s behind
        </span>
      )}
      {/* Below 1536 px the round trip is in the tooltip only, so the header stays one line. */}
      {state.status === 'subscribed' && rtt !== undefined && !replay && !behind && (
        <span className="num hidden text-muted 2xl:inline">{rtt} ms</span>
      )}
      {/* [HEALTH-3] Live, but some stream sent what the app cannot read (its page says which). */}
      {warnings > 0 && (
        <span data-testid="connection-warnings" className="text-warn">
          · {warnings} {warnings === 1 ? 'warning' : 'warnings'}
        </span>
      )}
    </div>
  );
}
