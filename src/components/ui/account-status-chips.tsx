/**
 * One small chip per account with that account's own freshness, for the views that show every
 * account at once: one account stale or refused never makes the others look so.
 */
import { accountKey, useTopicFreshness } from '../../stores';
import type { TopicFreshness } from '../../stores';

const TONE: Record<TopicFreshness['status'], string> = {
  idle: 'border-border text-muted',
  loading: 'border-border text-muted',
  cached: 'border-warn text-warn',
  live: 'border-gain text-gain',
  stale: 'border-warn text-warn',
  failed: 'border-warn text-warn',
  error: 'border-loss text-loss',
};

/** The chip's words: short, and the error's code when the server refused the account. */
export function freshnessLabel(f: TopicFreshness): string {
  switch (f.status) {
    case 'idle':
    case 'loading':
      return 'Loading';
    case 'live':
      return 'Live';
    case 'stale':
      return 'Stale';
    case 'cached':
      return 'Last known';
    case 'failed':
      return 'Unreadable';
    case 'error':
      return f.code;
  }
}

export function AccountStatusChip({ accountId }: { accountId: string }) {
  const f = useTopicFreshness(accountKey(accountId));
  return (
    <span
      data-testid={`account-status-${accountId}`}
      data-status={f.status}
      title={f.status === 'error' ? `${f.code}: ${f.message}` : undefined}
      className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs ${TONE[f.status]}`}
    >
      <span className="font-mono">{accountId}</span>
      <span aria-hidden>·</span>
      {freshnessLabel(f)}
    </span>
  );
}

/** Every account's chip, then the error of each account the server refused. */
export function AccountStatusChips({ accountIds }: { accountIds: readonly string[] }) {
  return (
    <div className="space-y-2">
      <ul aria-label="Account status" className="flex flex-wrap gap-1.5">
        {accountIds.map((id) => (
          <li key={id}>
            <AccountStatusChip accountId={id} />
          </li>
        ))}
      </ul>
      {accountIds.map((id) => (
        <AccountError key={id} accountId={id} />
      ))}
    </div>
  );
}

/** An account the server refused: said in words, beside the others that stay live. */
export function AccountError({ accountId }: { accountId: string }) {
  const f = useTopicFreshness(accountKey(accountId));
  if (f.status !== 'error') return null;
  return (
    <p role="alert" className="rounded border border-loss px-3 py-2 text-sm text-loss">
      {f.code === 'ACCESS_DENIED'
        ? `You don't have access to account ${accountId}.`
        : `Could not load account ${accountId}: ${f.code} — ${f.message}`}{' '}
      The other accounts stay live.
    </p>
  );
}
