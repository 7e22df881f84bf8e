/**
 * The alert engine, pure: (what an order was, what it is now) → fill / rejection / expiration
 * alerts, and (armed state, balance, thresholds) → threshold alerts, once per crossing.
 *
 * Once per crossing: a threshold alerts when its value crosses it while armed, then disarms.
 * It re-arms only when the value comes back past the threshold by a small band (hysteresis),
 * so a value hovering at the line (buying power ticking around $100,000.00 on every quote)
 * does not alert on every tick. Bands: money thresholds 0.5% of the threshold, at least $1;
 * margin use 0.5 percentage points.
 *
 * Baselines (the first snapshot, a re-snapshot after reconnect, a changed threshold) never
 * alert: they set armed = "not beyond the threshold now".
 */
import type { Balance, Order } from '../../protocol';
import { abs, add, compare, isDecimal, mul, sign, sub } from '../../lib/decimal';
import type { Decimal } from '../../lib/decimal';
import { dayPnl, marginUse } from '../../lib/account-math';
import { formatMoney, formatPercent, formatPrice, formatQty } from '../../lib/format';
import { SIDE_LABEL } from '../../lib/order-side';

export type AlertKind =
  'fill' | 'rejection' | 'expiration' | 'buyingPowerBelow' | 'marginUseAbove' | 'dayPnlBelow';

export type AlertSeverity = 'info' | 'warning' | 'error';

export type Alert = Readonly<{
  /** Stable per event (an order's fill up to a cumQty; a rejection), for de-duplication. */
  key: string;
  kind: AlertKind;
  severity: AlertSeverity;
  accountId: string;
  title: string;
  body: string;
}>;

// ---- orders ------------------------------------------------------------------------------

const SIDE_VERB: Record<Order['side'], string> = {
  BUY: 'Bought',
  SELL: 'Sold',
  SELL_SHORT: 'Sold short',
  BUY_TO_COVER: 'Bought to cover',
};

/** "AAPL", "AAPL 2026-12-18 230 Call", "AAPL 2-leg spread". */
export function orderInstrument(o: Order): string {
  const [leg] = o.legs;
  if (o.legs.length === 1 && leg) {
    return `${o.symbol} ${leg.maturity} ${leg.strikePrice} ${leg.putCall === 'CALL' ? 'Call' : 'Put'}`;
  }
  return o.legs.length > 1 ? `${o.symbol} ${o.legs.length}-leg spread` : o.symbol;
}

/**
 * Alerts for one order's change. Several fills folded into one frame read as one alert with
 * their total quantity (the average price then says what they cost).
 */
export function orderAlerts(prev: Order | undefined, next: Order): Alert[] {
  const out: Alert[] = [];
  const what = orderInstrument(next);
  const unit = next.legs.length > 0 ? (next.legs.length > 1 ? ' spreads' : ' contracts') : '';
  const filledBefore = prev?.cumQty ?? '0';
  const delta = sub(next.cumQty, filledBefore);
  const becameFilled = next.ordStatus === 'FILLED' && prev?.ordStatus !== 'FILLED';
  if (sign(delta) > 0 || becameFilled) {
    const full = next.ordStatus === 'FILLED';
    const qty = sign(delta) > 0 ? delta : next.cumQty;
    const at =
      next.lastFillPrice && next.lastFillQty && compare(next.lastFillQty, qty) === 0
        ? `at ${formatPrice(next.lastFillPrice)}`
        : next.avgPrice
          ? `avg ${formatPrice(next.avgPrice)}`
          : '';
    const progress = full
      ? next.avgPrice && compare(qty, next.cumQty) !== 0
        ? ` · order complete, ${formatQty(next.cumQty)} avg ${formatPrice(next.avgPrice)}`
        : ''
      : ` · ${formatQty(next.cumQty)} of ${formatQty(next.qty)} filled, ${formatQty(next.leavesQty)} left`;
    out.push({
      key: `fill:${next.ordId}:${next.cumQty}`,
      kind: 'fill',
      severity: 'info',
      accountId: next.accountId,
      title: `${full ? 'Filled' : 'Partially filled'}: ${what}`,
      body: `${SIDE_VERB[next.side]} ${formatQty(qty)}${unit} ${at}`.trimEnd() + progress,
    });
  }
  if (next.ordStatus === 'REJECTED' && prev?.ordStatus !== 'REJECTED') {
    out.push({
      key: `rejected:${next.ordId}`,
      kind: 'rejection',
      severity: 'error',
      accountId: next.accountId,
      title: `Rejected: ${what}`,
      body: `${SIDE_LABEL[next.side]} ${formatQty(next.qty)}${unit}: ${next.ordRejReason || 'no reason given'}`,
    });
  }
  if (next.ordStatus === 'EXPIRED' && prev?.ordStatus !== 'EXPIRED') {
    const filled = sign(next.cumQty) > 0 ? `, ${formatQty(next.cumQty)} filled` : '';
    out.push({
      key: `expired:${next.ordId}`,
      kind: 'expiration',
      severity: 'warning',
      accountId: next.accountId,
      title: `Expired: ${what}`,
      // Unfilled from qty − cumQty: servers zero `leavesQty` on a terminal order.
      body: `${next.timeInForce} order for ${formatQty(next.qty)}${unit} expired${filled}; ${formatQty(sub(next.qty, next.cumQty))} unfilled`,
    });
  }
  return out;
}

