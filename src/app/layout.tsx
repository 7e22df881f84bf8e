/**
 * The shell: header (account switcher, navigation, connection badge, theme, sign-out), session
 * banners, and the routed page for the account in `?account=` (so every view deep-links);
 * `?account=all` streams every account of the user and routes to each page's combined view.
 */
import { useQuery } from '@tanstack/react-query';
import { Suspense, useEffect, useMemo } from 'react';
import { NavLink, Route, Routes, useSearchParams } from 'react-router';
import { accountSearch, ALL_ACCOUNTS } from '../lib/url-params';
import { ConnectionBadge } from './shell/connection-badge';
import { SessionBanners } from './shell/session-banners';
import { ReplayBanner } from '../features/diagnostics/replay-banner';
import { ThemeToggle } from './shell/theme-toggle';
import { TimeZoneToggle } from './shell/time-zone-toggle';
import { AlertsMenu } from '../features/alerts/alerts-menu';
import { AlertToasts } from '../features/alerts/alert-toasts';
import { fetchAccounts } from '../lib/auth/token-source';
import { AccountInfoSchema, type AccountInfo, type AccountsListing } from '../protocol';
import { AccountIdPrompt } from '../features/auth/account-id-prompt';
import { useUnreadNewsCount } from '../stores';
import { rememberAccounts, useCachedAccounts } from '../stores/persist/account-cache';
import { PAGE_ROUTES } from './routes';
import type { Session } from '../session/session';
import { useAccountSubscriptions, useAllAccountSubscriptions } from './use-account-subscriptions';
import { AccountStatusChips } from '../components/ui/account-status-chips';
import { KeyboardLayer } from './keyboard/keyboard-layer';

const isAccountInfo = (a: unknown): a is AccountInfo => AccountInfoSchema.safeParse(a).success;

