/** What the shell wants streamed while an account is selected: the account and the watchlists. */
import { useEffect } from 'react';
import { subscriptionKey } from '../protocol';
import type { AccountSocket } from '../socket/account-socket';

export function useAccountSubscriptions(
  socket: AccountSocket,
  accountId: string | undefined,
): void {
  useEffect(() => {
    if (!accountId) return;
    const sub = { topic: 'account', params: { accountId } } as const;
    socket.subscribe(sub);
    return () => socket.unsubscribe(subscriptionKey(sub));
  }, [socket, accountId]);
  useEffect(() => {
    socket.subscribe({ topic: 'watchlist', params: {} });
    return () => socket.unsubscribe('watchlist');
  }, [socket]);
}