// ---- thresholds --------------------------------------------------------------------------

/** Preferences, not account data: decimal strings; absent = off. */
export type Thresholds = Readonly<{
  /** Alert when net buying power falls below this amount. */
  buyingPowerBelow?: Decimal;
  /** Alert when margin use (maintenance / equity) rises above this percent. */
  marginUseAbove?: Decimal;
  /** Alert when today's P&L falls below this amount (usually negative). */
  dayPnlBelow?: Decimal;
}>;
export type ThresholdKey = keyof Thresholds;
export const THRESHOLD_KEYS: readonly ThresholdKey[] = [
  'buyingPowerBelow',
  'marginUseAbove',
  'dayPnlBelow',
];

/** Per threshold: true = armed (will alert on the next crossing). Absent = no baseline yet. */
export type Armed = Readonly<Partial<Record<ThresholdKey, boolean>>>;

const MONEY_BAND_SHARE = '0.005';
const MONEY_BAND_MIN = '1';
const PERCENT_BAND = '0.5';

/** The value a threshold watches; undefined margin use = equity not positive. */
export function thresholdValue(key: ThresholdKey, b: Balance): Decimal | undefined {
  switch (key) {
    case 'buyingPowerBelow':
      return b.netBuyingPower;
    case 'marginUseAbove':
      return marginUse(b, 10);
    case 'dayPnlBelow':
      return dayPnl(b);
  }
}

/** Where a tripped threshold re-arms: past the threshold by the hysteresis band. */
export function rearmLevel(key: ThresholdKey, threshold: Decimal): Decimal {
  if (key === 'marginUseAbove') return sub(threshold, PERCENT_BAND);
  const share = abs(mul(threshold, MONEY_BAND_SHARE));
  const band = compare(share, MONEY_BAND_MIN) > 0 ? share : MONEY_BAND_MIN;
  return add(threshold, band);
}

/** Is the value on the alerting side of the threshold? */
export function isBeyond(
  key: ThresholdKey,
  value: Decimal | undefined,
  threshold: Decimal,
): boolean {
  // Margin use with no positive equity is beyond any limit.
  if (value === undefined) return true;
  return key === 'marginUseAbove' ? compare(value, threshold) > 0 : compare(value, threshold) < 0;
}

function isRearmed(key: ThresholdKey, value: Decimal | undefined, threshold: Decimal): boolean {
  if (value === undefined) return false;
  const level = rearmLevel(key, threshold);
  return key === 'marginUseAbove' ? compare(value, level) <= 0 : compare(value, level) >= 0;
}

export function evaluateThresholds(
  armed: Armed,
  balance: Balance,
  thresholds: Thresholds,
  live: boolean,
): { armed: Armed; alerts: Alert[] } {
  const next: Partial<Record<ThresholdKey, boolean>> = {};
  const alerts: Alert[] = [];
  for (const key of THRESHOLD_KEYS) {
    const threshold = thresholds[key];
    if (threshold === undefined || !isDecimal(threshold)) continue;
    const value = thresholdValue(key, balance);
    const beyond = isBeyond(key, value, threshold);
    const was = armed[key];
    if (!live || was === undefined) {
      next[key] = !beyond;
    } else if (was && beyond) {
      next[key] = false;
      alerts.push(thresholdAlert(key, balance, value, threshold));
    } else {
      next[key] = was || isRearmed(key, value, threshold);
    }
  }
  return { armed: next, alerts };
}

export function describeThreshold(key: ThresholdKey, threshold: Decimal): string {
  switch (key) {
    case 'buyingPowerBelow':
      return `Buying power below ${formatMoney(threshold)}`;
    case 'marginUseAbove':
      return `Margin use above ${formatPercent(threshold, { dp: 1 })}`;
    case 'dayPnlBelow':
      return `Day P&L below ${formatMoney(threshold, { signed: true })}`;
  }
}

function thresholdAlert(
  key: ThresholdKey,
  b: Balance,
  value: Decimal | undefined,
  threshold: Decimal,
): Alert {
  const body =
    key === 'buyingPowerBelow'
      ? `Net buying power is ${formatMoney(value)}`
      : key === 'marginUseAbove'
        ? value === undefined
          ? `Equity is ${formatMoney(b.totalEquity)}: margin call`
          : `Margin use is ${formatPercent(value, { dp: 2 })}: maintenance ${formatMoney(b.maintReq)} of equity ${formatMoney(b.totalEquity)}`
        : `Today's P&L is ${formatMoney(value, { signed: true })}`;
  return {
    key: `${key}:${b.accountId}`,
    kind: key,
    severity: 'warning',
    accountId: b.accountId,
    title: describeThreshold(key, threshold),
    body,
  };
}
