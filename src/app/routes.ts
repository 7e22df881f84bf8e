/** The dashboard's pages: one place for paths, nav labels and the code-split page modules. */
import { lazy, type ComponentType } from 'react';
import { OverviewPage } from '../features/overview/overview-page';

export type PageProps = { accountId: string };
/** A page's view of every account at once (`?account=all`). */
export type AllAccountsPageProps = { accountIds: readonly string[] };

export type PageRoute = {
  path: string;
  label: string;
  /** The second key of its "go to" shortcut: g then this key. */
  key: string;
  Page: ComponentType<PageProps>;
  /** The page with every account at once; a page without one shows one account at a time. */
  AllPage?: ComponentType<AllAccountsPageProps>;
};

// Every page but the overview loads on first visit, so the chart library and the virtualised
// blotter stay out of the initial bundle.
const lazyNamed = <P extends object, K extends string>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
): ComponentType<P> =>
  lazy(async () => {
    const Page: ComponentType<P> = (await load())[name];
    return { default: Page };
  });
const page = <K extends string>(
  load: () => Promise<Record<K, ComponentType<PageProps>>>,
  name: K,
) => lazyNamed<PageProps, K>(load, name);
const allPage = <K extends string>(
  load: () => Promise<Record<K, ComponentType<AllAccountsPageProps>>>,
  name: K,
) => lazyNamed<AllAccountsPageProps, K>(load, name);

export const PAGE_ROUTES: readonly PageRoute[] = [
  {
    path: '/',
    label: 'Overview',
    key: 'h',
    Page: OverviewPage,
    AllPage: allPage(
      () => import('../features/overview/all-accounts-overview'),
      'AllAccountsOverview',
    ),
  },
  {
    path: '/orders',
    label: 'Orders',
    key: 'o',
    Page: page(() => import('../features/orders/orders-page'), 'OrdersPage'),
    AllPage: allPage(() => import('../features/orders/all-orders-page'), 'AllOrdersPage'),
  },
  {
    path: '/positions',
    label: 'Positions',
    key: 'p',
    Page: page(() => import('../features/positions/positions-page'), 'PositionsPage'),
    AllPage: allPage(() => import('../features/positions/all-positions-page'), 'AllPositionsPage'),
  },
  {
    path: '/balances',
    label: 'Balances',
    key: 'b',
    Page: page(() => import('../features/balances/balances-page'), 'BalancesPage'),
    AllPage: allPage(() => import('../features/balances/all-balances-page'), 'AllBalancesPage'),
  },
  {
    path: '/pnl',
    label: 'P&L',
    key: 'l',
    Page: page(() => import('../features/pnl/pnl-page'), 'PnlPage'),
    AllPage: allPage(() => import('../features/pnl/all-pnl-page'), 'AllPnlPage'),
  },
  {
    path: '/performance',
    label: 'Performance',
    key: 'f',
    Page: page(() => import('../features/performance/performance-page'), 'PerformancePage'),
  },
  {
    path: '/watchlist',
    label: 'Watchlist',
    key: 'w',
    Page: page(() => import('../features/watchlist/watchlist-page'), 'WatchlistPage'),
  },
  {
    path: '/news',
    label: 'News',
    key: 'n',
    Page: page(() => import('../features/news/news-page'), 'NewsPage'),
  },
  {
    path: '/diagnostics',
    label: 'Diagnostics',
    key: 'd',
    Page: page(() => import('../features/diagnostics/diagnostics-page'), 'DiagnosticsPage'),
    AllPage: allPage(() => import('../features/diagnostics/diagnostics-page'), 'DiagnosticsPage'),
  },
];
