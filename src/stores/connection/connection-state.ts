/**
 * The connection's states as the pages read them. The socket produces them; they are declared
 * here so that stores depend on nothing above them.
 */
/** Every state carries why we are in it and since when (ms epoch). */
type Base = { reason: string; since: number };

export type ConnectionState =
  | (Base & { status: 'idle' })
  | (Base & { status: 'connecting'; attempt: number })
  /** Socket open, auth sent, no answer yet. */
  | (Base & { status: 'connected' })
  /**
   * Authenticated, a subscription not yet acknowledged. `streaming`: the link was already
   * live and one more stream is on its way (the others keep streaming meanwhile).
   */
  | (Base & { status: 'authenticated'; expiresAt: number; streaming?: boolean })
  /** Authenticated and every wanted subscription acknowledged. */
  | (Base & { status: 'subscribed'; expiresAt: number })
  /** The server warned the session ends soon; a re-auth is in flight. */
  | (Base & { status: 'refreshWarning'; expiresAt: number })
  | (Base & { status: 'expired' })
  | (Base & { status: 'reconnecting'; attempt: number; nextAttemptAt: number })
  /** Stopped. `needsSignIn` when only a new sign-in can help (INVALID_TOKEN, refresh failed). */
  | (Base & { status: 'disconnected'; needsSignIn: boolean });

export type ConnectionStatus = ConnectionState['status'];
