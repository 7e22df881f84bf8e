/**
 * The dispatcher: the only writer of the per-topic stores. It receives canonical messages
 * from the AccountSocket (as its `SocketListener`), routes them to per-topic queues and keeps
 * each key's freshness; how a batch of ops changes a store is the store's own fold
 * (`apply<Topic>Ops` in src/stores/<topic>/, built on src/stores/fold.ts).
 *
 * - A subscription's FIRST snapshot is applied at once: the page should not wait a frame
 *   for its initial data. Later snapshots (re-subscribe, reconnect) join the frame queue.
 * - Live updates are queued and applied once per animation frame, one `set` per store
 *   however many events arrived (one write, one render per frame).
 * - A snapshot for a key drops the queued updates of that key received before it (Grafana
 *   Live: the snapshot supersedes them); they describe a state the snapshot already has.
 * - When a flush is expensive the batcher skips frames so work collapses (frame-batcher.ts).
 * - Freshness: `expect()` → loading; snapshot → live; connection down → stale; error for a
 *   key → error. Updates for keys never subscribed are ignored and counted.
 */
import { DEFAULT_PNL_INTERVAL, PNL_INTERVALS } from '../protocol';
import type { DropReason, InboundMessage, PnlInterval, Subscription, Topic } from '../protocol';
import { subscriptionKey, topicKey, updateSubscriptionKey } from '../protocol';
import type { OpOf, OpsByTopic, SnapshotOf, UpdateOf } from '../stores/topic-ops';
import { applyOrderOps } from '../stores/orders/apply-orders';
import { updateOrders } from '../stores/orders/store';
import { applyPositionOps } from '../stores/positions/apply-positions';
import { updatePositions } from '../stores/positions/store';
import { applyBalanceOps } from '../stores/balances/apply-balances';
import { updateBalances } from '../stores/balances/store';
import { applyPnlOps } from '../stores/pnl/apply-pnl';
import { updatePnl } from '../stores/pnl/store';
import { applyWatchlistOps } from '../stores/watchlist/apply-watchlist';
import { updateWatchlists } from '../stores/watchlist/store';
import { applyNewsOps } from '../stores/news/apply-news';
import { updateNews } from '../stores/news/store';
import {
  applyConnectionState,
  countDrops,
  forgetKey,
  markError,
  markFailed,
  markLive,
  markLoading,
  markStale,
  recordError,
  setRtt,
} from '../stores/connection/apply-connection';
import type { ConnectionStoreState } from '../stores/connection/apply-connection';
import { updateConnection } from '../stores/connection/store';
import { createFrameBatcher } from './frame-batcher';
import { LagWatch } from './lag-watch';
import { perfProbe } from './perf-probe';
import type { FrameBatcherStats, Schedule } from './frame-batcher';
import type { ConnectionState, MessageMeta, SocketListener } from './types';

/** Why the dispatcher ignored a valid message; counted in the connection store's `drops`. */
export type IgnoreReason =
  | 'ignored:not-subscribed'
  | 'ignored:old-connection'
  | 'ignored:snapshot-without-key'
  | 'ignored:unsubscribed-without-key';

export type DispatcherOptions = {
  /** Frame scheduler; default requestAnimationFrame (timer fallback), else a 16 ms timer. */
  schedule?: Schedule;
  /** Wall clock for freshness/highlight timestamps (ms epoch). */
  now?: () => number;
  /** Flush cost above which frames are skipped to let work collapse. */
  flushBudgetMs?: number;
};

export type DispatcherStats = FrameBatcherStats & {
  /** Ops waiting for the next frame. */
  queued: number;
};

export type Dispatcher = SocketListener & {
  /** The app subscribed to `sub`: its key is now expected (freshness `loading`). */
  expect(sub: Subscription): void;
  /** The app unsubscribed: forget the key's freshness and drop its queued updates. */
  forget(key: string): void;
  /** A measured ping round trip (ms), for the connection badge. */
  onRtt(rttMs: number): void;
  /** Another tab streams `key` with other params (shared-tab): what this tab holds goes stale. */
  superseded(key: string): void;
  /** Apply everything queued now (tests; also used by dispose). */
  flush(): void;
  /** Stop scheduling; queued work is discarded. */
  dispose(): void;
  stats(): DispatcherStats;
};

type Queues = OpsByTopic;

function without<Q extends { key: string }>(q: Q[], key: string): Q[] {
  return q.some((op) => op.key === key) ? q.filter((op) => op.key !== key) : q;
}

function isInterval(v: unknown): v is PnlInterval {
  return (PNL_INTERVALS as readonly unknown[]).includes(v);
}

