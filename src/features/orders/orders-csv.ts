/** The current blotter view as CSV (RFC 4180), safe to open in a spreadsheet. */
import type { Order } from '../../protocol';
import { blotterColumns } from './order-columns';

/**
 * Quotes when needed, and defuses cells a spreadsheet would run as a formula (a symbol or a
 * rejection reason is text from the wire; "=HYPERLINK(…)" must stay text).
 */
export function csvCell(value: string): string {
  const defused =
    /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(defused) ? `"${defused.replace(/"/g, '""')}"` : defused;
}

/** `withAccount`: the combined blotter's CSV, with the account as its first column. */
export function ordersToCsv(orders: Iterable<Order>, withAccount = false): string {
  const columns = blotterColumns(withAccount);
  const header = [...columns.map((c) => c.header), 'Order ID', 'Legs'];
  const lines = [header.map(csvCell).join(',')];
  for (const o of orders) {
    const legs = o.legs
      .map((l) => `${l.side} ${l.ratioQty} ${l.symbol} ${l.positionEffect}`)
      .join('; ');
    lines.push([...columns.map((c) => c.csv(o)), o.ordId, legs].map(csvCell).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
