/** Placeholder until the page lands. */
export function OrdersPage({ accountId }: { accountId: string }) {
  return <h1 className="text-lg font-semibold">Orders · {accountId}</h1>;
}
