/** Seeded headlines about held and watched symbols; bounded so a long session keeps its memory. */
import { matchesNews, NEWS_TOPICS } from '../../src/protocol';
import type { NewsArticle, NewsParams, NewsTopic } from '../../src/protocol';
import type { Rng } from './rng';

const MAX_ARTICLES = 1_000;
const TEMPLATES: Record<NewsTopic, string[]> = {
  earnings: [
    '{s} beats quarterly estimates on strong demand',
    '{s} guides next quarter below consensus',
  ],
  analyst: ['Analyst upgrades {s} to Buy, raises target', '{s} downgraded on valuation concerns'],
  macro: ['Treasury yields move as {s} trades in focus', 'Fed minutes weigh on {s} and peers'],
  product: [
    '{s} unveils new product line at developer event',
    '{s} expands capacity for next-gen chips',
  ],
  regulatory: [
    'Regulators open review of {s} practices',
    '{s} settles long-running patent dispute',
  ],
  'm&a': ['{s} in talks to acquire smaller rival', 'Report: {s} explores sale of unit'],
};

export class NewsDesk {
  private readonly articles: NewsArticle[] = [];
  private nextId = 1;

  constructor(
    private readonly rng: Rng,
    private readonly now: () => number,
  ) {}

  generate(symbols: readonly string[]): NewsArticle {
    const symbol = this.rng.pick(symbols);
    const topic = this.rng.pick(NEWS_TOPICS);
    const headline = this.rng.pick(TEMPLATES[topic]).replace('{s}', symbol);
    return this.publish({
      headline,
      symbols: [symbol],
      topics: [topic],
      summary: `${headline}. Shares of ${symbol} are in focus.`,
    });
  }

  publish(partial: Partial<NewsArticle> & { headline: string }): NewsArticle {
    const id = partial.id ?? `N-${String(this.nextId++).padStart(6, '0')}`;
    const article: NewsArticle = {
      id,
      headline: partial.headline,
      summary: partial.summary ?? '',
      source: partial.source ?? 'Aries Newswire',
      url: partial.url ?? `https://news.example.com/articles/${encodeURIComponent(id)}`,
      symbols: (partial.symbols ?? []).map((s) => s.toUpperCase()),
      topics: partial.topics ?? [],
      publishedAt: partial.publishedAt ?? new Date(this.now()).toISOString(),
    };
    this.articles.unshift(article);
    if (this.articles.length > MAX_ARTICLES) this.articles.length = MAX_ARTICLES;
    return article;
  }

  latest(filter: NewsParams, limit: number): NewsArticle[] {
    return this.articles.filter((a) => matchesNews(a, filter)).slice(0, limit);
  }
}
