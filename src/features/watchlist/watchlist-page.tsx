/** Placeholder until the page lands. */
export function WatchlistPage({ accountId }: { accountId: string }) {
  return <h1 className="text-lg font-semibold">Watchlist · {accountId}</h1>;
}
