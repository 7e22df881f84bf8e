/**
 * Risk of every account at once, one row per account, and the totals that are meaningful
 * across accounts: equity, today's P&L and market value add up exactly (decimal strings);
 * margin use, concentration and buying power are each account's own and are never summed.
 */
import { abs, sum } from '../../lib/decimal';
import type { Decimal } from '../../lib/decimal';
import { dayPnl } from '../../lib/account-math';
import type { AccountInfo, Balance, Position } from '../../protocol';
import { concentration, marginUse, pdtStatus } from './risk-metrics';
import type { Concentration, PdtStatus } from './risk-metrics';

export type AccountRiskRow = Readonly<{
  accountId: string;
  info: AccountInfo | undefined;
  totalEquity: Decimal;
  dayPnl: Decimal;
  netBuyingPower: Decimal;
  marginUse: Decimal | undefined;
  largest: Concentration | undefined;
  pdt: PdtStatus;
  /** Σ|MV| of the account's positions. */
  gross: Decimal;
}>;

export type AccountRiskTotals = Readonly<{ totalEquity: Decimal; dayPnl: Decimal; gross: Decimal }>;

export function accountRiskRow(
  accountId: string,
  balance: Balance,
  info: AccountInfo | undefined,
  positions: readonly Position[],
): AccountRiskRow {
  return {
    accountId,
    info,
    totalEquity: balance.totalEquity,
    dayPnl: dayPnl(balance),
    netBuyingPower: balance.netBuyingPower,
    marginUse: marginUse(balance),
    largest: concentration(positions, balance.totalEquity),
    pdt: pdtStatus(balance, info),
    gross: sum(positions.map((p) => abs(p.marketValue))),
  };
}

export function accountRiskTotals(rows: readonly AccountRiskRow[]): AccountRiskTotals {
  return {
    totalEquity: sum(rows.map((r) => r.totalEquity)),
    dayPnl: sum(rows.map((r) => r.dayPnl)),
    gross: sum(rows.map((r) => r.gross)),
  };
}

/** The PDT status in a table cell's few words (the one-account panel explains it in full). */
export function pdtShort(s: PdtStatus): string {
  switch (s.kind) {
    case 'not-applicable':
      return 'Not applicable';
    case 'unrestricted':
      return 'Unrestricted';
    case 'restricted':
      return s.dayTradesLeft === undefined
        ? 'Restricted'
        : `Restricted · ${s.dayTradesLeft} day trades left`;
  }
}