export function Layout({ session, onSignOut }: { session: Session; onSignOut: () => void }) {
  const [params, setParams] = useSearchParams();
  const cachedAccounts = useCachedAccounts();
  const accounts = useQuery({
    queryKey: ['accounts', session.endpoints.apiBase, session.label],
    queryFn: async (): Promise<AccountsListing> =>
      session.replay
        ? { accounts: session.replay.accounts, choices: [] }
        : fetchAccounts(session.endpoints.apiBase, await session.tokens.getToken()),
    // The list remembered from the last visit, so a reload paints the cached account at once.
    placeholderData:
      !session.replay && cachedAccounts
        ? { accounts: [...cachedAccounts], choices: [] }
        : undefined,
  });
  useEffect(() => {
    // Only whole account records are cached (a REST record may lack the socket's fields).
    if (accounts.data && !accounts.isPlaceholderData)
      rememberAccounts(accounts.data.accounts.filter(isAccountInfo));
  }, [accounts.data, accounts.isPlaceholderData]);
  const listed = accounts.data?.accounts;
  const selected = params.get('account') ?? session.accountId ?? listed?.[0]?.accountId;
  const all = selected === ALL_ACCOUNTS;
  const allIds = useMemo(() => (all ? (listed ?? []).map((a) => a.accountId) : []), [all, listed]);
  // One account's id, or undefined with every account selected.
  const accountId = all ? undefined : selected;
  useAccountSubscriptions(accountId);
  useAllAccountSubscriptions(allIds);
  const unread = useUnreadNewsCount();
  const search = selected ? accountSearch(selected) : '';

  return (
    <div className="min-h-screen font-sans">
      <a
        href="#main"
        className="sr-only rounded bg-accent px-2 py-1 text-surface focus:not-sr-only focus:absolute focus:top-1 focus:left-1"
      >
        Skip to content
      </a>
      <header className="flex flex-wrap items-center gap-x-2 gap-y-2 border-b border-border bg-panel px-4 py-2">
        <span className="font-semibold tracking-tight">Aries Trader</span>
        <label className="flex items-center gap-2 text-sm text-muted">
          {/* Named for screen readers always; shown where the header has room for it. */}
          <span className="sr-only 2xl:not-sr-only">Account</span>
          <select
            value={selected ?? ''}
            onChange={(e) => setParams({ account: e.target.value })}
            className="rounded border border-border bg-surface px-2 py-1 text-text"
          >
            {accountId && !listed?.some((a) => a.accountId === accountId) && (
              <option value={accountId}>{accountId}</option>
            )}
            {listed?.map((a) => (
              <option key={a.accountId} value={a.accountId}>
                {a.accountType ? `${a.accountId} · ${a.accountType}` : a.accountId}
              </option>
            ))}
            {(all || (listed?.length ?? 0) > 1) && (
              <option value={ALL_ACCOUNTS}>All accounts</option>
            )}
          </select>
        </label>
        <nav aria-label="Pages" className="flex flex-wrap gap-0.5 text-sm">
          {PAGE_ROUTES.map((r) => (
            <NavLink
              key={r.path}
              to={{ pathname: r.path, search }}
              end
              className={({ isActive }) =>
                `rounded px-1 py-1 ${isActive ? 'bg-surface font-semibold text-text' : 'text-muted hover:text-text'}`
              }
            >
              {r.label}
              {r.path === '/news' && unread > 0 && (
                <span className="num ml-1 rounded-full bg-accent px-1.5 text-xs text-surface">
                  <span className="sr-only">, unread: </span>
                  {unread > 99 ? '99+' : unread}
                </span>
              )}
            </NavLink>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-1.5">
          <ConnectionBadge replay={!!session.replay} />
          {accountId && <AlertsMenu accountId={accountId} />}
          <TimeZoneToggle />
          <ThemeToggle />
          {/* Below 1536 px the user is named in the button's tooltip, so the header stays one line. */}
          <span className="sr-only text-sm text-muted 2xl:not-sr-only">{session.label}</span>
          <button
            type="button"
            onClick={onSignOut}
            title={`Signed in as ${session.label}`}
            className="rounded border border-border px-2 py-1 text-sm"
          >
            Sign out
          </button>
        </div>
      </header>
      {session.replay && <ReplayBanner replay={session.replay} onExit={onSignOut} />}
      <SessionBanners onSignIn={onSignOut} />
      <main id="main" className="p-4">
        {accounts.error && (
          <p role="alert" className="text-loss">
            Could not load your accounts: {accounts.error.message}
          </p>
        )}
        {!selected && accounts.data && !accounts.isPlaceholderData && (
          <AccountIdPrompt
            choices={accounts.data.choices}
            onChoose={(id) => setParams({ account: id })}
          />
        )}
        {all && <AllAccountsRoutes accountIds={allIds} search={search} />}
        {accountId && (
          <Suspense
            fallback={
              <p className="animate-pulse text-muted" aria-busy="true">
                Loading page…
              </p>
            }
          >
            <Routes>
              {PAGE_ROUTES.map(({ path, Page }) => (
                <Route key={path} path={path} element={<Page accountId={accountId} />} />
              ))}
              <Route path="*" element={<PageNotFound search={search} />} />
            </Routes>
          </Suspense>
        )}
      </main>
      <AlertToasts />
      <KeyboardLayer
        accountId={selected}
        accounts={[
          ...(listed ?? []).map((a) => ({
            accountId: a.accountId,
            label: a.accountType ? `${a.accountId} · ${a.accountType}` : a.accountId,
          })),
          ...((listed?.length ?? 0) > 1
            ? [{ accountId: ALL_ACCOUNTS, label: 'All accounts' }]
            : []),
        ]}
      />
    </div>
  );
}

/** Every account at once: each account's own status, then the page's combined view. */
function AllAccountsRoutes({
  accountIds,
  search,
}: {
  accountIds: readonly string[];
  search: string;
}) {
  const loading = (
    <p className="animate-pulse text-muted" aria-busy="true">
      Loading page…
    </p>
  );
  if (accountIds.length === 0) return loading;
  return (
    <>
      <div className="mb-3">
        <AccountStatusChips accountIds={accountIds} />
      </div>
      <Suspense fallback={loading}>
        <Routes>
          {PAGE_ROUTES.map(({ path, label, AllPage }) => (
            <Route
              key={path}
              path={path}
              element={
                AllPage ? (
                  <AllPage accountIds={accountIds} />
                ) : (
                  <OneAccountAtATime label={label} path={path} accountIds={accountIds} />
                )
              }
            />
          ))}
          <Route path="*" element={<PageNotFound search={search} />} />
        </Routes>
      </Suspense>
    </>
  );
}

/** A page that shows one account at a time: say so, and offer each account's view of it. */
function OneAccountAtATime({
  label,
  path,
  accountIds,
}: {
  label: string;
  path: string;
  accountIds: readonly string[];
}) {
  return (
    <section aria-labelledby="one-account-title">
      <h1 id="one-account-title" className="mb-2 text-lg font-semibold">
        {label}
      </h1>
      <p className="mb-3 text-muted">{label} shows one account at a time. Open it for:</p>
      <ul className="flex flex-wrap gap-2">
        {accountIds.map((id) => (
          <li key={id}>
            <NavLink
              to={{ pathname: path, search: accountSearch(id) }}
              className="rounded border border-border px-2 py-1 font-mono text-sm text-accent"
            >
              {id}
            </NavLink>
          </li>
        ))}
      </ul>
    </section>
  );
}

function PageNotFound({ search }: { search: string }) {
  return (
    <div>
      <h1 className="text-lg font-semibold">Page not found</h1>
      <NavLink to={{ pathname: '/', search }} className="text-accent underline">
        Back to the overview
      </NavLink>
    </div>
  );
}
