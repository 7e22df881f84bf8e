/** Read-only hooks over the news store. */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { matchesNews } from '../../protocol';
import type { NewsArticle, NewsParams } from '../../protocol';
import { newsStore } from './store';

export type NewsFilter = NewsParams & {
  /** At most this many (newest first). */
  limit?: number;
};

/**
 * A memoized filter (same rule as the server's, `matchesNews`): same input array → same output
 * array, so components re-render only when the feed changes.
 */
export function createNewsSelector(
  filter: NewsFilter,
): (articles: readonly NewsArticle[]) => readonly NewsArticle[] {
  let seen: readonly NewsArticle[] | undefined;
  let out: readonly NewsArticle[] = [];
  const params: NewsParams = {};
  if (filter.symbols?.length) params.symbols = filter.symbols.map((s) => s.toUpperCase());
  if (filter.topics?.length) params.topics = [...filter.topics];
  const unfiltered = !params.symbols && !params.topics;
  return (articles) => {
    if (articles === seen) return out;
    seen = articles;
    if (unfiltered && filter.limit === undefined) return (out = articles);
    const matched = unfiltered ? articles : articles.filter((a) => matchesNews(a, params));
    out = filter.limit === undefined ? matched : matched.slice(0, filter.limit);
    return out;
  };
}

/** Newest first. */
export function useNews(filter: NewsFilter = {}): readonly NewsArticle[] {
  // Keyed by value so callers may pass fresh arrays each render.
  const key = JSON.stringify([filter.symbols ?? [], filter.topics ?? [], filter.limit ?? null]);
  const select = useMemo(() => {
    const [symbols, topics, limit] = JSON.parse(key) as [string[], string[], number | null];
    return createNewsSelector(limit === null ? { symbols, topics } : { symbols, topics, limit });
  }, [key]);
  return useStore(newsStore, (s) => select(s.articles));
}

/** Distinct topics of the feed (bounded by the store), to offer as filters. */
export function useNewsTopics(): readonly string[] {
  return useStore(newsStore, (s) => s.topics);
}

/** True once the first news snapshot has been applied. */
export function useNewsLoaded(): boolean {
  return useStore(newsStore, (s) => s.loaded);
}

export function useUnreadNewsCount(): number {
  return useStore(newsStore, (s) => s.unread.size);
}

export function useIsNewsUnread(id: string): boolean {
  return useStore(newsStore, (s) => s.unread.has(id));
}
