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
  /** Fixed width: the table uses fixed layout, so a changed cell never re-lays out the table. */
  width: string;
  /** Raw, unformatted value for CSV (decimals as sent, times as RFC3339). */
  csv: (o: Order) => string;
  /** A clock time: its header names the zone it is shown in. */
  clock?: true;
};

/** The combined blotter's first column: whose order it is. */
export const ACCOUNT_COLUMN: OrderColumn = {
  id: 'accountId',
  header: 'Account',
  numeric: false,
  width: '5.25rem',
  csv: (o) => o.accountId,
};

export const ORDER_COLUMNS: readonly OrderColumn[] = [
  {
    id: 'createdAt',
    header: 'Time',
    numeric: false,
    // Room for the zone's name in the header ("Time GMT+1").
    width: '7rem',
    csv: (o) => o.createdAt,
    clock: true,
  },
  { id: 'symbol', header: 'Symbol', numeric: false, width: '7rem', csv: (o) => o.symbol },
  { id: 'side', header: 'Side', numeric: false, width: '6.75rem', csv: (o) => o.side },
  { id: 'type', header: 'Type', numeric: false, width: '6.25rem', csv: (o) => o.type },
  { id: 'timeInForce', header: 'TIF', numeric: false, width: '3.5rem', csv: (o) => o.timeInForce },
  { id: 'qty', header: 'Qty', numeric: true, width: '4.5rem', csv: (o) => o.qty },
  { id: 'cumQty', header: 'Filled', numeric: true, width: '6.25rem', csv: (o) => o.cumQty },
  { id: 'leavesQty', header: 'Leaves', numeric: true, width: '4.5rem', csv: (o) => o.leavesQty },
  {
    id: 'price',
    header: 'Limit / stop',
    numeric: true,
    width: '7rem',
    csv: (o) => [o.price, o.stopPrice].filter(Boolean).join(' / '),
  },
  {
    id: 'avgPrice',
    header: 'Avg fill',
    numeric: true,
    width: '5rem',
    csv: (o) => o.avgPrice ?? '',
  },
  {
    id: 'status',
    header: 'Status',
    numeric: false,
    width: 'auto',
    csv: (o) => orderStatusLabel(o),
  },
  {
    id: 'updatedAt',
    header: 'Updated',
    numeric: false,
    width: '7rem',
    csv: (o) => o.updatedAt,
    clock: true,
  },
];

/** The columns of a blotter of one account, or of every account (with whose order it is). */
export const blotterColumns = (withAccount: boolean): readonly OrderColumn[] =>
  withAccount ? [ACCOUNT_COLUMN, ...ORDER_COLUMNS] : ORDER_COLUMNS;
