/**
 * The balance page's model: every documented field in its group with its meaning, and the two
 * gauges, all computed on decimal strings.
 */
import { BALANCE_DECIMAL_FIELDS, BALANCE_FIELD_DOCS, BALANCE_GROUPS } from '../../protocol';
import type { Balance, BalanceDecimalField, BalanceGroup } from '../../protocol';
import { percent } from '../../lib/decimal';
import type { Decimal } from '../../lib/decimal';

export type BalanceFieldName = BalanceDecimalField | 'pendingOrdersCount';

/** How a value reads: money, a signed P&L, a multiplier or a count. */
export type BalanceKind = 'money' | 'pnl' | 'factor' | 'count';

export type BalanceLine = Readonly<{
  field: BalanceFieldName;
  label: string;
  help: string;
  kind: BalanceKind;
  value: string;
}>;

const KIND: Partial<Record<BalanceFieldName, BalanceKind>> = {
  realizedPL: 'pnl',
  unRealizedPL: 'pnl',
  creditMultiplier: 'factor',
  pendingOrdersCount: 'count',
};

const FIELDS: readonly BalanceFieldName[] = [...BALANCE_DECIMAL_FIELDS, 'pendingOrdersCount'];

export function balanceSections(
  balance: Balance,
): readonly { group: BalanceGroup; lines: readonly BalanceLine[] }[] {
  return BALANCE_GROUPS.map((group) => ({
    group,
    lines: FIELDS.filter((f) => BALANCE_FIELD_DOCS[f].group === group).map((field) => ({
      field,
      ...BALANCE_FIELD_DOCS[field],
      kind: KIND[field] ?? 'money',
      value: String(balance[field]),
    })),
  }));
}

/** Maintenance requirement as a share of equity; 100% or more means a margin call. */
export const marginUse = (b: Balance): Decimal | undefined => percent(b.maintReq, b.totalEquity, 2);

/** Buying power still free after open orders' margin, as a share of stock buying power. */
export const buyingPowerFree = (b: Balance): Decimal | undefined =>
  percent(b.netBuyingPower, b.stockBuyingPower, 2);
