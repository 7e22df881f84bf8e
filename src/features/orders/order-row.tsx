/** One blotter row, subscribed to its own order so a fill re-renders this row only. */
import { memo } from 'react';
import { formatPrice, formatQty } from '../../lib/format';
import { formatDateTime, formatTime, type DisplayZone } from '../../lib/time';
import { useDisplayZone } from '../../lib/display-zone';
import { isBuySide, SIDE_LABEL } from '../../lib/order-side';
import { orderStatusLabel } from '../../protocol';
import type { Order, OrderLeg } from '../../protocol';
import { useOrder } from '../../stores';
import { useFlashOnChange } from '../../components/ui/use-flash-on-change';

export const ROW_HEIGHT = 32;
export const LEG_ROW_HEIGHT = 26;

const STATUS_TONE: Partial<Record<Order['ordStatus'], string>> = {
  FILLED: 'text-gain',
  PARTIALLY_FILLED: 'text-accent',
  REJECTED: 'text-loss',
  CANCELED: 'text-muted',
  EXPIRED: 'text-muted',
};

function FillCell({ order }: { order: Order }) {
  const qty = Number(order.qty);
  // Width only: the bar is drawn from floats, the text beside it is the exact decimal.
  const ratio = qty > 0 ? Math.min(1, Number(order.cumQty) / qty) : 0;
  return (
    <td className="num px-2">
      <div className="flex items-center justify-end gap-2">
        <span>{formatQty(order.cumQty)}</span>
        <span aria-hidden className="inline-block h-1.5 w-12 overflow-hidden rounded bg-border">
          <span
            className={`block h-full ${ratio >= 1 ? 'bg-gain' : 'bg-accent'}`}
            style={{ width: `${ratio * 100}%` }}
          />
        </span>
      </div>
    </td>
  );
}

function PriceCell({ order }: { order: Order }) {
  if (order.price === undefined && order.stopPrice === undefined) {
    return <td className="num px-2 text-muted">MKT</td>;
  }
  return (
    <td className="num px-2">
      {order.price !== undefined && formatPrice(order.price)}
      {order.price !== undefined && order.stopPrice !== undefined && ' / '}
      {order.stopPrice !== undefined && (
        <span title="Stop price">
          <span className="text-muted">stop </span>
          {formatPrice(order.stopPrice)}
        </span>
      )}
    </td>
  );
}

// Memoised: a new order at the top re-renders the list, not every unchanged row's cells.
export const OrderRow = memo(function OrderRow({
  ordId,
  rowIndex,
  expanded,
  onToggle,
  withAccount = false,
}: {
  ordId: string;
  /** 1-based position among all rows of the table (for aria-rowindex). */
  rowIndex: number;
  expanded: boolean;
  onToggle: (ordId: string) => void;
  /** The combined blotter: whose order it is, first. */
  withAccount?: boolean;
}) {
  const order = useOrder(ordId);
  const zone = useDisplayZone();
  const ref = useFlashOnChange<HTMLTableRowElement>(order);
  if (!order) return null;
  return (
    <>
      <tr
        ref={ref}
        aria-rowindex={rowIndex}
        data-ordid={ordId}
        className="border-b border-border/40 hover:bg-panel"
        style={{ height: ROW_HEIGHT }}
      >
        {withAccount && <td className="px-2 font-mono text-xs">{order.accountId}</td>}
        <OrderCells order={order} zone={zone} expanded={expanded} onToggle={onToggle} />
      </tr>
      {expanded &&
        order.legs.map((leg, i) => (
          <LegRow key={i} leg={leg} parentIndex={rowIndex} n={i} withAccount={withAccount} />
        ))}
    </>
  );
});

/**
 * A row's cells, apart from the row: when a new order arrives at the top every row below moves
 * down one place, which changes each row's aria-rowindex and nothing else; the cells (twelve,
 * with their number formatting) render again only when the order itself changed.
 */
const OrderCells = memo(function OrderCells({
  order,
  zone,
  expanded,
  onToggle,
}: {
  order: Order;
  zone: DisplayZone;
  expanded: boolean;
  onToggle: (ordId: string) => void;
}) {
  const hasLegs = order.legs.length > 0;
  return (
    <>
      <td className="num px-2 text-muted" title={formatDateTime(order.createdAt, zone)}>
        {formatTime(order.createdAt, zone)}
      </td>
      <th scope="row" className="px-2 text-left font-mono font-normal whitespace-pre">
        {hasLegs ? (
          <button
            type="button"
            aria-expanded={expanded}
            aria-label={`${order.symbol}: ${expanded ? 'hide' : 'show'} ${order.legs.length} legs`}
            onClick={() => onToggle(order.ordId)}
            className="rounded px-0.5 hover:text-accent"
          >
            <span aria-hidden>{expanded ? '▾' : '▸'} </span>
            {order.symbol}
          </button>
        ) : (
          order.symbol
        )}
      </th>
      <td
        className={`truncate px-2 font-semibold ${isBuySide(order.side) ? 'text-gain' : 'text-loss'}`}
        title={order.side}
      >
        {SIDE_LABEL[order.side]}
      </td>
      <td className="truncate px-2">{order.type.replace('_', ' ')}</td>
      <td className="px-2">{order.timeInForce}</td>
      <td className="num px-2">{formatQty(order.qty)}</td>
      <FillCell order={order} />
      <td className="num px-2">{formatQty(order.leavesQty)}</td>
      <PriceCell order={order} />
      <td className="num px-2">{formatPrice(order.avgPrice)}</td>
      <td
        className={`max-w-64 truncate px-2 ${STATUS_TONE[order.ordStatus] ?? ''}`}
        title={order.text}
      >
        {orderStatusLabel(order)}
      </td>
      <td className="num px-2 text-muted" title={formatDateTime(order.updatedAt, zone)}>
        {formatTime(order.updatedAt, zone)}
      </td>
    </>
  );
});

function LegRow({
  leg,
  parentIndex,
  n,
  withAccount,
}: {
  leg: OrderLeg;
  parentIndex: number;
  n: number;
  withAccount: boolean;
}) {
  return (
    <tr
      className="border-b border-border/20 bg-panel/60 text-xs text-muted"
      style={{ height: LEG_ROW_HEIGHT }}
      aria-label={`Leg ${n + 1} of row ${parentIndex}`}
    >
      <td colSpan={withAccount ? 2 : 1} />
      <td colSpan={11} className="px-2 font-mono whitespace-pre">
        ↳ <span className={leg.side === 'BUY' ? 'text-gain' : 'text-loss'}>{leg.side}</span>{' '}
        {formatQty(leg.ratioQty)} × {leg.symbol} · {leg.maturity} {formatPrice(leg.strikePrice)}{' '}
        {leg.putCall} · {leg.positionEffect === 'OPEN' ? 'to open' : 'to close'}
      </td>
    </tr>
  );
}
