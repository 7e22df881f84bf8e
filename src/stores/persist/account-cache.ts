/**
 * The account cache of one signed-in session: on start, paint the last known state from
 * IndexedDB (hydrate.ts); while running, keep it up to date off the hot path.
 *
 * Writes are throttled: a store change marks the cache dirty and schedules at most one write
 * per `throttleMs` (2 s), however many thousand events a second the blotter takes; the page
 * going hidden or away (`visibilitychange` hidden, `pagehide`) writes at once. Only server
 * data is written: keys that are live (as of now) or stale (as of when the link dropped),
 * never a cached key (it would pass old data off as newer).
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { topicKey, type AccountInfo, type Order } from '../../protocol';
import { balancesStore } from '../balances/store';
import { connectionStore } from '../connection/store';
import type { OrdersState } from '../orders/apply-orders';
import { ordersStore } from '../orders/store';
import { pnlStore } from '../pnl/store';
import { positionsStore } from '../positions/store';
import { deleteCacheDb, openCacheDb, type CacheDb } from './cache-db';
import { accountOrders, buildAccountRecord, type AccountCacheRecord } from './cache-record';
import { hydrateFromCache } from './hydrate';

export const WRITE_THROTTLE_MS = 2_000;

export type AccountCacheOptions = {
  identity: string;
  throttleMs?: number;
  now?: () => number;
  dbName?: string;
  /** Where `pagehide` / `visibilitychange` come from; default the page. */
  page?: { win: EventTarget; doc: EventTarget & { visibilityState: string } };
  /** Told each time records are handed to IndexedDB (tests; diagnostics). */
  onWrite?: (records: readonly AccountCacheRecord[]) => void;
};

export type AccountCache = {
  /** Resolves once cached records (if any) are painted; never rejects. */
  ready: Promise<void>;
  /** Write now if anything changed (tests; pagehide). */
  flush(): Promise<void>;
  /** Remember the accounts list the switcher shows, for the next start. */
  rememberAccounts(accounts: readonly AccountInfo[]): void;
  stop(): void;
};

/** The accounts list the cache remembered, for the shell's switcher. */
type CacheInfo = { accounts: readonly AccountInfo[] | undefined };
const cacheInfoStore = createStore<CacheInfo>()(() => ({ accounts: undefined }));

/** The accounts list remembered from the last visit (placeholder until the API answers). */
export function useCachedAccounts(): readonly AccountInfo[] | undefined {
  return useStore(cacheInfoStore, (s) => s.accounts);
}

let warned = false;
function warnOnce(err: unknown): void {
  if (warned) return;
  warned = true;
  // The cache is a convenience: without IndexedDB (private mode, quota) the app still works.
  console.warn('account cache unavailable:', err instanceof Error ? err.message : err);
}

/**
 * Records of every account whose data came from the server (live now, or stale since). The
 * capped orders are reused while the orders state is unchanged (a candle or balance tick does
 * not rescan 100,000 orders).
 */
function recordsToWrite(
  identity: string,
  now: number,
  memo: Map<string, { state: OrdersState; orders: Order[] }>,
): AccountCacheRecord[] {
  const states = {
    orders: ordersStore.getState(),
    positions: positionsStore.getState(),
    balances: balancesStore.getState(),
    pnl: pnlStore.getState(),
  };
  const freshness = connectionStore.getState().freshness;
  const asOfFor = (key: string): number | undefined => {
    const f = freshness.get(key);
    if (f?.status === 'live') return now;
    if (f?.status === 'stale') return f.since;
    return undefined;
  };
  const out: AccountCacheRecord[] = [];
  for (const key of freshness.keys()) {
    if (!key.startsWith('account:')) continue;
    const asOf = asOfFor(key);
    if (asOf === undefined) continue;
    const accountId = key.slice('account:'.length);
    const pnlKey = topicKey('pnl', accountId);
    const withPnl = asOfFor(pnlKey) !== undefined ? pnlKey : undefined;
    let cut = memo.get(accountId);
    if (cut?.state !== states.orders) {
      cut = { state: states.orders, orders: accountOrders(states.orders, accountId) };
      memo.set(accountId, cut);
    }
    out.push(buildAccountRecord(states, identity, accountId, withPnl, asOf, cut.orders));
  }
  return out;
}

