/**
 * The one door from features to data. Features import hooks and types from here, never a
 * store module: stores are written only by the dispatcher (src/socket/dispatcher.ts).
 * The only writes offered here are the trader's own acts (marking news read).
 */
import { topicKey } from '../protocol';

export type { ConnectionState, ConnectionStatus } from './connection/connection-state';

// connection
export {
  useConnectionState,
  useTopicFreshness,
  useRtt,
  useDropCounts,
  useLastErrors,
  useFailedStreamCount,
} from './connection/selectors';
export type { TopicFreshness, ErrorRecord } from './connection/apply-connection';
export { useBehindMs, useShedCount, isBehind, countShed } from './connection/lag-store';

// diagnostics (the page pulls reports from the session's source on its own timer)
export { useDiagnosticsSource, useDiagnosticsReport } from './diagnostics/selectors';
export type { DiagnosticsSource } from './diagnostics/store';
export type { DiagnosticsReport, SubscriptionRow } from './diagnostics/report-types';
export type { RecorderState } from './diagnostics/report-types';

// orders
export {
  useOrder,
  useOrderIds,
  useDeferredOrderIds,
  useOrderCounts,
  useOrderCountsOf,
  getOrder,
  findOrders,
} from './orders/selectors';
export { orderStatusGroup, isTerminalStatus } from './orders/apply-orders';
export type { OrderCounts, OrderStatusGroup } from './orders/apply-orders';
export { ORDER_SORT_COLUMNS, DEFAULT_ORDER_SORT } from './orders/order-ids';
export type { OrderFilter, OrderSort, OrderSortColumn } from './orders/order-ids';
export { subscribeOrderTransitions } from './orders/transitions';
export type { OrderTransition } from './orders/transitions';

// positions
export {
  usePositions,
  usePositionsOf,
  usePositionTotals,
  usePositionsLoaded,
} from './positions/selectors';
export type { PositionTotals } from './positions/selectors';

// balances + account info
export {
  useBalances,
  useAccountInfo,
  useAccountLoaded,
  useLoadedAccounts,
  useBalancesOf,
} from './balances/selectors';
export type { AccountBalanceView } from './balances/selectors';
export { subscribeBalanceChanges, currentBalances } from './balances/changes';
export type { BalanceChange } from './balances/changes';

// P&L
export {
  usePnlCandles,
  usePnlSeriesOf,
  usePnlInterval,
  usePnlSince,
  subscribePnl,
  getPnlSeries,
} from './pnl/selectors';
export type { PnlChartEvent } from './pnl/selectors';
export { firstAtOrAfter, indexAt } from './pnl/candle-list';
export type { CandleSeq } from './pnl/candle-list';

// watchlists
export { useWatchlists, useWatchlistSymbolChangedAt } from './watchlist/selectors';

// news
export {
  useNews,
  useNewsLoaded,
  useNewsTopics,
  useUnreadNewsCount,
  useIsNewsUnread,
} from './news/selectors';
export type { NewsFilter } from './news/selectors';
export { markAllNewsRead, markNewsRead } from './news/store';
export { MAX_TOPIC_FACETS, MAX_TOPICS_PER_ARTICLE } from './news/apply-news';

/** Subscription keys as the socket registry spells them (`subscriptionKey` in src/protocol). */
export const accountKey = (accountId: string): string => topicKey('account', accountId);
export const pnlKey = (accountId: string): string => topicKey('pnl', accountId);
export const WATCHLIST_KEY = 'watchlist';
export const NEWS_KEY = 'news';
