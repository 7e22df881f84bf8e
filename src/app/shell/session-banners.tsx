/** What the trader must know about the session itself: being refreshed, or needing a sign-in. */
import { useConnectionState } from '../../stores';

export function SessionBanners({ onSignIn }: { onSignIn: () => void }) {
  const connection = useConnectionState();
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
  return null;
}
