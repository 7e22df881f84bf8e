/**
 * The risk panel's model, computed on decimal strings: margin use, buying power by kind,
 * concentration, options exposure per underlying and the pattern-day-trader status.
 */
import { BALANCE_FIELD_DOCS } from '../../protocol';
import type { AccountInfo, Balance, Position } from '../../protocol';
import { abs, compare, isDecimal, mul, percent, sign, sub, sum } from '../../lib/decimal';
import type { Decimal } from '../../lib/decimal';
import { describePosition, underlyingOf } from '../../lib/instrument';

export { marginUse } from '../../lib/account-math';

/** FINRA's pattern-day-trader minimum equity and the day trades allowed below it (5 days). */
export const PDT_MIN_EQUITY = '25000';
export const PDT_DAY_TRADES_BELOW_MIN = 3;

/** Option contracts deliver 100 shares unless the position says otherwise. */
const DEFAULT_OPTION_MULTIPLIER = '100';

const BUYING_POWER_FIELDS = [
  'netBuyingPower',
  'stockBuyingPower',
  'optionBuyingPower',
  'dayTradeBuyingPower',
  'dayTradeOvernightRegTBuyingPower',
] as const;
export type BuyingPowerField = (typeof BUYING_POWER_FIELDS)[number];

export type BuyingPowerLine = Readonly<{
  field: BuyingPowerField;
  label: string;
  help: string;
  value: Decimal;
}>;

/** Every kind of buying power the balance reports, with its documented meaning. */
export function buyingPowerByKind(b: Balance): readonly BuyingPowerLine[] {
  return BUYING_POWER_FIELDS.map((field) => ({
    field,
    label: BALANCE_FIELD_DOCS[field].label,
    help: BALANCE_FIELD_DOCS[field].help,
    value: b[field],
  }));
}

export type Concentration = Readonly<{
  symbol: string;
  /** How the instrument reads ("AAPL 2026-12-18 200 Call"). */
  label: string;
  marketValue: Decimal;
  /** |market value| / equity in percent; undefined when equity is zero or negative. */
  percentOfEquity: Decimal | undefined;
}>;

/**
 * The largest position by absolute market value (a short is as much risk as a long) as a share
 * of equity. Undefined with no positions.
 */
export function concentration(
  positions: readonly Position[],
  totalEquity: Decimal,
): Concentration | undefined {
  let largest: Position | undefined;
  for (const p of positions) {
    if (!largest || compare(abs(p.marketValue), abs(largest.marketValue)) > 0) largest = p;
  }
  if (!largest) return undefined;
  return {
    symbol: largest.symbol,
    label: describePosition(largest),
    marketValue: largest.marketValue,
    percentOfEquity: shareOfEquity(largest.marketValue, totalEquity),
  };
}

export type OptionsExposure = Readonly<{
  underlying: string;
  /** Net contracts (long minus short). */
  netContracts: Decimal;
  longContracts: Decimal;
  shortContracts: Decimal;
  /** Σ qty × multiplier: shares the contracts deliver, signed (a short call is negative). */
  sharesControlled: Decimal;
  /** Σ market value as the server reports it (already × multiplier). */
  marketValue: Decimal;
  /** |market value| / equity in percent; undefined when equity is zero or negative. */
  percentOfEquity: Decimal | undefined;
}>;

