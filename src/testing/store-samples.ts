/**
 * Builders of canonical domain objects and inbound messages for store and dispatcher tests.
 * Every builder takes overrides; defaults are valid against the zod schemas in src/protocol.
 */
import type {
  AccountInfo,
  AccountSnapshot,
  Balance,
  Candle,
  InboundMessage,
  NewsArticle,
  Order,
  Position,
  Subscription,
} from '../protocol';
import { BALANCE_DECIMAL_FIELDS, subscriptionKey } from '../protocol';
import type { MessageMeta } from '../socket/types';

export const T0 = Date.parse('2026-11-23T14:30:00.000Z');
/** RFC3339 at `T0 + offsetMs`. */
export const iso = (offsetMs = 0): string => new Date(T0 + offsetMs).toISOString();

export function sampleOrder(overrides: Partial<Order> = {}): Order {
  return {
    ordId: 'O-1',
    clOrdId: 'C-1',
    accountId: 'A-10001',
    symbol: 'AAPL',
    side: 'BUY',
    type: 'LIMIT',
    timeInForce: 'DAY',
    qty: '100',
    price: '189.50',
    ordStatus: 'NEW',
    cumQty: '0',
    leavesQty: '100',
    currency: 'USD',
    securityType: 'EQUITY',
    category: 'SINGLE_LEG',
    legs: [],
    createdAt: iso(0),
    updatedAt: iso(0),
    ...overrides,
  };
}

/** `n` orders O-0…O-(n-1) for one account, createdAt one ms apart, a mix of statuses. */
export function sampleOrders(n: number, accountId = 'A-10001'): Order[] {
  const statuses = ['NEW', 'PARTIALLY_FILLED', 'FILLED', 'CANCELED', 'REJECTED'] as const;
  const out: Order[] = new Array<Order>(n);
  for (let i = 0; i < n; i++) {
    out[i] = sampleOrder({
      ordId: `O-${i}`,
      clOrdId: `C-${i}`,
      accountId,
      symbol: i % 2 ? 'AAPL' : 'MSFT',
      ordStatus: statuses[i % statuses.length] as Order['ordStatus'],
      createdAt: iso(i),
      updatedAt: iso(i),
    });
  }
  return out;
}

export function samplePosition(overrides: Partial<Position> = {}): Position {
  return {
    accountId: 'A-10001',
    symbol: 'AAPL',
    securityType: 'EQUITY',
    qty: '100',
    avgPrice: '180.00',
    todayRealizedPnL: '0.00',
    lastPrice: '190.00',
    marketValue: '19000.00',
    unrealizedPnL: '1000.00',
    updatedAt: iso(0),
    ...overrides,
  };
}

export function sampleBalance(overrides: Partial<Balance> = {}): Balance {
  const decimals = Object.fromEntries(BALANCE_DECIMAL_FIELDS.map((f) => [f, '0.00'])) as Record<
    (typeof BALANCE_DECIMAL_FIELDS)[number],
    string
  >;
  return {
    ...decimals,
    accountId: 'A-10001',
    pendingOrdersCount: 0,
    totalEquity: '125000.00',
    netBuyingPower: '250000.00',
    ...overrides,
  };
}

export function sampleInfo(overrides: Partial<AccountInfo> = {}): AccountInfo {
  return {
    accountId: 'A-10001',
    accountType: 'MARGIN',
    accountClass: 'INDIVIDUAL',
    optionsLevel: 'LEVEL_3',
    ...overrides,
  };
}

export function sampleAccountSnapshot(
  accountId = 'A-10001',
  overrides: Partial<AccountSnapshot> = {},
): AccountSnapshot {
  return {
    info: sampleInfo({ accountId }),
    balance: sampleBalance({ accountId }),
    positions: [samplePosition({ accountId })],
    orders: [sampleOrder({ accountId })],
    ...overrides,
  };
}

export function sampleCandle(t: number, overrides: Partial<Candle> = {}): Candle {
  return {
    accountId: 'A-10001',
    interval: '1m',
    t,
    open: '0.00',
    high: '10.00',
    low: '-5.00',
    close: '2.50',
    ...overrides,
  };
}

export function sampleArticle(id: string, overrides: Partial<NewsArticle> = {}): NewsArticle {
  return {
    id,
    headline: `Headline ${id}`,
    summary: 'Summary',
    source: 'Wire',
    url: 'https://news.example/a',
    symbols: ['AAPL'],
    topics: ['earnings'],
    publishedAt: iso(0),
    ...overrides,
  };
}

// ---- canonical inbound messages + meta, as the socket hands them to the dispatcher -------

export const accountSub = (accountId = 'A-10001'): Subscription => ({
  topic: 'account',
  params: { accountId },
});
export const pnlSub = (accountId = 'A-10001', interval: '1m' | '5m' = '1m'): Subscription => ({
  topic: 'pnl',
  params: { accountId, startTime: iso(-3_600_000), interval },
});

export function metaFor(sub?: Subscription, connectionId = 1): MessageMeta {
  return {
    receivedAt: T0,
    connectionId,
    ...(sub ? { subscription: sub, subscriptionKey: subscriptionKey(sub) } : {}),
  };
}

export const accountSnapshotMsg = (snapshot: AccountSnapshot): InboundMessage => ({
  kind: 'subscribed',
  topic: 'account',
  snapshot,
});
export const orderUpdateMsg = (order: Order): InboundMessage => ({
  kind: 'update',
  topic: 'account',
  update: { type: 'order', order },
});
export const balanceUpdateMsg = (
  balance: Partial<Balance> & { accountId: string },
): InboundMessage => ({
  kind: 'update',
  topic: 'account',
  update: { type: 'balance', balance },
});
export const pnlSnapshotMsg = (candles: Candle[]): InboundMessage => ({
  kind: 'subscribed',
  topic: 'pnl',
  snapshot: { candles },
});
export const candleUpdateMsg = (candle: Candle): InboundMessage => ({
  kind: 'update',
  topic: 'pnl',
  update: { type: 'candle', candle },
});
export const newsArticleMsg = (article: NewsArticle): InboundMessage => ({
  kind: 'update',
  topic: 'news',
  update: { type: 'article', article },
});
