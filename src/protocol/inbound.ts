/**
 * The canonical form of every server message, as the client sees it after normalize.ts.
 * One spelling per field; production variants never reach past the normaliser.
 */
import type { ErrorCode, Topic } from './codes';
import { topicKey } from './subscriptions';
import type {
  AccountInfo,
  AccountSnapshot,
  Balance,
  BalancePatch,
  Candle,
  NewsArticle,
  NewsSnapshot,
  Order,
  PnlSnapshot,
  Position,
  WatchlistReplace,
  WatchlistSnapshot,
  WatchlistSymbolChange,
} from './domain';

export type AccountUpdate =
  | { type: 'order'; order: Order }
  | { type: 'position'; position: Position }
  /** Full or partial; the store merges it into the last full balance. */
  | { type: 'balance'; balance: BalancePatch }
  | { type: 'info'; info: AccountInfo };
export type PnlUpdate = { type: 'candle'; candle: Candle };
export type WatchlistUpdate =
  | { type: 'symbolAdded'; change: WatchlistSymbolChange }
  | { type: 'symbolRemoved'; change: WatchlistSymbolChange }
  | { type: 'watchlist'; watchlist: WatchlistReplace };
export type NewsUpdate = { type: 'article'; article: NewsArticle };

export type SnapshotByTopic = {
  account: AccountSnapshot;
  pnl: PnlSnapshot;
  watchlist: WatchlistSnapshot;
  news: NewsSnapshot;
};
export type UpdateByTopic = {
  account: AccountUpdate;
  pnl: PnlUpdate;
  watchlist: WatchlistUpdate;
  news: NewsUpdate;
};

export type SubscribedMessage = {
  [T in Topic]: {
    kind: 'subscribed';
    id?: string;
    topic: T;
    /** Params as the server echoed them, if it did. */
    params?: Record<string, unknown>;
    snapshot: SnapshotByTopic[T];
  };
}[Topic];

export type UpdateMessage = {
  [T in Topic]: { kind: 'update'; topic: T; seq?: number; update: UpdateByTopic[T] };
}[Topic];

export type InboundMessage =
  | { kind: 'pong'; id?: string }
  | { kind: 'authSuccess'; id?: string; userId?: string; expiresIn: number; expiresAt: number }
  | { kind: 'refreshAuth'; expiresIn: number; expiresAt: number }
  | { kind: 'authExpired'; expiresAt?: number }
  | SubscribedMessage
  | { kind: 'unsubscribed'; id?: string; topic: Topic }
  | UpdateMessage
  /** `code` is one of ours when known; production may send others, kept verbatim. */
  | { kind: 'error'; id?: string; code: ErrorCode | (string & {}); message: string }
  /**
   * Never on the wire: the socket says a subscription's snapshot or update could not be read
   * (its `MessageMeta` names the subscription), so that topic alone shows it and is retried.
   */
  | { kind: 'unreadable'; topic: Topic; reason: DropReason; detail: string; excerpt: string };

/** A candle as read off the wire: the short form carries neither account nor interval. */
export type DecodedCandle = Omit<Candle, 'accountId' | 'interval'> &
  Partial<Pick<Candle, 'accountId' | 'interval'>>;

type WithoutAccount<T extends { accountId: string }> = Omit<T, 'accountId'> & {
  accountId?: string;
};
/** An account snapshot whose records may leave their account to the subscription. */
export type DecodedAccountSnapshot = {
  info: WithoutAccount<AccountInfo>;
  balance: WithoutAccount<Balance>;
  positions: WithoutAccount<Position>[];
  orders: WithoutAccount<Order>[];
};

/**
 * What the normaliser yields: canonical, except for the context a message may leave to the
 * subscription it answers (a candle's account and interval, a snapshot's account).
 * `completeMessage` (complete.ts) fills that from the subscription, never by guessing.
 */
export type DecodedMessage =
  | Exclude<
      InboundMessage,
      | { kind: 'subscribed'; topic: 'pnl' | 'account' }
      | { kind: 'update'; topic: 'pnl' }
      | { kind: 'unreadable' }
    >
  | {
      kind: 'subscribed';
      id?: string;
      topic: 'pnl';
      params?: Record<string, unknown>;
      snapshot: { candles: DecodedCandle[] };
    }
  | {
      kind: 'subscribed';
      id?: string;
      topic: 'account';
      params?: Record<string, unknown>;
      snapshot: DecodedAccountSnapshot;
    }
  | {
      kind: 'update';
      topic: 'pnl';
      seq?: number;
      update: { type: 'candle'; candle: DecodedCandle };
    };

/** Why a frame was dropped; counted per reason for the diagnostics page. */
export type DropReason =
  | 'not-json'
  | 'not-object'
  | 'binary'
  | 'oversize'
  | 'unknown-type'
  | 'unknown-action'
  | 'unknown-topic'
  | 'unknown-update-type'
  | 'invalid-payload'
  /** A candle or snapshot left its account to a subscription that cannot be told. */
  | 'missing-context';

/**
 * Which subscription an unreadable frame was about, when its envelope could still be read:
 * the socket then fails that subscription alone and retries it.
 */
export type DropContext = {
  kind: 'subscribed' | 'update';
  topic: Topic;
  id?: string;
  accountId?: string;
};

export type NormalizeResult =
  | { ok: true; message: DecodedMessage; serverTime?: number }
  | { ok: false; reason: DropReason; detail: string; about?: DropContext };

/** The subscription (see `subscriptionKey`) a live update belongs to. */
export function updateSubscriptionKey(msg: UpdateMessage): string {
  switch (msg.topic) {
    case 'account': {
      const u = msg.update;
      const accountId =
        u.type === 'order'
          ? u.order.accountId
          : u.type === 'position'
            ? u.position.accountId
            : u.type === 'balance'
              ? u.balance.accountId
              : u.info.accountId;
      return topicKey('account', accountId);
    }
    case 'pnl':
      return topicKey('pnl', msg.update.candle.accountId);
    default:
      return msg.topic;
  }
}
