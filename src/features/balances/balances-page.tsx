/** Placeholder until the page lands. */
export function BalancesPage({ accountId }: { accountId: string }) {
  return <h1 className="text-lg font-semibold">Balances · {accountId}</h1>;
}
