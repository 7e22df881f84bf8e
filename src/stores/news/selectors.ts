/** Read-only hooks over the news store. */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { NewsArticle } from '../../protocol';
import { newsStore } from './store';

export type NewsFilter = {
  /** Only articles tagged with this symbol (case-insensitive). */
  symbol?: string;
  /** Only articles with this topic. */
  topic?: string;
  /** At most this many (newest first). */
  limit?: number;
};

/** A memoized filter: same input array and filter → same output array. */
export function createNewsSelector(
  filter: NewsFilter,
): (articles: readonly NewsArticle[]) => readonly NewsArticle[] {
  let seen: readonly NewsArticle[] | undefined;
  let out: readonly NewsArticle[] = [];
  const symbol = filter.symbol?.toUpperCase();
  return (articles) => {
    if (articles === seen) return out;
    seen = articles;
    if (!symbol && !filter.topic && filter.limit === undefined) return (out = articles);
    const matched = articles.filter(
      (a) =>
        (!symbol || a.symbols.some((s) => s.toUpperCase() === symbol)) &&
        (!filter.topic || a.topics.includes(filter.topic)),
    );
    out = filter.limit === undefined ? matched : matched.slice(0, filter.limit);
    return out;
  };
}

/** Newest first. */
export function useNews(filter: NewsFilter = {}): readonly NewsArticle[] {
  const { symbol, topic, limit } = filter;
  const select = useMemo(() => {
    const f: NewsFilter = {};
    if (symbol !== undefined) f.symbol = symbol;
    if (topic !== undefined) f.topic = topic;
    if (limit !== undefined) f.limit = limit;
    return createNewsSelector(f);
  }, [symbol, topic, limit]);
  return useStore(newsStore, (s) => select(s.articles));
}

export function useUnreadNewsCount(): number {
  return useStore(newsStore, (s) => s.unread.size);
}

export function useIsNewsUnread(id: string): boolean {
  return useStore(newsStore, (s) => s.unread.has(id));
}
