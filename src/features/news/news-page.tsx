/**
 * The live news feed, newest first. The filter (symbols, topics, or everything) lives in the URL
 * and narrows the server subscription; with no filter the feed follows what the trader holds
 * or watches. Unread articles are marked until focused, clicked or all marked read.
 */
import { useMemo, useState } from 'react';
import { NEWS_TOPICS } from '../../protocol';
import { accountSearch } from '../../lib/url-params';
import { useUrlParams } from '../../lib/use-url-params';
import { useStream } from '../../session/use-stream';
import { EmptyState, StreamGate } from '../../components/ui/stream-gate';
import { Segmented } from '../../components/ui/segmented';
import {
  MAX_TOPIC_FACETS,
  markAllNewsRead,
  NEWS_KEY,
  useNews,
  useNewsLoaded,
  useNewsTopics,
  usePositions,
  useUnreadNewsCount,
  useWatchlists,
} from '../../stores';
import { effectiveNewsFilter, newsViewFromParams, parseSymbols } from './news-params';
import type { NewsScope } from './news-params';
import { NewsItem } from './news-item';

/** The feed keeps 500; the page shows the newest 200 so a burst never builds a huge DOM. */
const SHOWN = 200;

const SCOPE_TEXT: Record<NewsScope, string> = {
  mine: 'Held & watched',
  all: 'All news',
  filtered: 'Filtered',
};

const control = 'rounded border border-border bg-surface px-2 py-1 text-sm';

function useHeldOrWatched(accountId: string): string[] {
  const positions = usePositions(accountId);
  const lists = useWatchlists();
  return useMemo(
    () => [...positions.map((p) => p.underlying ?? p.symbol), ...lists.flatMap((l) => l.symbols)],
    [positions, lists],
  );
}

export function NewsPage({ accountId }: { accountId: string }) {
  const [params, set] = useUrlParams();
  const view = newsViewFromParams(params);
  const heldOrWatched = useHeldOrWatched(accountId);
  const { scope, params: filter } = effectiveNewsFilter(view, heldOrWatched);
  useStream({ topic: 'news', params: filter });
  const articles = useNews(filter);
  const feedTopics = useNewsTopics();
  // The known topics and the chosen ones always; then the feed's, up to the store's bound.
  const topics = useMemo(
    () => [...new Set([...NEWS_TOPICS, ...view.topics, ...feedTopics])].slice(0, MAX_TOPIC_FACETS),
    [feedTopics, view.topics],
  );
  const unread = useUnreadNewsCount();
  const loaded = useNewsLoaded();
  const [symbolDraft, setSymbolDraft] = useState(view.symbols.join(', '));
  const search = accountSearch(accountId);
  const applySymbols = () => set({ symbols: parseSymbols(symbolDraft).join(','), all: undefined });

  return (
    <section aria-labelledby="news-title">
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <h1 id="news-title" className="text-lg font-semibold">
          News
        </h1>
        <Segmented
          label="Scope"
          options={['mine', 'all'] as const}
          value={scope === 'filtered' ? undefined : scope}
          render={(s) => SCOPE_TEXT[s]}
          onChange={(s) => {
            setSymbolDraft('');
            set({ symbols: undefined, topics: undefined, all: s === 'all' ? '1' : undefined });
          }}
        />
        <form
          role="search"
          className="flex items-center gap-1.5 text-sm text-muted"
          onSubmit={(e) => {
            e.preventDefault();
            applySymbols();
          }}
        >
          <label htmlFor="news-symbols">Symbols</label>
          <input
            id="news-symbols"
            value={symbolDraft}
            onChange={(e) => setSymbolDraft(e.target.value)}
            onBlur={applySymbols}
            placeholder="AAPL, NVDA"
            spellCheck={false}
            className={`${control} w-40 font-mono text-text uppercase placeholder:normal-case`}
          />
        </form>
        <span className="ml-auto text-sm text-muted" data-testid="news-unread">
          {unread} unread
        </span>
        <button
          type="button"
          disabled={unread === 0}
          onClick={markAllNewsRead}
          className={`${control} text-text disabled:opacity-50`}
        >
          Mark all read
        </button>
      </div>
      <div role="group" aria-label="Topics" className="mb-3 flex flex-wrap gap-1.5">
        {topics.map((t) => {
          const on = view.topics.includes(t);
          return (
            <button
              key={t}
              type="button"
              aria-pressed={on}
              onClick={() => {
                const next = on ? view.topics.filter((x) => x !== t) : [...view.topics, t];
                set({ topics: next.join(','), all: undefined });
              }}
              className={`rounded-full border px-2.5 py-0.5 text-xs ${on ? 'border-accent bg-accent/20 text-text' : 'border-border text-muted hover:text-text'}`}
            >
              {t}
            </button>
          );
        })}
      </div>
      <p className="mb-2 text-xs text-muted" data-testid="news-scope">
        {scope === 'mine'
          ? `Showing news on what you hold or watch: ${filter.symbols?.join(', ')}`
          : scope === 'all'
            ? 'Showing all news'
            : `Showing ${[filter.symbols?.join(', '), filter.topics?.join(', ')].filter(Boolean).join(' · ')}`}
      </p>
      <StreamGate streamKey={NEWS_KEY} loaded={loaded} what="news">
        {articles.length === 0 ? (
          <EmptyState>
            No news matches this filter yet. New articles appear here as they break.
          </EmptyState>
        ) : (
          <ol aria-label="Articles, newest first" className="space-y-2">
            {articles.slice(0, SHOWN).map((a) => (
              <NewsItem key={a.id} article={a} search={search} />
            ))}
          </ol>
        )}
      </StreamGate>
    </section>
  );
}
