/**
 * What the dispatcher queues per topic, in the shape the stores fold (fold.ts). Snapshots carry
 * the ids their stores key by, resolved once by the dispatcher from the subscription.
 */
import type {
  AccountUpdate,
  Candle,
  NewsArticle,
  PnlInterval,
  SnapshotByTopic,
  Topic,
  WatchlistUpdate,
} from '../protocol';
import type { TopicOp } from './fold';

export type SnapshotOf = {
  account: { accountId: string; data: SnapshotByTopic['account'] };
  pnl: {
    accountId: string;
    interval: PnlInterval;
    since?: string | undefined;
    candles: readonly Candle[];
  };
  watchlist: SnapshotByTopic['watchlist'];
  news: SnapshotByTopic['news'];
};

/** One live update as queued: the part of the message the stores read. */
export type UpdateOf = {
  account: AccountUpdate;
  pnl: Candle;
  watchlist: WatchlistUpdate;
  news: NewsArticle;
};

export type OpOf<T extends Topic> = TopicOp<SnapshotOf[T], UpdateOf[T]>;
export type OpsByTopic = { [T in Topic]: OpOf<T>[] };

export type AccountSnapshotOf = SnapshotOf['account'];
export type AccountOp = OpOf<'account'>;
export type PnlOp = OpOf<'pnl'>;
export type WatchlistOp = OpOf<'watchlist'>;
export type NewsOp = OpOf<'news'>;
