/** The dashboard's pages: one place for paths, nav labels and the code-split page modules. */
import { lazy, type ComponentType } from 'react';
import { OverviewPage } from '../features/overview/overview-page';

export type PageProps = { accountId: string };

export type PageRoute = {
  path: string;
  label: string;
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
  { path: '/', label: 'Overview', Page: OverviewPage },
  {
    path: '/orders',
    label: 'Orders',
    Page: page(() => import('../features/orders/orders-page'), 'OrdersPage'),
  },
  {
    path: '/positions',
    label: 'Positions',
    Page: page(() => import('../features/positions/positions-page'), 'PositionsPage'),
  },
  {
    path: '/balances',
    label: 'Balances',
    Page: page(() => import('../features/balances/balances-page'), 'BalancesPage'),
  },
  {
    path: '/pnl',
    label: 'P&L',
    Page: page(() => import('../features/pnl/pnl-page'), 'PnlPage'),
  },
  {
    path: '/performance',
    label: 'Performance',
    Page: page(() => import('../features/performance/performance-page'), 'PerformancePage'),
  },
  {
    path: '/watchlist',
    label: 'Watchlist',
    Page: page(() => import('../features/watchlist/watchlist-page'), 'WatchlistPage'),
  },
  {
    path: '/news',
    label: 'News',
    Page: page(() => import('../features/news/news-page'), 'NewsPage'),
  },
  {
    path: '/diagnostics',
    label: 'Diagnostics',
    Page: page(() => import('../features/diagnostics/diagnostics-page'), 'DiagnosticsPage'),
  },
];
