/** Placeholder until the page lands. */
export function PositionsPage({ accountId }: { accountId: string }) {
  return <h1 className="text-lg font-semibold">Positions · {accountId}</h1>;
}
