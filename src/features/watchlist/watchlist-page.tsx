/**
 * The user's watchlists, live: symbols added or removed anywhere (another device, another tab)
 * appear here with a brief highlight. Each symbol shows what the account holds and has working
 * in it, and links to its orders, position and news. The protocol has no quote stream, so
 * "last" is the held position's last price.
 */
import { useId, useMemo } from 'react';
import { Link } from 'react-router';
import type { Position, Watchlist } from '../../protocol';
import { formatPrice, formatQty } from '../../lib/format';
import { accountSearch } from '../../lib/url-params';
import { Money } from '../../components/ui/money';
import { EmptyState, StreamGate } from '../../components/ui/stream-gate';
import { useFlashWhenRecent } from '../../components/ui/use-flash-on-change';
import {
  getOrder,
  useOrderIds,
  usePositions,
  useTopicFreshness,
  useWatchlists,
  useWatchlistSymbolChangedAt,
  WATCHLIST_KEY,
} from '../../stores';

const NUMERIC_HEADERS = ['Held', 'Last', 'Unrealized', 'Working'] as const;

function SymbolRow({
  list,
  symbol,
  held,
  working,
  accountId,
}: {
  list: Watchlist;
  symbol: string;
  held: Position | undefined;
  working: number;
  accountId: string;
}) {
  const changedAt = useWatchlistSymbolChangedAt(list.id, symbol);
  const ref = useFlashWhenRecent<HTMLTableRowElement>(changedAt);
  const search = accountSearch(accountId);
  const s = encodeURIComponent(symbol);
  return (
    <tr ref={ref} className="border-b border-border/50" data-symbol={symbol}>
      <th scope="row" className="px-2 py-1 text-left font-mono font-semibold">
        {symbol}
      </th>
      <td className="num px-2">{held ? formatQty(held.qty, { signed: true }) : '—'}</td>
      <td className="num px-2">{held ? formatPrice(held.lastPrice) : '—'}</td>
      <td className="num px-2">{held ? <Money value={held.unrealizedPnL} pnl /> : '—'}</td>
      <td className="num px-2">{working || '—'}</td>
      <td className="px-2 text-right text-xs whitespace-nowrap">
        <Link
          className="text-accent hover:underline"
          to={`/orders${search}&status=all&symbol=${s}`}
        >
          Orders<span className="sr-only"> in {symbol}</span>
        </Link>
        {' · '}
        <Link className="text-accent hover:underline" to={`/positions${search}`}>
          Position<span className="sr-only"> in {symbol}</span>
        </Link>
        {' · '}
        <Link className="text-accent hover:underline" to={`/news${search}&symbols=${s}`}>
          News<span className="sr-only"> on {symbol}</span>
        </Link>
      </td>
    </tr>
  );
}

function ListTable({
  list,
  held,
  working,
  accountId,
}: {
  list: Watchlist;
  held: ReadonlyMap<string, Position>;
  working: ReadonlyMap<string, number>;
  accountId: string;
}) {
  // The list's own id may be any string; the heading's DOM id must not depend on it.
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      className="self-start rounded border border-border bg-panel"
      data-watchlist={list.name}
    >
      <h2 id={headingId} className="border-b border-border px-3 py-2 text-sm font-semibold">
        {list.name}{' '}
        <span className="font-normal text-muted">
          · {list.symbols.length} {list.symbols.length === 1 ? 'symbol' : 'symbols'}
        </span>
      </h2>
      {list.symbols.length === 0 ? (
        <p className="p-3 text-sm text-muted">No symbols in this list.</p>
      ) : (
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">Watchlist {list.name}</caption>
          <thead className="text-xs text-muted">
            <tr>
              <th scope="col" className="px-2 py-1.5 text-left font-medium">
                Symbol
              </th>
              {NUMERIC_HEADERS.map((h) => (
                <th key={h} scope="col" className="px-2 text-right font-medium">
                  {h}
                </th>
              ))}
              <th scope="col" className="px-2 text-right font-medium">
                <span className="sr-only">Links</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.symbols.map((symbol) => (
              <SymbolRow
                key={symbol}
                list={list}
                symbol={symbol}
                held={held.get(symbol)}
                working={working.get(symbol) ?? 0}
                accountId={accountId}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function WatchlistPage({ accountId }: { accountId: string }) {
  const lists = useWatchlists();
  const positions = usePositions(accountId);
  // Stocks only: an option position is not "holding AAPL" for a watchlist row.
  const held = useMemo(
    () => new Map(positions.filter((p) => p.securityType === 'EQUITY').map((p) => [p.symbol, p])),
    [positions],
  );
  const openIds = useOrderIds({ accountId, statusGroup: 'open' });
  const working = useMemo(() => {
    const bySymbol = new Map<string, number>();
    for (const id of openIds) {
      const symbol = getOrder(id)?.symbol;
      if (symbol) bySymbol.set(symbol, (bySymbol.get(symbol) ?? 0) + 1);
    }
    return bySymbol;
  }, [openIds]);
  const freshness = useTopicFreshness(WATCHLIST_KEY);
  const loaded =
    freshness.status === 'live' ||
    freshness.status === 'stale' ||
    (freshness.status === 'failed' && freshness.hadData);
  return (
    <section aria-labelledby="watchlist-title">
      <h1 id="watchlist-title" className="mb-3 text-lg font-semibold">
        Watchlists
      </h1>
      <StreamGate streamKey={WATCHLIST_KEY} loaded={loaded} what="watchlists">
        {lists.length === 0 ? (
          <EmptyState>You have no watchlists yet.</EmptyState>
        ) : (
          <div className="grid gap-4 lg:grid-cols-2">
            {lists.map((list) => (
              <ListTable
                key={list.id}
                list={list}
                held={held}
                working={working}
                accountId={accountId}
              />
            ))}
          </div>
        )}
      </StreamGate>
    </section>
  );
}