/** Option positions grouped by underlying, largest absolute market value first. */
export function optionsExposure(
  positions: readonly Position[],
  totalEquity: Decimal,
): readonly OptionsExposure[] {
  const groups = new Map<string, Position[]>();
  for (const p of positions) {
    if (p.securityType !== 'OPTION') continue;
    const key = underlyingOf(p);
    const list = groups.get(key);
    if (list) list.push(p);
    else groups.set(key, [p]);
  }
  const rows = [...groups].map(([underlying, list]): OptionsExposure => {
    const marketValue = sum(list.map((p) => p.marketValue));
    return {
      underlying,
      netContracts: sum(list.map((p) => p.qty)),
      longContracts: sum(list.filter((p) => sign(p.qty) > 0).map((p) => p.qty)),
      shortContracts: abs(sum(list.filter((p) => sign(p.qty) < 0).map((p) => p.qty))),
      sharesControlled: sum(
        list.map((p) =>
          mul(
            p.qty,
            p.multiplier && isDecimal(p.multiplier) ? p.multiplier : DEFAULT_OPTION_MULTIPLIER,
          ),
        ),
      ),
      marketValue,
      percentOfEquity: shareOfEquity(marketValue, totalEquity),
    };
  });
  return rows.sort(
    (a, b) =>
      compare(abs(b.marketValue), abs(a.marketValue)) || a.underlying.localeCompare(b.underlying),
  );
}

export type PdtStatus = Readonly<
  | { kind: 'not-applicable'; accountType: AccountInfo['accountType'] | undefined }
  | { kind: 'unrestricted'; pdtEquity: Decimal; dayTradeBuyingPower: Decimal }
  | {
      kind: 'restricted';
      pdtEquity: Decimal;
      /** Day trades left in the rolling 5 business days; undefined if the server's value is not a count. */
      dayTradesLeft: number | undefined;
      /** Equity to add to reach the minimum. */
      shortfall: Decimal;
    }
>;

/**
 * The PDT rule applies to margin accounts only. At or above $25,000 of PDT equity day trading
 * is not counted; below it, `pdtCreditRemaining` is the number of day trades left (0–3) — the
 * same field carries day-trading capacity in dollars above the minimum, so it is read as a
 * count only below it.
 */
export function pdtStatus(b: Balance, info: AccountInfo | undefined): PdtStatus {
  if (info?.accountType !== 'MARGIN') {
    return { kind: 'not-applicable', accountType: info?.accountType };
  }
  if (compare(b.PDT, PDT_MIN_EQUITY) >= 0) {
    return { kind: 'unrestricted', pdtEquity: b.PDT, dayTradeBuyingPower: b.dayTradeBuyingPower };
  }
  const left = /^\d+$/.test(b.pdtCreditRemaining) ? Number(b.pdtCreditRemaining) : undefined;
  return {
    kind: 'restricted',
    pdtEquity: b.PDT,
    dayTradesLeft: left !== undefined && left <= PDT_DAY_TRADES_BELOW_MIN ? left : undefined,
    shortfall: sub(PDT_MIN_EQUITY, b.PDT),
  };
}

/** In words, for the panel and its screen-reader text. */
export function explainPdt(s: PdtStatus): string {
  switch (s.kind) {
    case 'not-applicable':
      return `The pattern-day-trader rule applies to margin accounts only. In a ${
        s.accountType?.toLowerCase().replace('_', ' ') ?? 'non-margin'
      } account day trades are limited by settled cash: selling a purchase made with unsettled funds before they settle is a free-riding violation.`;
    case 'unrestricted':
      return `PDT equity is at least $25,000, so day trades are not limited. Falling below $25,000 limits the account to ${PDT_DAY_TRADES_BELOW_MIN} day trades in any 5 business days.`;
    case 'restricted': {
      const left =
        s.dayTradesLeft === undefined
          ? 'The number of day trades left is not reported.'
          : `${s.dayTradesLeft} of ${PDT_DAY_TRADES_BELOW_MIN} day trades left in the rolling 5 business days.`;
      return `${left} PDT equity is below $25,000; one more day trade than allowed flags the account as a pattern day trader and restricts it to closing trades for 90 days unless equity is raised to $25,000.`;
    }
  }
}

function shareOfEquity(marketValue: Decimal, totalEquity: Decimal): Decimal | undefined {
  if (sign(totalEquity) <= 0) return undefined;
  return percent(abs(marketValue), totalEquity, 2);
}
