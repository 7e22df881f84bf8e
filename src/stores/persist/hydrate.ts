/**
 * Paints cached records into the stores before the server's snapshots arrive.
 *
 * This is the one writer of the topic stores besides the dispatcher, and it deliberately goes
 * around it: the dispatcher's "first snapshot applied at once" rule, its `started` keys and the
 * socket's seq tracking only ever see the server's frames, so a cached record can never be
 * taken for the server's snapshot. It writes a key only while that key has no server data
 * (`acceptsCache`), in one synchronous pass, so a snapshot that arrived first always wins; the
 * server's snapshot replaces every cached row (snapshots replace an account's state).
 */
import { topicKey } from '../../protocol';
import { applyBalanceSnapshot } from '../balances/apply-balances';
import { updateBalances } from '../balances/store';
import { acceptsCache, markCached } from '../connection/apply-connection';
import { connectionStore, updateConnection } from '../connection/store';
import { applyOrdersSnapshot } from '../orders/apply-orders';
import { updateOrders } from '../orders/store';
import { applyPnlSnapshot } from '../pnl/apply-pnl';
import { updatePnl } from '../pnl/store';
import { applyPositionsSnapshot } from '../positions/apply-positions';
import { updatePositions } from '../positions/store';
import type { AccountCacheRecord } from './cache-record';

/** Returns the subscription keys painted from the cache. */
export function hydrateFromCache(
  records: readonly AccountCacheRecord[],
  now = Date.now(),
): string[] {
  const painted: string[] = [];
  for (const r of records) {
    const key = topicKey('account', r.accountId);
    if (acceptsCache(connectionStore.getState(), key)) {
      updateOrders((s) => applyOrdersSnapshot(s, r.accountId, r.orders));
      updatePositions((s) => applyPositionsSnapshot(s, r.accountId, r.positions));
      const { balance, info } = r;
      if (balance && info) updateBalances((s) => applyBalanceSnapshot(s, balance, info));
      updateConnection((s) => markCached(s, key, r.asOf, now));
      painted.push(key);
    }
    const pnlKey = topicKey('pnl', r.accountId);
    const pnl = r.pnl;
    if (pnl && acceptsCache(connectionStore.getState(), pnlKey)) {
      updatePnl((s) =>
        applyPnlSnapshot(
          s,
          pnlKey,
          { accountId: r.accountId, interval: pnl.interval },
          pnl.candles,
        ),
      );
      updateConnection((s) => markCached(s, pnlKey, r.asOf, now));
      painted.push(pnlKey);
    }
  }
  return painted;
}
