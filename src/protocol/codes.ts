/**
 * Names shared by client and server: topics, intervals, error and close codes, enums.
 * Each list is an `as const` tuple and the union type is derived from it, so a new
 * value is added in exactly one place (tldraw sync-core does the same in protocol.ts).
 */

export const TOPICS = ['account', 'pnl', 'watchlist', 'news'] as const;
export type Topic = (typeof TOPICS)[number];

/** Older spellings of topic names that production may still send (tolerated spellings). */
export const TOPIC_ALIASES: Readonly<Record<string, Topic>> = {
  accUpdates: 'account',
  pnlCandle: 'pnl',
  watchlistUpdates: 'watchlist',
};

/** News topics the embedded server tags articles with (production may send others; they still show). */
export const NEWS_TOPICS = [
  'earnings',
  'analyst',
  'macro',
  'product',
  'regulatory',
  'm&a',
] as const;
export type NewsTopic = (typeof NEWS_TOPICS)[number];

export const PNL_INTERVALS = ['15s', '1m', '5m', '15m', '1h', '1d', '1mo'] as const;
export type PnlInterval = (typeof PNL_INTERVALS)[number];
export const DEFAULT_PNL_INTERVAL: PnlInterval = '1m';

export const ERROR_CODES = [
  'AUTH_REQUIRED',
  'INVALID_TOKEN',
  'MISSING_ACCOUNT_ID',
  'UNKNOWN_TOPIC',
  'MISSING_START_TIME',
  'INVALID_INTERVAL',
  'ACCESS_DENIED',
  'INVALID_MESSAGE',
  'RATE_LIMITED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const CLOSE_CODES = {
  normal: 1000,
  authRequired: 4001,
  sessionExpired: 4002,
  tooManyInvalidTokens: 4003,
  policyViolation: 4008,
} as const;
export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];

export const SIDES = ['BUY', 'SELL', 'SELL_SHORT', 'BUY_TO_COVER'] as const;
export type Side = (typeof SIDES)[number];

export const ORDER_TYPES = ['MARKET', 'LIMIT', 'STOP', 'STOP_LIMIT', 'TRAILING_STOP'] as const;
export type OrderType = (typeof ORDER_TYPES)[number];

export const TIME_IN_FORCE = ['DAY', 'GTC', 'IOC', 'FOK', 'GTD', 'OPG', 'CLO'] as const;
export type TimeInForce = (typeof TIME_IN_FORCE)[number];

export const ORDER_STATUSES = [
  'PENDING_NEW',
  'NEW',
  'PARTIALLY_FILLED',
  'FILLED',
  'PENDING_CANCEL',
  'CANCELED',
  'PENDING_REPLACE',
  'REJECTED',
  'EXPIRED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const TERMINAL_ORDER_STATUSES: ReadonlySet<OrderStatus> = new Set([
  'FILLED',
  'CANCELED',
  'REJECTED',
  'EXPIRED',
]);

/** What the docs tell us to show a trader for each status. */
export const ORDER_STATUS_LABELS: Readonly<Record<OrderStatus, string>> = {
  PENDING_NEW: 'Submitting…',
  NEW: 'Working',
  PARTIALLY_FILLED: 'Partially filled',
  FILLED: 'Filled',
  PENDING_CANCEL: 'Cancelling…',
  CANCELED: 'Cancelled',
  PENDING_REPLACE: 'Modifying…',
  REJECTED: 'Rejected',
  EXPIRED: 'Expired',
};

export const ORDER_SECURITY_TYPES = ['EQUITY', 'OPTION', 'MULTI_LEG'] as const;
export type OrderSecurityType = (typeof ORDER_SECURITY_TYPES)[number];

export const ORDER_CATEGORIES = ['SINGLE_LEG', 'MULTI_LEG'] as const;
export type OrderCategory = (typeof ORDER_CATEGORIES)[number];

export const LEG_SIDES = ['BUY', 'SELL'] as const;
export const POSITION_EFFECTS = ['OPEN', 'CLOSE'] as const;
export const PUT_CALL = ['CALL', 'PUT'] as const;
export type PutCall = (typeof PUT_CALL)[number];

export const POSITION_SECURITY_TYPES = ['EQUITY', 'OPTION'] as const;

export const ACCOUNT_TYPES = ['CASH', 'MARGIN', 'IRA', 'ROTH_IRA', 'RETIREMENT'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

export const ACCOUNT_CLASSES = ['INDIVIDUAL', 'JOINT', 'CORPORATE', 'TRUST', 'LLC'] as const;
export type AccountClass = (typeof ACCOUNT_CLASSES)[number];

export const OPTIONS_LEVELS = ['LEVEL_0', 'LEVEL_1', 'LEVEL_2', 'LEVEL_3', 'LEVEL_4'] as const;
export type OptionsLevel = (typeof OPTIONS_LEVELS)[number];

/** Update `type` values per topic (the documented live updates). */
export const ACCOUNT_EVENT_TYPES = ['order', 'position', 'balance', 'info'] as const;
export type AccountEventType = (typeof ACCOUNT_EVENT_TYPES)[number];
export const WATCHLIST_EVENT_TYPES = ['symbolAdded', 'symbolRemoved', 'watchlist'] as const;
export type WatchlistEventType = (typeof WATCHLIST_EVENT_TYPES)[number];

/** Defaults the docs state; the embedded server reads overrides from env. */
export const PROTOCOL_DEFAULTS = {
  authTimeoutMs: 5_000,
  sessionTtlMs: 3_900_000,
  refreshWarningMs: 300_000,
  maxFrameBytes: 64 * 1024,
  wsPath: '/v1/accounts/ws',
  tokenPath: '/v1/oauth2/token',
  /** RFC 7009 token revocation (the embedded server; Sign out calls it). */
  revokePath: '/v1/oauth2/revoke',
  accountsPath: '/v1/accounts',
} as const;
