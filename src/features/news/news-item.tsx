/**
 * One article, rendered strictly as text: headline and summary are cleaned of bidi overrides
 * and control characters and clamped; the source link exists only for http(s) URLs and opens
 * in a new tab without giving that page a handle on ours.
 */
import { memo } from 'react';
import { Link } from 'react-router';
import type { NewsArticle } from '../../protocol';
import { cleanText, safeHttpUrl } from '../../lib/safe-text';
import { formatClock, formatDateTime, sameDay } from '../../lib/time';
import { useDisplayZone } from '../../lib/display-zone';
import { markNewsRead, useIsNewsUnread } from '../../stores';

const HEADLINE_MAX = 300;
const SUMMARY_MAX = 2_000;

export const NewsItem = memo(function NewsItem({
  article,
  search,
}: {
  article: NewsArticle;
  /** `?account=…` to keep on symbol links. */
  search: string;
}) {
  const unread = useIsNewsUnread(article.id);
  const zone = useDisplayZone();
  const published = Date.parse(article.publishedAt);
  const href = safeHttpUrl(article.url);
  const headingId = `news-${article.id}`;
  return (
    <li>
      <article
        aria-labelledby={headingId}
        data-news-id={article.id}
        data-unread={unread || undefined}
        // Reading is the trader's act: focusing or clicking into an article marks it read.
        onFocus={() => unread && markNewsRead(article.id)}
        onClick={() => unread && markNewsRead(article.id)}
        className={`rounded border bg-panel px-3 py-2 ${unread ? 'border-accent/60' : 'border-border'}`}
      >
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted">
          {unread && (
            <span className="rounded bg-accent/20 px-1.5 font-semibold text-accent">New</span>
          )}
          <time dateTime={article.publishedAt} title={formatDateTime(published, zone)}>
            {sameDay(published, Date.now(), zone)
              ? formatClock(published, zone)
              : formatDateTime(published, zone)}
          </time>
          <span>· {cleanText(article.source, 80)}</span>
          {article.symbols.slice(0, 10).map((s) => (
            <Link
              key={s}
              to={`/news${search}&symbols=${encodeURIComponent(s)}`}
              className="rounded border border-border px-1 font-mono text-text hover:border-accent"
            >
              {cleanText(s, 32)}
            </Link>
          ))}
          {article.topics.slice(0, 10).map((t) => (
            <span key={t} className="rounded bg-border/60 px-1">
              {cleanText(t, 32)}
            </span>
          ))}
          {href && (
            <a
              href={href}
              target="_blank"
              rel="noopener noreferrer"
              className="ml-auto text-accent hover:underline"
            >
              Read
              <span className="sr-only">
                {' '}
                at {cleanText(article.source, 80)} (opens in a new tab)
              </span>{' '}
              ↗
            </a>
          )}
        </div>
        <h2 id={headingId} className="mt-0.5 font-semibold break-words">
          {cleanText(article.headline, HEADLINE_MAX)}
        </h2>
        {article.summary && (
          <p className="line-clamp-2 text-sm break-words text-muted">
            {cleanText(article.summary, SUMMARY_MAX)}
          </p>
        )}
      </article>
    </li>
  );
});
