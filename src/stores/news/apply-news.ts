/**
 * Pure reducers for the news feed: newest first (publishedAt), deduplicated by id, bounded.
 * Unread = articles that arrived after the first snapshot and were not yet marked read: the
 * first snapshot is history; a later snapshot (after a reconnect) brings articles missed
 * during the gap, and those are new to the trader.
 */
import type { NewsArticle, SnapshotByTopic } from '../../protocol';
import { foldOps } from '../fold';
import type { Fold } from '../fold';
import type { NewsOp } from '../topic-ops';
import { stripUnsafe } from '../../lib/safe-text';

export const MAX_ARTICLES = 500;
/** Topics kept per article, and distinct topics offered as filters: a page of buttons, not 10,000. */
export const MAX_TOPICS_PER_ARTICLE = 10;
export const MAX_TOPIC_FACETS = 50;
const MAX_TERM_CHARS = 64;
const MAX_SOURCE_CHARS = 200;

export type NewsState = Readonly<{
  articles: readonly NewsArticle[];
  /** Distinct topics of the kept articles, newest article first, at most MAX_TOPIC_FACETS. */
  topics: readonly string[];
  unread: ReadonlySet<string>;
  /** A snapshot has been applied at least once. */
  loaded: boolean;
}>;

export function initialNewsState(): NewsState {
  return { articles: [], topics: [], unread: new Set(), loaded: false };
}

const publishedMs = new WeakMap<NewsArticle, number>();
function timeOf(a: NewsArticle): number {
  let ms = publishedMs.get(a);
  if (ms === undefined) {
    ms = Date.parse(a.publishedAt);
    publishedMs.set(a, Number.isNaN(ms) ? 0 : ms);
  }
  return ms;
}

/** What the feed keeps of an article's text; the page shows less (src/lib/safe-text.ts). */
export const MAX_HEADLINE_CHARS = 1_000;
export const MAX_SUMMARY_CHARS = 20_000;

/** Cuts `text` to `max` UTF-16 units without leaving half a surrogate pair. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/** Cleaned, clipped, non-empty and distinct terms, at most `max` of them. */
function terms(list: readonly string[], max: number): string[] {
  const out = new Set<string>();
  for (const t of list) {
    if (out.size >= max) break;
    const clean = clip(stripUnsafe(t), MAX_TERM_CHARS).trim();
    if (clean) out.add(clean);
  }
  return [...out];
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Every text the feed shows, cleaned once here (src/lib/safe-text.ts) so pages, filters and
 * facets never see an invisible or direction-changing character; and bounded, so a 1 MB
 * article or one with 10,000 topics costs what a normal one does.
 */
export function cleanArticle(a: NewsArticle): NewsArticle {
  const headline = clip(stripUnsafe(a.headline), MAX_HEADLINE_CHARS);
  const summary = clip(stripUnsafe(a.summary), MAX_SUMMARY_CHARS);
  const source = clip(stripUnsafe(a.source), MAX_SOURCE_CHARS);
  const symbols = terms(a.symbols, Infinity);
  const topics = terms(a.topics, MAX_TOPICS_PER_ARTICLE);
  if (
    headline === a.headline &&
    summary === a.summary &&
    source === a.source &&
    sameList(symbols, a.symbols) &&
    sameList(topics, a.topics)
  ) {
    return a;
  }
  return { ...a, headline, summary, source, symbols, topics };
}

function topicFacets(articles: readonly NewsArticle[]): string[] {
  const out = new Set<string>();
  for (const a of articles) {
    for (const t of a.topics) {
      if (out.size >= MAX_TOPIC_FACETS) return [...out];
      out.add(t);
    }
  }
  return [...out];
}

function merge(
  state: NewsState,
  incoming: readonly NewsArticle[],
  markUnread: boolean,
  max: number,
): NewsState {
  const byId = new Map<string, NewsArticle>();
  for (const a of state.articles) byId.set(a.id, a);
  const unread = new Set(state.unread);
  for (const raw of incoming) {
    const a = cleanArticle(raw);
    if (markUnread && !byId.has(a.id)) unread.add(a.id);
    byId.set(a.id, a); // a repeated id replaces (a corrected headline), never duplicates
  }
  // Stable sort: equal times keep their previous relative order.
  const articles = [...byId.values()].sort((a, b) => timeOf(b) - timeOf(a)).slice(0, max);
  if (unread.size > 0) {
    const kept = new Set(articles.map((a) => a.id));
    for (const id of unread) if (!kept.has(id)) unread.delete(id);
  }
  const facets = topicFacets(articles);
  const topics = sameList(facets, state.topics) ? state.topics : facets;
  return { articles, topics, unread, loaded: true };
}

/** [STORE-NEWS-SNAP] Merge the snapshot; after the first one, unseen ids count as unread. */
export function applyNewsSnapshot(
  state: NewsState,
  articles: readonly NewsArticle[],
  max = MAX_ARTICLES,
): NewsState {
  return merge(state, articles, state.loaded, max);
}

/** [STORE-NEWS-UPD] Live articles: dedupe by id, newest first, bounded; new ids are unread. */
export function applyNewsArticles(
  state: NewsState,
  articles: readonly NewsArticle[],
  max = MAX_ARTICLES,
): NewsState {
  if (articles.length === 0) return state;
  return merge(state, articles, true, max);
}

export function markAllRead(state: NewsState): NewsState {
  return state.unread.size === 0 ? state : { ...state, unread: new Set() };
}

export function markRead(state: NewsState, id: string): NewsState {
  if (!state.unread.has(id)) return state;
  const unread = new Set(state.unread);
  unread.delete(id);
  return { ...state, unread };
}

const newsFold: Fold<NewsState, SnapshotByTopic['news'], NewsArticle, NewsArticle> = {
  pick: (a) => a,
  events: applyNewsArticles,
  snapshot: (s, snap) => applyNewsSnapshot(s, snap.articles),
};

/** A frame's news ops (fold.ts). */
export function applyNewsOps(state: NewsState, ops: readonly NewsOp[]): NewsState {
  return foldOps(state, ops, newsFold);
}
