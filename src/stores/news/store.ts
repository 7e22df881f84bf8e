/**
 * The news store. Server data is written only by the dispatcher; read marks are the one
 * write the UI makes (`markAllNewsRead`, `markNewsRead`), since "read" is the trader's act.
 */
import { createTopicStore } from '../topic-store';
import { initialNewsState, markAllRead, markRead } from './apply-news';

const news = createTopicStore(initialNewsState);

export const newsStore = news.store;
export const updateNews = news.update;
export const resetNews = news.reset;

export function markAllNewsRead(): void {
  updateNews(markAllRead);
}

export function markNewsRead(id: string): void {
  updateNews((s) => markRead(s, id));
}