export function createDispatcher(opts: DispatcherOptions = {}): Dispatcher {
  const now = opts.now ?? (() => Date.now());
  const queues: Queues = { account: [], pnl: [], watchlist: [], news: [] };
  /** Keys the app subscribed to (expect) or that delivered a snapshot. */
  const known = new Set<string>();
  /** Keys whose first snapshot has been applied. */
  const started = new Set<string>();
  let pendingCounts: Record<string, number> = {};
  let connectionId = -Infinity;
  let disposed = false;
  const lag = new LagWatch(now);

  const batcher = createFrameBatcher({
    flush,
    ...(opts.schedule ? { schedule: opts.schedule } : {}),
    ...(opts.flushBudgetMs !== undefined ? { budgetMs: opts.flushBudgetMs } : {}),
  });

  function count(reason: string): void {
    pendingCounts[reason] = (pendingCounts[reason] ?? 0) + 1;
    batcher.request();
  }

  function queuedCount(): number {
    return queues.account.length + queues.pnl.length + queues.watchlist.length + queues.news.length;
  }

  function dropQueued(key: string): void {
    queues.account = without(queues.account, key);
    queues.pnl = without(queues.pnl, key);
    queues.watchlist = without(queues.watchlist, key);
    queues.news = without(queues.news, key);
  }

  // ---- snapshots -------------------------------------------------------------------------

  function onSnapshot(
    msg: Extract<InboundMessage, { kind: 'subscribed' }>,
    meta: MessageMeta,
  ): void {
    const sub = meta.subscription;
    let key: string;
    const at = now();
    switch (msg.topic) {
      case 'account': {
        const accountId =
          (sub?.topic === 'account' ? sub.params.accountId : undefined) ??
          msg.snapshot.info.accountId;
        key = meta.subscriptionKey ?? topicKey('account', accountId);
        enqueueSnapshot('account', key, { accountId, data: msg.snapshot }, at);
        return;
      }
      case 'pnl': {
        const first = msg.snapshot.candles[0];
        const p = msg.params ?? {};
        const accountId =
          first?.accountId ??
          (sub?.topic === 'pnl' ? sub.params.accountId : undefined) ??
          (typeof p.accountId === 'string' ? p.accountId : undefined);
        if (accountId === undefined) {
          count('ignored:snapshot-without-key');
          return;
        }
        const interval =
          first?.interval ??
          (sub?.topic === 'pnl' ? sub.params.interval : undefined) ??
          (isInterval(p.interval) ? p.interval : DEFAULT_PNL_INTERVAL);
        const since =
          (sub?.topic === 'pnl' ? sub.params.startTime : undefined) ??
          (typeof p.startTime === 'string' ? p.startTime : undefined);
        key = meta.subscriptionKey ?? topicKey('pnl', accountId);
        enqueueSnapshot(
          'pnl',
          key,
          { accountId, interval, since, candles: msg.snapshot.candles },
          at,
        );
        return;
      }
      case 'watchlist':
        enqueueSnapshot('watchlist', meta.subscriptionKey ?? 'watchlist', msg.snapshot, at);
        return;
      case 'news':
        enqueueSnapshot('news', meta.subscriptionKey ?? 'news', msg.snapshot, at);
        return;
    }
  }

  function enqueueSnapshot<T extends Topic>(
    topic: T,
    key: string,
    snapshot: SnapshotOf[T],
    at: number,
  ): void {
    known.add(key);
    dropQueued(key); // [DISP-SNAP-SUPERSEDE] queued updates of this key are older than it
    const op: OpOf<T> = { key, kind: 'snapshot', snapshot, at };
    if (!started.has(key)) {
      // [DISP-FIRST-SNAP] The first snapshot of a key does not wait for a frame.
      started.add(key);
      applyOps(topic, [op]);
      updateConnection((c) => markLive(c, key, at));
      return;
    }
    queues[topic].push(op);
    batcher.request();
  }

  // ---- updates ---------------------------------------------------------------------------

  function onUpdate(msg: Extract<InboundMessage, { kind: 'update' }>, serverTime?: number): void {
    const key = updateSubscriptionKey(msg);
    switch (msg.topic) {
      case 'account':
        enqueueUpdate('account', key, msg.update, serverTime);
        return;
      case 'pnl':
        enqueueUpdate('pnl', key, msg.update.candle, serverTime);
        return;
      case 'watchlist':
        enqueueUpdate('watchlist', key, msg.update, serverTime);
        return;
      case 'news':
        enqueueUpdate('news', key, msg.update.article, serverTime);
        return;
    }
  }

  function enqueueUpdate<T extends Topic>(
    topic: T,
    key: string,
    update: UpdateOf[T],
    serverTime: number | undefined,
  ): void {
    if (!known.has(key)) {
      count('ignored:not-subscribed');
      return;
    }
    queues[topic].push(
      serverTime === undefined
        ? { key, kind: 'update', update }
        : { key, kind: 'update', update, serverTime },
    );
    const probe = perfProbe();
    probe?.received?.(topic, serverTime);
    if (probe?.naive) flush();
    else batcher.request();
  }

  // ---- applying (one store write per store per call; the folds live in the stores) -------

  function applyOps<T extends Topic>(topic: T, ops: OpOf<T>[]): void {
    if (ops.length === 0) return;
    switch (topic) {
      case 'account': {
        const account = ops as OpsByTopic['account'];
        updateOrders((s) => applyOrderOps(s, account));
        updatePositions((s) => applyPositionOps(s, account));
        updateBalances((s) => applyBalanceOps(s, account));
        return;
      }
      case 'pnl':
        updatePnl((s) => applyPnlOps(s, ops as OpsByTopic['pnl']));
        return;
      case 'watchlist': {
        const t = now();
        updateWatchlists((s) => applyWatchlistOps(s, ops as OpsByTopic['watchlist'], t));
        return;
      }
      case 'news':
        updateNews((s) => applyNewsOps(s, ops as OpsByTopic['news']));
        return;
    }
  }

  function flush(): void {
    if (disposed) return;
    const q = { ...queues };
    queues.account = [];
    queues.pnl = [];
    queues.watchlist = [];
    queues.news = [];
    const liveKeys: { key: string; at: number }[] = [];
    const probe = perfProbe();
    const t0 = probe?.flushed ? performance.now() : 0;
    const painted: Array<number | undefined> = [];
    for (const topic of Object.keys(q) as Topic[]) {
      const ops = q[topic];
      const first = painted.length;
      for (const op of ops) {
        if (op.kind === 'snapshot') liveKeys.push({ key: op.key, at: op.at });
        else painted.push(op.serverTime);
      }
      applyOps(topic, ops);
      if (probe?.applied && ops.length > 0) probe.applied(topic, painted.slice(first));
    }
    if (probe?.flushed) probe.flushed(performance.now() - t0);
    if (painted.length > 0) lag.painted(painted);
    const counts = pendingCounts;
    pendingCounts = {};
    if (liveKeys.length > 0 || Object.keys(counts).length > 0) {
      updateConnection((state) => {
        let s: ConnectionStoreState = countDrops(state, counts);
        for (const { key, at } of liveKeys) s = markLive(s, key, at);
        return s;
      });
    }
  }

  function forget(key: string): void {
    if (disposed) return;
    known.delete(key);
    started.delete(key);
    dropQueued(key);
    updateConnection((s) => forgetKey(s, key));
  }

  // ---- the SocketListener ----------------------------------------------------------------

  return {
    onState(state: ConnectionState): void {
      if (disposed) return;
      updateConnection((s) => applyConnectionState(s, state));
    },

    onMessage(message: InboundMessage, meta: MessageMeta): void {
      if (disposed) return;
      // [DISP-OLD-CONN] Stragglers of a replaced socket are ignored, not raced.
      if (meta.connectionId < connectionId) {
        count('ignored:old-connection');
        return;
      }
      connectionId = meta.connectionId;
      if (meta.serverTime !== undefined) lag.observe(meta.serverTime, meta.receivedAt);
      switch (message.kind) {
        case 'subscribed':
          onSnapshot(message, meta);
          return;
        case 'update':
          onUpdate(message, meta.serverTime);
          return;
        case 'unsubscribed': {
          const key =
            meta.subscriptionKey ??
            (message.topic === 'watchlist' || message.topic === 'news' ? message.topic : undefined);
          if (key === undefined) count('ignored:unsubscribed-without-key');
          else forget(key);
          return;
        }
        case 'error': {
          const at = now();
          const key = meta.subscriptionKey;
          updateConnection((s) => {
            const withError = recordError(s, {
              at,
              code: message.code,
              message: message.message,
              ...(key !== undefined ? { key } : {}),
            });
            // [DISP-ERR] A refused subscription shows its error where its data would be.
            return key !== undefined
              ? markError(withError, key, message.code, message.message, at)
              : withError;
          });
          return;
        }
        case 'unreadable': {
          const key = meta.subscriptionKey;
          if (key === undefined) return;
          const at = now();
          updateConnection((s) => markFailed(s, key, message.detail, at));
          return;
        }
        default:
          // pong / auth traffic is the socket's business.
          return;
      }
    },

    onDrop(reason: DropReason, _detail: string): void {
      if (disposed) return;
      count(reason);
    },

    expect(sub: Subscription): void {
      if (disposed) return;
      const key = subscriptionKey(sub);
      known.add(key);
      updateConnection((s) => markLoading(s, key, now()));
    },

    forget,

    onRtt(rttMs: number): void {
      if (disposed) return;
      updateConnection((s) => setRtt(s, rttMs));
    },

    superseded(key: string): void {
      if (disposed) return;
      updateConnection((s) => markStale(s, key, now()));
    },

    flush(): void {
      batcher.flushNow();
    },

    dispose(): void {
      disposed = true;
      batcher.dispose();
      lag.dispose();
      queues.account = [];
      queues.pnl = [];
      queues.watchlist = [];
      queues.news = [];
    },

    stats(): DispatcherStats {
      return { ...batcher.stats(), queued: queuedCount() };
    },
  };
}
