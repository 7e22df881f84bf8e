/**
 * The blotter's columns, once: header, sort key, alignment, the cell's text for CSV. The table
 * renders richer cells (progress bar, colours) but reads the same list, so the CSV export and
 * the screen can never disagree on what a column is.
 */
import { orderStatusLabel } from '../../protocol';
import type { Order } from '../../protocol';
import type { OrderSortColumn } from '../../stores';

export type OrderColumn = {
  id: OrderSortColumn;
  header: string;
  numeric: boolean;
  /** Raw, unformatted value for CSV (decimals as sent, times as RFC3339). */
  csv: (o: Order) => string;
};

export const ORDER_COLUMNS: readonly OrderColumn[] = [
  { id: 'createdAt', header: 'Time', numeric: false, csv: (o) => o.createdAt },
  { id: 'symbol', header: 'Symbol', numeric: false, csv: (o) => o.symbol },
  { id: 'side', header: 'Side', numeric: false, csv: (o) => o.side },
  { id: 'type', header: 'Type', numeric: false, csv: (o) => o.type },
  { id: 'timeInForce', header: 'TIF', numeric: false, csv: (o) => o.timeInForce },
  { id: 'qty', header: 'Qty', numeric: true, csv: (o) => o.qty },
  { id: 'cumQty', header: 'Filled', numeric: true, csv: (o) => o.cumQty },
  { id: 'leavesQty', header: 'Leaves', numeric: true, csv: (o) => o.leavesQty },
  {
    id: 'price',
    header: 'Limit / stop',
    numeric: true,
    csv: (o) => [o.price, o.stopPrice].filter(Boolean).join(' / '),
  },
  { id: 'avgPrice', header: 'Avg fill', numeric: true, csv: (o) => o.avgPrice ?? '' },
  { id: 'status', header: 'Status', numeric: false, csv: (o) => orderStatusLabel(o) },
  { id: 'updatedAt', header: 'Updated', numeric: false, csv: (o) => o.updatedAt },
];
