/** Empty every store: on sign-out (another user must not see this one's data) and in tests. */
import { resetBalances } from './balances/store';
import { resetConnection } from './connection/store';
import { resetLag } from './connection/lag-store';
import { resetNews } from './news/store';
import { resetOrders } from './orders/store';
import { resetPnl } from './pnl/store';
import { resetPositions } from './positions/store';
import { resetWatchlists } from './watchlist/store';

export function resetAllStores(): void {
  resetOrders();
  resetPositions();
  resetBalances();
  resetPnl();
  resetWatchlists();
  resetNews();
  resetConnection();
  resetLag();
}
