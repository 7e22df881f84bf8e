/** The running alert feed, so the settings form can re-baseline after a threshold changes. */
import type { AlertFeed } from './alert-feed';

let current: AlertFeed | undefined;

export const setFeed = (feed: AlertFeed | undefined): void => {
  current = feed;
};

export const rebaselineAlerts = (accountId: string): void => current?.rebaseline(accountId);
