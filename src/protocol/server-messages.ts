/**
 * Frames the server sends, exactly as the broker documents them. The embedded server builds
 * every frame with `serverMessages`; client tests use the same builders to fake a server.
 * The client never reads these types directly: it goes through normalize.ts, which also
 * accepts the production spellings listed under "Tolerance".
 */
import type { ErrorCode, Topic } from './codes';
import type {
  AccountInfo,
  Balance,
  BalancePatch,
  Candle,
  LegacyOrder,
  NewsArticle,
  Order,
  Position,
  Watchlist,
  WatchlistReplace,
  WatchlistSymbolChange,
} from './domain';

export type WireAccountSnapshot = AccountInfo &
  Balance & { positions: Position[]; orders: LegacyOrder[]; ordersV2: Order[] };
export type WirePnlSnapshot = { candles: Candle[] };
export type WireWatchlistSnapshot = { watchlists: Watchlist[] };
export type WireNewsSnapshot = { articles: NewsArticle[] };

export type WireSnapshotByTopic = {
  account: WireAccountSnapshot;
  pnl: WirePnlSnapshot;
  watchlist: WireWatchlistSnapshot;
  news: WireNewsSnapshot;
};

export type WireUpdateByTopic = {
  account:
    | { type: 'order'; data: Order }
    | { type: 'position'; data: Position }
    | { type: 'balance'; data: Balance | BalancePatch }
    | { type: 'info'; data: AccountInfo };
  pnl: { type: 'candle'; data: Candle };
  watchlist:
    | { type: 'symbolAdded'; data: WatchlistSymbolChange }
    | { type: 'symbolRemoved'; data: WatchlistSymbolChange }
    | { type: 'watchlist'; data: WatchlistReplace };
  news: { type: 'article'; data: NewsArticle };
};

type Event<P> = { type: 'event'; id?: string; timestamp: string; payload: P };

export type AuthSuccessFrame = Event<{
  action: 'authSuccess';
  id?: string;
  data: { userId: string; expiresIn: number; expiresAt: number };
  timestamp: number;
}>;
export type RefreshAuthFrame = Event<{
  action: 'refreshAuth';
  data: { expiresIn: number; expiresAt: number };
  timestamp: number;
}>;
export type AuthExpiredFrame = Event<{
  action: 'authExpired';
  data: { expiresAt: number };
  timestamp: number;
}>;
export type SubscribedFrame<T extends Topic = Topic> = Event<{
  action: 'subscribed';
  id?: string;
  topic: T;
  params: object;
  data: WireSnapshotByTopic[T];
}>;
export type UnsubscribedFrame = Event<{
  action: 'unsubscribed';
  id?: string;
  topic: Topic;
  params: object;
}>;
export type UpdateFrame<T extends Topic = Topic> = Event<
  { action: 'update'; topic: T; seq: number } & WireUpdateByTopic[T]
>;
export type ErrorFrame = Event<{
  action: 'error';
  id?: string;
  code: ErrorCode;
  error: string;
  timestamp: number;
}>;
export type PongFrame = { type: 'pong'; id?: string; timestamp: string };

export type ServerSentFrame =
  | AuthSuccessFrame
  | RefreshAuthFrame
  | AuthExpiredFrame
  | SubscribedFrame
  | UnsubscribedFrame
  | UpdateFrame
  | ErrorFrame
  | PongFrame;

/** RFC3339 with milliseconds, as the docs require on every envelope. */
export function rfc3339Millis(ms: number): string {
  return new Date(ms).toISOString();
}

function withId<T extends object>(id: string | undefined, value: T): T & { id?: string } {
  return id === undefined ? value : { ...value, id };
}

export const serverMessages = {
  authSuccess(
    id: string | undefined,
    data: { userId: string; expiresAt: number },
    now: number,
  ): AuthSuccessFrame {
    return {
      type: 'event',
      ...withId(id, {}),
      timestamp: rfc3339Millis(now),
      payload: {
        action: 'authSuccess',
        ...withId(id, {}),
        data: { userId: data.userId, expiresIn: data.expiresAt - now, expiresAt: data.expiresAt },
        timestamp: now,
      },
    };
  },
  refreshAuth(expiresAt: number, now: number): RefreshAuthFrame {
    return {
      type: 'event',
      timestamp: rfc3339Millis(now),
      payload: {
        action: 'refreshAuth',
        data: { expiresIn: Math.max(0, expiresAt - now), expiresAt },
        timestamp: now,
      },
    };
  },
  authExpired(expiresAt: number, now: number): AuthExpiredFrame {
    return {
      type: 'event',
      timestamp: rfc3339Millis(now),
      payload: { action: 'authExpired', data: { expiresAt }, timestamp: now },
    };
  },
  subscribed<T extends Topic>(
    id: string | undefined,
    topic: T,
    params: object,
    data: WireSnapshotByTopic[T],
    now: number,
  ): SubscribedFrame<T> {
    return {
      type: 'event',
      ...withId(id, {}),
      timestamp: rfc3339Millis(now),
      payload: { action: 'subscribed', ...withId(id, {}), topic, params, data },
    };
  },
  unsubscribed(
    id: string | undefined,
    topic: Topic,
    params: object,
    now: number,
  ): UnsubscribedFrame {
    return {
      type: 'event',
      ...withId(id, {}),
      timestamp: rfc3339Millis(now),
      payload: { action: 'unsubscribed', ...withId(id, {}), topic, params },
    };
  },
  update<T extends Topic>(
    topic: T,
    seq: number,
    update: WireUpdateByTopic[T],
    now: number,
  ): UpdateFrame<T> {
    return {
      type: 'event',
      timestamp: rfc3339Millis(now),
      payload: { action: 'update', topic, seq, ...update },
    } as UpdateFrame<T>;
  },
  error(id: string | undefined, code: ErrorCode, message: string, now: number): ErrorFrame {
    return {
      type: 'event',
      ...withId(id, {}),
      timestamp: rfc3339Millis(now),
      payload: { action: 'error', ...withId(id, {}), code, error: message, timestamp: now },
    };
  },
  pong(id: string | undefined, now: number): PongFrame {
    return { type: 'pong', ...withId(id, {}), timestamp: rfc3339Millis(now) };
  },
};

/** The legacy v1 view of an order, for the snapshot's `orders` array. */
export function toLegacyOrder(o: Order): LegacyOrder {
  const legacy: LegacyOrder = {
    orderId: o.ordId,
    clOrdId: o.clOrdId,
    accountId: o.accountId,
    symbol: o.symbol,
    side: o.side,
    orderType: o.type,
    status: o.ordStatus === 'NEW' ? 'WORKING' : o.ordStatus,
    tif: o.timeInForce,
    quantity: o.qty,
    filledQty: o.cumQty,
    leavesQty: o.leavesQty,
    currency: o.currency,
    instrument: o.securityType,
    category: o.category,
    legs: o.legs,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
  };
  if (o.price !== undefined) legacy.price = o.price;
  if (o.stopPrice !== undefined) legacy.stopPrice = o.stopPrice;
  if (o.avgPrice !== undefined) legacy.avgPrice = o.avgPrice;
  if (o.exDestination !== undefined) legacy.destination = o.exDestination;
  if (o.text !== undefined) legacy.text = o.text;
  return legacy;
}
