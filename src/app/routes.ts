/** The dashboard's pages: one place for paths, nav labels and the code-split page modules. */
import { lazy, type ComponentType } from 'react';
import { OverviewPage } from '../features/overview/overview-page';

export type PageProps = { accountId: string };

export type PageRoute = {
  path: string;
  label: string;
  /** The second key of its "go to" shortcut: g then this key. */
  key: string;
  Page: ComponentType<PageProps>;
};

// Every page but the overview loads on first visit, so the chart library and the virtualised
// blotter stay out of the initial bundle.
const page = <K extends string>(
  load: () => Promise<Record<K, ComponentType<PageProps>>>,
  name: K,
): ComponentType<PageProps> =>
  lazy(async () => {
    const Page: ComponentType<PageProps> = (await load())[name];
    return { default: Page };
  });

export const PAGE_ROUTES: readonly PageRoute[] = [
  { path: '/', label: 'Overview', key: 'h', Page: OverviewPage },
  {
    path: '/orders',
    label: 'Orders',
    key: 'o',
    Page: page(() => import('../features/orders/orders-page'), 'OrdersPage'),
  },
  {
    path: '/positions',
    label: 'Positions',
    key: 'p',
    Page: page(() => import('../features/positions/positions-page'), 'PositionsPage'),
  },
  {
    path: '/balances',
    label: 'Balances',
    key: 'b',
    Page: page(() => import('../features/balances/balances-page'), 'BalancesPage'),
  },
  {
    path: '/pnl',
    label: 'P&L',
    key: 'l',
    Page: page(() => import('../features/pnl/pnl-page'), 'PnlPage'),
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
  },
];
