/**
 * What a client may subscribe to, and the rules the server enforces on it.
 * Both sides use `validateSubscription`: the server to answer with the documented
 * error code, the client to refuse a request the server would reject anyway.
 */
import { DEFAULT_PNL_INTERVAL, PNL_INTERVALS, TOPIC_ALIASES, TOPICS } from './codes';
import type { ErrorCode, PnlInterval, Topic } from './codes';
import { rfc3339 } from './domain';
import { exchangeDayStart, exchangeWallTime } from './exchange-time';

export type AccountParams = { accountId: string };
export type PnlParams = { accountId: string; startTime: string; interval: PnlInterval };
export type WatchlistParams = Record<string, never>;
export type NewsParams = { symbols?: string[]; topics?: string[] };

export type Subscription =
  | { topic: 'account'; params: AccountParams }
  | { topic: 'pnl'; params: PnlParams }
  | { topic: 'watchlist'; params: WatchlistParams }
  | { topic: 'news'; params: NewsParams };

export type ProtocolError = { code: ErrorCode; message: string };

export function resolveTopic(name: unknown): Topic | undefined {
  if (typeof name !== 'string') return undefined;
  if ((TOPICS as readonly string[]).includes(name)) return name as Topic;
  return TOPIC_ALIASES[name];
}

/**
 * Identity of a subscription: re-subscribing with the same key replaces its params
 * (a new P&L interval, new news filters) rather than adding a second stream.
 */
export function subscriptionKey(sub: Pick<Subscription, 'topic' | 'params'>): string {
  return topicKey(sub.topic, 'accountId' in sub.params ? sub.params.accountId : undefined);
}

/** The one spelling of a stream's key: per account for `account` and `pnl`, per user otherwise. */
export function topicKey(topic: Topic, accountId?: string): string {
  return topic === 'account' || topic === 'pnl' ? `${topic}:${accountId ?? ''}` : topic;
}

function stringList(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string')
    return value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  return undefined;
}

export function validateSubscription(
  topicName: unknown,
  rawParams: unknown,
): { ok: true; sub: Subscription } | { ok: false; error: ProtocolError } {
  const topic = resolveTopic(topicName);
  if (!topic) {
    return {
      ok: false,
      error: { code: 'UNKNOWN_TOPIC', message: `unknown topic ${JSON.stringify(topicName)}` },
    };
  }
  const params =
    rawParams && typeof rawParams === 'object' ? (rawParams as Record<string, unknown>) : {};
  const accountId = typeof params.accountId === 'string' ? params.accountId.trim() : '';
  switch (topic) {
    case 'account':
      if (!accountId) return missingAccount(topic);
      return { ok: true, sub: { topic, params: { accountId } } };
    case 'pnl': {
      if (!accountId) return missingAccount(topic);
      const startTime = params.startTime;
      if (typeof startTime !== 'string' || !rfc3339.safeParse(startTime).success) {
        return {
          ok: false,
          error: {
            code: 'MISSING_START_TIME',
            message: 'params.startTime is required for topic pnl',
          },
        };
      }
      const interval = params.interval ?? DEFAULT_PNL_INTERVAL;
      if (!(PNL_INTERVALS as readonly unknown[]).includes(interval)) {
        return {
          ok: false,
          error: {
            code: 'INVALID_INTERVAL',
            message: `interval must be one of ${PNL_INTERVALS.join(' ')}`,
          },
        };
      }
      return {
        ok: true,
        sub: { topic, params: { accountId, startTime, interval: interval as PnlInterval } },
      };
    }
    case 'watchlist':
      return { ok: true, sub: { topic, params: {} } };
    case 'news': {
      const symbols = stringList(params.symbols);
      const topics = stringList(params.topics);
      const news: NewsParams = {};
      if (symbols?.length) news.symbols = symbols.map((s) => s.toUpperCase());
      if (topics?.length) news.topics = topics;
      return { ok: true, sub: { topic, params: news } };
    }
  }
}

function missingAccount(topic: Topic): { ok: false; error: ProtocolError } {
  return {
    ok: false,
    error: {
      code: 'MISSING_ACCOUNT_ID',
      message: `params.accountId is required for topic ${topic}`,
    },
  };
}

/** Interval lengths in seconds; `1mo` is calendar-aligned, see `candleStart`. */
export const INTERVAL_SECONDS: Readonly<Record<PnlInterval, number>> = {
  '15s': 15,
  '1m': 60,
  '5m': 300,
  '15m': 900,
  '1h': 3600,
  '1d': 86400,
  '1mo': 30 * 86400,
};

/**
 * Start (Unix seconds) of the candle that contains `unixSeconds`. Daily and monthly candles
 * follow the exchange's calendar (they start at its midnight), so "a day" is a trading day.
 */
export function candleStart(unixSeconds: number, interval: PnlInterval): number {
  if (!Number.isFinite(unixSeconds)) return NaN; // as plain arithmetic would: no candles
  if (interval === '1d') return exchangeDayStart(unixSeconds * 1000) / 1000;
  if (interval === '1mo') {
    const { year, month } = exchangeWallTime(unixSeconds * 1000);
    // Noon UTC on the 1st is the 1st on the exchange's clock too.
    return exchangeDayStart(Date.UTC(year, month - 1, 1, 12)) / 1000;
  }
  const len = INTERVAL_SECONDS[interval];
  return Math.floor(unixSeconds / len) * len;
}

/** Start of the candle after the one starting at `t` (a day may be 23 or 25 hours long). */
export function nextCandleStart(t: number, interval: PnlInterval): number {
  // 30 hours, or 32 days, past a start always lands inside the next candle.
  if (interval === '1d') return candleStart(t + 30 * 3600, interval);
  if (interval === '1mo') return candleStart(t + 32 * 86_400, interval);
  return t + INTERVAL_SECONDS[interval];
}

/**
 * Which articles a news subscription selects: no filter is the firehose; otherwise an article
 * matching any listed symbol or any listed topic. The server filters with it and the client
 * applies the same rule to what it already holds, so both agree on what a filter shows.
 */
export function matchesNews(
  article: { symbols: readonly string[]; topics: readonly string[] },
  filter: NewsParams,
): boolean {
  const symbols = filter.symbols ?? [];
  const topics = filter.topics ?? [];
  if (symbols.length === 0 && topics.length === 0) return true;
  return (
    article.symbols.some((s) => symbols.includes(s.toUpperCase())) ||
    article.topics.some((t) => topics.includes(t))
  );
}