/** The running session's cache, for the shell's accounts list. */
let active: AccountCache | undefined;

/** Remember the accounts list the API returned (no-op without a running cache). */
export function rememberAccounts(accounts: readonly AccountInfo[]): void {
  active?.rememberAccounts(accounts);
}

export function startAccountCache(opts: AccountCacheOptions): AccountCache {
  cacheInfoStore.setState({ accounts: undefined });
  const now = opts.now ?? (() => Date.now());
  const throttleMs = opts.throttleMs ?? WRITE_THROTTLE_MS;
  const page =
    opts.page ?? (typeof window !== 'undefined' ? { win: window, doc: document } : undefined);
  let stopped = false;
  let dirty = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastWriteAt = -Infinity;
  let writing: Promise<void> = Promise.resolve();
  const ordersMemo = new Map<string, { state: OrdersState; orders: Order[] }>();

  const dbp: Promise<CacheDb | undefined> = openCacheDb(opts.identity, opts.dbName).catch(
    (err: unknown) => {
      warnOnce(err);
      return undefined;
    },
  );

  const ready = dbp
    .then((db) => db?.load())
    .then((state) => {
      if (stopped || !state) return;
      hydrateFromCache(state.records, now());
      if (state.accounts) cacheInfoStore.setState({ accounts: state.accounts });
    })
    .catch(warnOnce);

  function write(): Promise<void> {
    timer = undefined;
    if (stopped || !dirty) return writing;
    dirty = false;
    lastWriteAt = now();
    const records = recordsToWrite(opts.identity, lastWriteAt, ordersMemo);
    opts.onWrite?.(records);
    // Writes are chained so an older one can never land after a newer one.
    writing = writing
      .then(() => dbp)
      .then((db) => (stopped ? undefined : db?.put(records)))
      .catch(warnOnce);
    return writing;
  }

  function schedule(): void {
    dirty = true;
    if (timer !== undefined || stopped) return;
    timer = setTimeout(whenIdle, Math.max(0, lastWriteAt + throttleMs - now()));
  }

  // Building a record scans the account's orders (~tens of ms at 100,000): do it between
  // frames, not in one, unless the page stays busy for a second.
  function whenIdle(): void {
    if (typeof requestIdleCallback === 'function') {
      requestIdleCallback(() => void write(), { timeout: 1_000 });
    } else void write();
  }

  function flushNow(): Promise<void> {
    if (timer !== undefined) clearTimeout(timer);
    return write();
  }

  const onHidden = () => {
    if (page?.doc.visibilityState === 'hidden') void flushNow();
  };
  const onPageHide = () => void flushNow();
  page?.doc.addEventListener('visibilitychange', onHidden);
  page?.win.addEventListener('pagehide', onPageHide);

  // Hydration's own store writes schedule a write too; it finds no server data and writes none.
  const unsubscribe = [ordersStore, positionsStore, balancesStore, pnlStore].map((store) =>
    (store as { subscribe(cb: () => void): () => void }).subscribe(schedule),
  );
  // A key turning live (snapshot) or stale (drop) changes what is written, not only the data.
  let lastFreshness = connectionStore.getState().freshness;
  unsubscribe.push(
    connectionStore.subscribe((s) => {
      if (s.freshness === lastFreshness) return;
      lastFreshness = s.freshness;
      schedule();
    }),
  );

  const cache: AccountCache = {
    ready,
    flush: flushNow,
    rememberAccounts(accounts) {
      cacheInfoStore.setState({ accounts });
      void dbp.then((db) => (stopped ? undefined : db?.putAccounts(accounts))).catch(warnOnce);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      for (const u of unsubscribe) u();
      page?.doc.removeEventListener('visibilitychange', onHidden);
      page?.win.removeEventListener('pagehide', onPageHide);
      if (active === cache) active = undefined;
      void writing.then(() => dbp).then((db) => db?.close());
    },
  };
  active = cache;
  return cache;
}

/**
 * Explicit sign-out: forget the remembered accounts and delete the database. Any session's
 * cache must be stopped first or in the same task (its open connection closes itself).
 */
export async function clearAccountCache(dbName?: string): Promise<void> {
  cacheInfoStore.setState({ accounts: undefined });
  try {
    await deleteCacheDb(dbName);
  } catch (err) {
    warnOnce(err);
  }
}
