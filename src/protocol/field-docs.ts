/**
 * What each documented balance field and options level means, in words a trader reads
 * in a tooltip. Lives beside the schemas so a new field cannot ship without its meaning.
 */
import type { BalanceDecimalField } from './domain';
import { ORDER_STATUS_LABELS } from './codes';
import type { OptionsLevel, OrderStatus } from './codes';

/** The balance page's sections, in reading order. */
export const BALANCE_GROUPS = [
  'Equity & cash',
  'Buying power',
  'Margin',
  'Day trading',
  'Today',
] as const;
export type BalanceGroup = (typeof BALANCE_GROUPS)[number];

export const BALANCE_FIELD_DOCS: Readonly<
  Record<
    BalanceDecimalField | 'pendingOrdersCount',
    { label: string; group: BalanceGroup; help: string }
  >
> = {
  totalEquity: {
    label: 'Total equity',
    group: 'Equity & cash',
    help: 'Cash plus the market value of all positions (short positions count negative).',
  },
  settledFunds: {
    label: 'Settled funds',
    group: 'Equity & cash',
    help: 'Cash from trades that have settled; usable without free-riding restrictions.',
  },
  unsettledFunds: {
    label: 'Unsettled funds',
    group: 'Equity & cash',
    help: 'Proceeds of recent sales that have not yet settled.',
  },
  heldBackFunds: {
    label: 'Held-back funds',
    group: 'Equity & cash',
    help: 'Cash reserved by the broker, e.g. for pending withdrawals or open orders.',
  },
  startOfDayCash: {
    label: 'Start-of-day cash',
    group: 'Equity & cash',
    help: 'Cash balance at the start of the trading day.',
  },
  sodPositionsMarketValue: {
    label: 'Start-of-day positions value',
    group: 'Equity & cash',
    help: 'Market value of all positions at the start of the trading day.',
  },
  netBuyingPower: {
    label: 'Net buying power',
    group: 'Buying power',
    help: 'What you can spend on new positions now, after open-order requirements.',
  },
  stockBuyingPower: {
    label: 'Stock buying power',
    group: 'Buying power',
    help: 'Buying power for stocks held overnight (Reg T: up to 2× excess equity on margin).',
  },
  optionBuyingPower: {
    label: 'Option buying power',
    group: 'Buying power',
    help: 'Buying power for options, which cannot be bought on margin.',
  },
  dayTradeBuyingPower: {
    label: 'Day-trade buying power',
    group: 'Buying power',
    help: 'Intraday buying power for pattern day traders (up to 4× maintenance excess).',
  },
  dayTradeOvernightRegTBuyingPower: {
    label: 'Overnight Reg T buying power',
    group: 'Buying power',
    help: 'Buying power for positions opened today and held overnight under Reg T.',
  },
  grossMargin: {
    label: 'Gross margin',
    group: 'Margin',
    help: 'Total margin requirement of all positions before offsets.',
  },
  maintReq: {
    label: 'Maintenance requirement',
    group: 'Margin',
    help: 'Equity you must keep to avoid a margin call.',
  },
  pendingOrdersMarginRequirements: {
    label: 'Open-order margin',
    group: 'Margin',
    help: 'Margin set aside for orders that are still working.',
  },
  creditMultiplier: {
    label: 'Credit multiplier',
    group: 'Margin',
    help: 'Leverage factor the broker applies to your excess equity.',
  },
  credit: { label: 'Credit', group: 'Margin', help: 'Credit line extended to the account.' },
  creditRemaining: {
    label: 'Credit remaining',
    group: 'Margin',
    help: 'Unused part of the credit line.',
  },
  SMA: {
    label: 'SMA',
    group: 'Margin',
    help: 'Special Memorandum Account: a Reg T line of credit that grows with gains.',
  },
  smaCreditRemaining: {
    label: 'SMA credit remaining',
    group: 'Margin',
    help: 'Unused SMA credit.',
  },
  PDT: {
    label: 'PDT equity',
    group: 'Day trading',
    help: 'Equity counted for the pattern-day-trader rule (minimum $25,000 to day trade freely).',
  },
  pdtCreditRemaining: {
    label: 'PDT credit remaining',
    group: 'Day trading',
    help: 'Day-trading capacity left today under the PDT rule.',
  },
  realizedPL: {
    label: 'Realized P&L',
    group: 'Today',
    help: "Today's profit or loss from closed trades.",
  },
  unRealizedPL: {
    label: 'Unrealized P&L',
    group: 'Today',
    help: 'Profit or loss on open positions at current prices.',
  },
  valueBought: { label: 'Value bought', group: 'Today', help: 'Total value of buys today.' },
  valueSold: { label: 'Value sold', group: 'Today', help: 'Total value of sells today.' },
  pendingOrdersCount: {
    label: 'Open orders',
    group: 'Today',
    help: 'Number of orders still working.',
  },
};

export const OPTIONS_LEVEL_DOCS: Readonly<Record<OptionsLevel, string>> = {
  LEVEL_0: 'No options trading.',
  LEVEL_1: 'Covered calls and cash-secured puts.',
  LEVEL_2: 'Level 1 plus buying calls and puts (long options).',
  LEVEL_3: 'Level 2 plus spreads (verticals, calendars, iron condors).',
  LEVEL_4: 'Level 3 plus uncovered (naked) options writing.',
};

/** The status as a trader reads it; a rejection carries its reason ("Rejected: Insufficient…"). */
export function orderStatusLabel(o: { ordStatus: OrderStatus; ordRejReason?: string }): string {
  const label = ORDER_STATUS_LABELS[o.ordStatus];
  return o.ordStatus === 'REJECTED' && o.ordRejReason ? `${label}: ${o.ordRejReason}` : label;
}
