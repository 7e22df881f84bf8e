/** Header (account switcher, connection badge, sign-out) and the selected account's page. */
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { OverviewPage } from '../features/overview/overview-page';
import { ConnectionBadge } from '../features/shell/connection-badge';
import { fetchAccounts } from '../lib/auth/token-source';
import { useConnectionState } from '../stores';
import type { Session } from './session';
import { useAccountSocket } from './socket-provider';
import { useAccountSubscriptions } from './use-account-subscriptions';

export function Layout({ session, onSignOut }: { session: Session; onSignOut: () => void }) {
  const socket = useAccountSocket();
  const [params, setParams] = useSearchParams();
  const accounts = useQuery({
    queryKey: ['accounts', session.endpoints.apiBase, session.label],
    queryFn: async () => fetchAccounts(session.endpoints.apiBase, await session.tokens.getToken()),
  });
  const accountId = params.get('account') ?? accounts.data?.[0]?.accountId;
  useAccountSubscriptions(socket, accountId);
  const connection = useConnectionState();

  return (
    <div className="min-h-screen font-sans">
      <header className="flex flex-wrap items-center gap-3 border-b border-border bg-panel px-4 py-2">
        <span className="font-semibold tracking-tight">Aries Trader</span>
        <label className="ml-4 flex items-center gap-2 text-sm text-muted">
          Account
          <select
            value={accountId ?? ''}
            onChange={(e) => setParams({ account: e.target.value })}
            className="rounded border border-border bg-surface px-2 py-1 text-text"
          >
            {accountId && !accounts.data?.some((a) => a.accountId === accountId) && (
              <option value={accountId}>{accountId}</option>
            )}
            {accounts.data?.map((a) => (
              <option key={a.accountId} value={a.accountId}>
                {a.accountId} · {a.accountType}
              </option>
            ))}
          </select>
        </label>
        <div className="ml-auto flex items-center gap-3">
          <ConnectionBadge />
          <span className="text-sm text-muted">{session.label}</span>
          <button
            type="button"
            onClick={onSignOut}
            className="rounded border border-border px-2 py-1 text-sm"
          >
            Sign out
          </button>
        </div>
      </header>
      {connection.status === 'disconnected' && connection.needsSignIn && (
        <p role="alert" className="border-b border-loss bg-panel px-4 py-2 text-loss">
          {connection.reason}.{' '}
          <button type="button" onClick={onSignOut} className="underline">
            Sign in again
          </button>
        </p>
      )}
      <main className="p-4">
        {accounts.error && (
          <p role="alert" className="text-loss">
            {accounts.error.message}
          </p>
        )}
        {accountId && <OverviewPage accountId={accountId} />}
      </main>
    </div>
  );
}
