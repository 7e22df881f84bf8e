/**
 * The contract between the market simulator (server/sim) and the network server.
 * The network layer only reads ground truth and listens for events; it never
 * mutates accounts except through the control methods below.
 */
import type {
  AccountInfo,
  AccountSnapshot,
  Candle,
  NewsArticle,
  NewsParams,
  Order,
  OrderLeg,
  PnlInterval,
  Position,
  Side,
  TimeInForce,
  OrderType,
  Balance,
  Watchlist,
  WatchlistId,
  WatchlistReplace,
  WatchlistSymbolChange,
} from '../../src/protocol';

export type UserRecord = {
  userId: string;
  username: string;
  password: string;
  accountIds: string[];
};

/** Everything the simulator announces; the server fans these out to subscribers. */
export type SimEvent =
  | { kind: 'order'; accountId: string; order: Order }
  | { kind: 'position'; accountId: string; position: Position }
  | { kind: 'balance'; accountId: string; balance: Balance }
  | { kind: 'info'; accountId: string; info: AccountInfo }
  /** The account's P&L moved; the server turns it into candle updates per subscribed interval. */
  | { kind: 'pnl'; accountId: string; atMs: number }
  | { kind: 'symbolAdded' | 'symbolRemoved'; userId: string; change: WatchlistSymbolChange }
  | { kind: 'watchlist'; userId: string; watchlist: WatchlistReplace }
  | { kind: 'article'; article: NewsArticle };

export type PlaceOrderInput = {
  accountId: string;
  symbol: string;
  side: Side;
  type: OrderType;
  timeInForce?: TimeInForce;
  qty: string;
  price?: string;
  stopPrice?: string;
  legs?: OrderLeg[];
  clOrdId?: string;
};

export interface Simulator {
  readonly users: readonly UserRecord[];
  userByCredentials(username: string, password: string): UserRecord | undefined;
  userById(userId: string): UserRecord | undefined;
  accountsOf(userId: string): AccountInfo[];
  ownerOf(accountId: string): string | undefined;

  /** Ground truth; `orders` = every open order plus today's closed ones (the ordersV2 set). */
  accountSnapshot(accountId: string): AccountSnapshot;
  /** Candles from `startMs` to `nowMs`, oldest first, consistent across intervals. */
  candles(accountId: string, interval: PnlInterval, startMs: number, nowMs: number): Candle[];
  /** The UTF-8 bytes of `JSON.stringify(candles(…))`, for the snapshot frame. */
  candlesJson(accountId: string, interval: PnlInterval, startMs: number, nowMs: number): Buffer;
  /** The candle containing `atMs` (the live one). */
  currentCandle(accountId: string, interval: PnlInterval, atMs: number): Candle;
  watchlists(userId: string): Watchlist[];
  /** Newest first; filtered by symbols/topics when given. */
  news(filter: NewsParams, limit: number): NewsArticle[];

  subscribe(listener: (event: SimEvent) => void): () => void;

  /** One random market/account event (a seeded RNG decides which). */
  step(): void;
  /** Starts `rate` random steps per second (0 = only control-driven changes). */
  start(rate: number): void;
  stop(): void;
  /** Back to the seeded opening state; connected clients should be dropped to resnapshot. */
  reset(): void;

  // control methods (used by the control API and tests)
  placeOrder(input: PlaceOrderInput): Order;
  /** Moves PENDING_NEW → NEW (acknowledged). */
  acceptOrder(ordId: string): Order;
  fillOrder(ordId: string, qty?: string, price?: string): Order;
  cancelOrder(ordId: string): Order;
  replaceOrder(ordId: string, changes: { qty?: string; price?: string }): Order;
  rejectOrder(ordId: string, reason: string): Order;
  expireDayOrders(): Order[];
  setPrice(symbol: string, price: string): void;
  publishNews(article: Partial<NewsArticle> & { headline: string }): NewsArticle;
  addSymbol(userId: string, watchlistId: WatchlistId, symbol: string): void;
  removeSymbol(userId: string, watchlistId: WatchlistId, symbol: string): void;
  upsertWatchlist(userId: string, watchlist: WatchlistReplace): void;
}
