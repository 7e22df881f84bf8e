/** Placeholder until the page lands. */
export function PnlPage({ accountId }: { accountId: string }) {
  return <h1 className="text-lg font-semibold">Pnl · {accountId}</h1>;
}
