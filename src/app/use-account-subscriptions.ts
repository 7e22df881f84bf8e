/**
 * What the shell streams while an account is selected: the account, the watchlists and the
 * news feed (for the unread badge and the overview). Pages may hold narrower streams on top
 * (see stream-holds.ts). With every account selected, each account is its own subscription on
 * the one socket.
 */
import { useStream, useStreams } from '../session/use-stream';

export function useAccountSubscriptions(accountId: string | undefined): void {
  useStream(accountId ? { topic: 'account', params: { accountId } } : undefined);
  useStream({ topic: 'watchlist', params: {} });
  useStream({ topic: 'news', params: {} });
}

/** Every account of `accountIds`, each on its own `account` subscription. */
export function useAllAccountSubscriptions(accountIds: readonly string[]): void {
  useStreams(accountIds.map((accountId) => ({ topic: 'account', params: { accountId } })));
}
