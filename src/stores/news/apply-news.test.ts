import { describe, expect, it } from 'vitest';
import { iso, sampleArticle } from '../../testing/store-samples';
import {
  applyNewsArticles,
  applyNewsSnapshot,
  initialNewsState,
  markAllRead,
  MAX_HEADLINE_CHARS,
  MAX_SUMMARY_CHARS,
  MAX_TOPIC_FACETS,
  MAX_TOPICS_PER_ARTICLE,
  markRead,
} from './apply-news';
import { createNewsSelector } from './selectors';

const ids = (s: ReturnType<typeof initialNewsState>) => s.articles.map((a) => a.id);

describe('news', () => {
  it('[STORE-NEWS-1] newest first; a repeated id replaces, never duplicates', () => {
    let s = applyNewsSnapshot(initialNewsState(), [
      sampleArticle('n2', { publishedAt: iso(2000) }),
      sampleArticle('n1', { publishedAt: iso(1000) }),
    ]);
    s = applyNewsArticles(s, [
      sampleArticle('n3', { publishedAt: iso(3000) }),
      sampleArticle('n2', { publishedAt: iso(2000), headline: 'corrected' }),
    ]);
    expect(ids(s)).toEqual(['n3', 'n2', 'n1']);
    expect(s.articles[1]?.headline).toBe('corrected');
  });

  it('[STORE-NEWS-2] bounded to the newest `max`', () => {
    let s = initialNewsState();
    for (let i = 0; i < 20; i++)
      s = applyNewsArticles(s, [sampleArticle(`n${i}`, { publishedAt: iso(i * 1000) })], 5);
    expect(ids(s)).toEqual(['n19', 'n18', 'n17', 'n16', 'n15']);
    expect([...s.unread].sort()).toEqual(['n15', 'n16', 'n17', 'n18', 'n19']); // evicted ids leave unread
  });

  it('[STORE-NEWS-3] unread: live and post-reconnect articles; the first snapshot is history', () => {
    let s = applyNewsSnapshot(initialNewsState(), [sampleArticle('old')]);
    expect(s.unread.size).toBe(0);
    s = applyNewsArticles(s, [sampleArticle('live', { publishedAt: iso(10) })]);
    s = applyNewsSnapshot(s, [
      sampleArticle('gap', { publishedAt: iso(20) }),
      sampleArticle('old'),
    ]);
    expect([...s.unread].sort()).toEqual(['gap', 'live']);
    s = markRead(s, 'gap');
    expect([...s.unread]).toEqual(['live']);
    s = markAllRead(s);
    expect(s.unread.size).toBe(0);
    expect(markAllRead(s)).toBe(s);
  });

  it('[STORE-NEWS-5] a 1 MB article is kept at a bounded size, never splitting a character', () => {
    const huge = sampleArticle('big', {
      headline: 'H'.repeat(MAX_HEADLINE_CHARS - 1) + '😀' + 'x'.repeat(1_000_000),
      summary: 's'.repeat(1_000_000),
    });
    const a = applyNewsArticles(initialNewsState(), [huge]).articles[0]!;
    // The emoji straddled the limit, so the cut drops its first half rather than keep it alone.
    expect(a.headline).toBe('H'.repeat(MAX_HEADLINE_CHARS - 1));
    expect(a.summary).toHaveLength(MAX_SUMMARY_CHARS);
    const small = sampleArticle('small');
    expect(applyNewsArticles(initialNewsState(), [small]).articles[0]).toBe(small);
  });

  it('[STORE-NEWS-6] every shown text is cleaned in the store: headline, summary, source, symbols, topics', () => {
    const zws = String.fromCodePoint(0x200b);
    const rlo = String.fromCodePoint(0x202e);
    const raw = sampleArticle('hidden', {
      headline: `NV${zws}DA beats${rlo}`,
      summary: `up ${String.fromCodePoint(0x2060)}5%`,
      source: `Reu${String.fromCodePoint(0xfeff)}ters`,
      symbols: [`NV${zws}DA`, 'AAPL', `AA${zws}PL`],
      topics: [`earn${rlo}ings`, `${zws}`, 'tech'],
    });
    const a = applyNewsArticles(initialNewsState(), [raw]).articles[0]!;
    expect(a.headline).toBe('NVDA beats');
    expect(a.summary).toBe('up 5%');
    expect(a.source).toBe('Reuters');
    expect(a.symbols).toEqual(['NVDA', 'AAPL']);
    expect(a.topics).toEqual(['earnings', 'tech']);
  });

  it('[STORE-NEWS-7] topics are capped per article and as facets across the feed', () => {
    const many = (id: string, n: number) =>
      sampleArticle(id, { topics: Array.from({ length: n }, (_, i) => `${id}-t${i}`) });
    const state = applyNewsArticles(
      initialNewsState(),
      Array.from({ length: 10 }, (_, i) => many(`a${i}`, 10_000)),
    );
    for (const a of state.articles) expect(a.topics).toHaveLength(MAX_TOPICS_PER_ARTICLE);
    expect(state.topics).toHaveLength(MAX_TOPIC_FACETS);
    expect(new Set(state.topics).size).toBe(MAX_TOPIC_FACETS);
    // Facets that did not change keep their identity, so the page does not re-render for them.
    const next = applyNewsArticles(state, [
      sampleArticle('plain', { topics: [], publishedAt: iso(0) }),
    ]);
    expect(next.topics).toBe(state.topics);
  });

  it('[STORE-NEWS-4] the filter selector is memoized and case-insensitive on symbols', () => {
    const s = applyNewsArticles(initialNewsState(), [
      sampleArticle('a', { symbols: ['AAPL'] }),
      sampleArticle('b', { symbols: ['TSLA'], topics: ['ev'] }),
    ]);
    const select = createNewsSelector({ symbols: ['aapl'] });
    expect(select(s.articles).map((a) => a.id)).toEqual(['a']);
    expect(select(s.articles)).toBe(select(s.articles));
    expect(createNewsSelector({ topics: ['ev'] })(s.articles).map((a) => a.id)).toEqual(['b']);
  });
});
