/**
 * Page state that lives in the query string (filters, sort), so every view can be bookmarked
 * and shared. Unknown or hostile values fall back to defaults rather than throwing.
 */
export type SortDir = 'asc' | 'desc';
export type Sort<C extends string> = { by: C; dir: SortDir };

export const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  list.find((x) => x === v);

/** Writes changes into the params, keeping the rest (including `account`); '' or undefined removes. */
export function withParams(
  params: URLSearchParams,
  changes: Readonly<Record<string, string | undefined>>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, value);
  }
  return next;
}

/** `?sort=&dir=` read against the columns a table offers. */
export function sortFromParams<C extends string>(
  params: URLSearchParams,
  columns: readonly C[],
  fallback: Sort<C>,
): Sort<C> {
  return {
    by: oneOf(columns, params.get('sort')) ?? fallback.by,
    dir: oneOf(['asc', 'desc'] as const, params.get('dir')) ?? fallback.dir,
  };
}

/** Clicking a header: the same column flips; a new one starts A→Z for text, largest first otherwise. */
export function nextSort<C extends string>(
  current: Sort<C> | undefined,
  by: C,
  textual: (column: C) => boolean,
): Sort<C> {
  if (current?.by === by) return { by, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { by, dir: textual(by) ? 'asc' : 'desc' };
}

/** The params that write `sort` into the URL. */
export const sortParams = <C extends string>(sort: Sort<C>) => ({ sort: sort.by, dir: sort.dir });

/** `?account=A-10001`: the one param every page link carries. */
export const accountSearch = (accountId: string): string =>
  `?account=${encodeURIComponent(accountId)}`;

/** `?account=all`: every account of the user at once, on the same socket. */
export const ALL_ACCOUNTS = 'all';
