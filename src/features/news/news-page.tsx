/** Placeholder until the page lands. */
export function NewsPage({ accountId }: { accountId: string }) {
  return <h1 className="text-lg font-semibold">News · {accountId}</h1>;
}
