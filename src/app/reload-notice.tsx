/**
 * A session that a reload would lose (the server gave no refresh token) says so while it is
 * still open, so the trader is not surprised by a sign-in page after pressing F5.
 */
import type { Session } from '../session/session';

export function ReloadNotice({ session }: { session: Session }) {
  if (session.replay || !session.tokens.resume || session.tokens.resume()) return null;
  return (
    <p
      role="status"
      data-testid="reload-notice"
      className="border-b border-warn bg-panel px-4 py-1.5 text-sm text-warn"
    >
      This session cannot survive a reload: the server gave no refresh token. Reloading or closing
      this tab signs you out.
    </p>
  );
}
