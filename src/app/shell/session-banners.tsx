/**
 * What the trader must know about the session itself: being refreshed, needing a sign-in, or
 * showing figures that trail the server.
 */
import { useBehindMs, useConnectionState } from '../../stores';

export function SessionBanners({ onSignIn }: { onSignIn: () => void }) {
  const connection = useConnectionState();
  const behindMs = useBehindMs();
  if (connection.status === 'refreshWarning') {
    return (
      <p role="status" className="border-b border-warn bg-panel px-4 py-1.5 text-sm text-warn">
        Your session is about to expire; renewing it now. Data keeps streaming.
      </p>
    );
  }
  if (connection.status === 'disconnected' && connection.needsSignIn) {
    return (
      <p role="alert" className="border-b border-loss bg-panel px-4 py-2 text-loss">
        {connection.reason}. Nothing has been lost.{' '}
        <button type="button" onClick={onSignIn} className="underline">
          Sign in again
        </button>
      </p>
    );
  }
  if (behindMs !== undefined) {
    return (
      <p
        role="status"
        data-testid="lag-banner"
        className="border-b border-warn bg-panel px-4 py-1.5 text-sm text-warn"
      >
        The figures on screen are {(behindMs / 1000).toFixed(1)} s behind the server: updates are
        arriving faster than this screen can show them. Catching up; row highlights are paused.
      </p>
    );
  }
  return null;
}
