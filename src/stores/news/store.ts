/**
 * The news store. Server data is written only by the dispatcher; read marks are the one
 * write the UI makes (`markAllNewsRead`, `markNewsRead`), since "read" is the trader's act.
 */
import { createStore } from 'zustand/vanilla';
import type { NewsArticle } from '../../protocol';
import {
  applyNewsArticles,
  applyNewsSnapshot,
  initialNewsState,
  markAllRead,
  markRead,
} from './apply-news';
import type { NewsState } from './apply-news';

export const newsStore = createStore<NewsState>()(() => initialNewsState());

export function updateNews(recipe: (state: NewsState) => NewsState): void {
  const prev = newsStore.getState();
  const next = recipe(prev);
  if (next !== prev) newsStore.setState(next, true);
}

export function setNewsSnapshot(articles: readonly NewsArticle[]): void {
  updateNews((s) => applyNewsSnapshot(s, articles));
}

export function addNewsArticles(articles: readonly NewsArticle[]): void {
  updateNews((s) => applyNewsArticles(s, articles));
}

export function markAllNewsRead(): void {
  updateNews(markAllRead);
}

export function markNewsRead(id: string): void {
  updateNews((s) => markRead(s, id));
}

export function resetNews(): void {
  newsStore.setState(initialNewsState(), true);
}
