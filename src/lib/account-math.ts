/**
 * Account figures derived from a balance, shared by the overview's risk panel and the alert
 * engine so both read the same number the same way. Decimal strings in, decimal strings out.
 */
import type { Balance } from '../protocol';
import { add, percent, sign, sub } from './decimal';
import type { Decimal } from './decimal';

/** Today's P&L against the start-of-day equity the server reports (cash + positions at open). */
export const dayPnl = (b: Balance): Decimal =>
  sub(b.totalEquity, add(b.startOfDayCash, b.sodPositionsMarketValue));

/**
 * Maintenance requirement as a share of equity, in percent (100 or more = margin call).
 * Undefined when equity is zero or negative: the ratio is meaningless there (a negative
 * equity would even read as a negative use), and callers must treat it as beyond any limit.
 * `scale`: decimal places kept (2 to show; more to compare against a limit without rounding
 * 50.004% down to "not above 50%").
 */
export function marginUse(b: Balance, scale = 2): Decimal | undefined {
  if (sign(b.totalEquity) <= 0) return undefined;
  return percent(b.maintReq, b.totalEquity, scale);
}
