/**
 * Cash, positions and the 27 balance fields of one account, all in decimal arithmetic.
 *
 * Formulas (simplified but internally consistent; pinned by ledger tests):
 * - cash = settledFunds + unsettledFunds; sale proceeds land in unsettledFunds.
 * - marketValue = qty × last × multiplier (100 for options); totalEquity = cash + Σ marketValue.
 * - maintReq = 25% of long market value + 30% of |short market value|.
 * - MARGIN: stockBuyingPower = 2 × max(0, equity − maintReq) (Reg T), optionBuyingPower =
 *   max(0, equity − maintReq), dayTradeBuyingPower = 4 × that when equity ≥ 25,000 else 0.
 *   CASH/IRA accounts: every buying power = settledFunds.
 * - netBuyingPower = stockBuyingPower − pendingOrdersMarginRequirements (≥ 0).
 */
import Big from 'big.js';
import type { AccountInfo, Balance, Position } from '../../src/protocol';
import type { Market, OptionContract } from './market';

/** A fill as the account's history replays it. */
export type JournalFill = { atMs: number; symbol: string; qty: number; priceCents: number };

export type Holding = {
  symbol: string;
  qty: Big;
  avg: Big;
  realized: Big;
  /** Opened today and not yet closed: closing any of it is a day trade. */
  openedToday: Big;
  updatedAt: string;
  option?: OptionContract;
};

const ZERO = new Big(0);
// Constants as Big: a string argument is parsed (regex + digits) on every call, and the
// balance is recomputed on every order event.
const ONE = new Big(1);
const HUNDRED = new Big(100);
const HALF = new Big('0.5');
const LONG_MAINT = new Big('0.25');
const SHORT_MAINT = new Big('0.30');
const money = (b: Big) => b.toFixed(2);

export class Ledger {
  settled: Big;
  unsettled = ZERO;
  valueBought = ZERO;
  valueSold = ZERO;
  dayTrades = 0;
  readonly holdings = new Map<string, Holding>();
  startOfDayCash: Big;
  sodMarketValue = ZERO;
  /** Equity at the simulator's start: live P&L values are measured from it. */
  baselineEquity = ZERO;
  /** When set, every fill is also written here (the opening book, for the account's history). */
  journal: JournalFill[] | undefined;

  constructor(
    readonly info: AccountInfo,
    cash: string,
    private readonly market: Market,
  ) {
    this.settled = new Big(cash);
    this.startOfDayCash = this.settled;
  }

  /**
   * A new exchange day starts: yesterday's sales settle, today's counters start at zero and
   * start-of-day equity (startOfDayCash + sodPositionsMarketValue) is equity at this instant.
   */
  openDay(): void {
    this.settled = this.settled.plus(this.unsettled);
    this.unsettled = ZERO;
    this.valueBought = ZERO;
    this.valueSold = ZERO;
    this.dayTrades = 0;
    for (const h of this.holdings.values()) {
      h.realized = ZERO;
      h.openedToday = ZERO;
    }
    this.startOfDayCash = this.settled;
    this.sodMarketValue = this.marketValue();
  }

  multiplier(h: Pick<Holding, 'option'>): Big {
    return h.option ? HUNDRED : ONE;
  }

  cash(): Big {
    return this.settled.plus(this.unsettled);
  }

  marketValueOf(h: Holding): Big {
    return h.qty.times(this.market.price(h.symbol)).times(this.multiplier(h));
  }

  marketValue(): Big {
    let sum = ZERO;
    for (const h of this.holdings.values())
      if (!h.qty.eq(ZERO)) sum = sum.plus(this.marketValueOf(h));
    return sum;
  }

  equity(): Big {
    return this.cash().plus(this.marketValue());
  }

  /**
   * Books a fill of `qty` (signed: + buys, − sells) at `price`; returns the holding.
   * Realized P&L arises on the part that reduces an existing position.
   */
  fill(symbol: string, qty: Big, price: Big, at: string, option?: OptionContract): Holding {
    const h: Holding = this.holdings.get(symbol) ?? {
      symbol,
      qty: ZERO,
      avg: ZERO,
      realized: ZERO,
      openedToday: ZERO,
      updatedAt: at,
      ...(option ? { option } : {}),
    };
    const mult = this.multiplier(h);
    const notional = qty.abs().times(price).times(mult);
    this.journal?.push({
      atMs: Date.parse(at),
      symbol,
      qty: Number(qty.toFixed()),
      priceCents: Number(price.times(100).round(0).toFixed(0)),
    });
    if (qty.gt(0)) {
      this.settled = this.settled.minus(notional);
      this.valueBought = this.valueBought.plus(notional);
    } else {
      this.unsettled = this.unsettled.plus(notional);
      this.valueSold = this.valueSold.plus(notional);
    }
    const sameDirection = h.qty.eq(0) || h.qty.gt(0) === qty.gt(0);
    if (sameDirection) {
      const newQty = h.qty.plus(qty);
      h.avg = h.qty.times(h.avg).plus(qty.times(price)).div(newQty).round(4);
      h.qty = newQty;
      h.openedToday = h.openedToday.plus(qty.abs());
    } else {
      const closing = qty.abs().lt(h.qty.abs()) ? qty.abs() : h.qty.abs();
      const direction = h.qty.gt(0) ? 1 : -1;
      h.realized = h.realized.plus(price.minus(h.avg).times(closing).times(mult).times(direction));
      const newQty = h.qty.plus(qty);
      const crosses = !newQty.eq(0) && newQty.gt(0) !== h.qty.gt(0);
      // Closing what was opened today is a day trade, whatever was held overnight beside it.
      if (h.openedToday.gt(0)) {
        this.dayTrades += 1;
        h.openedToday = h.openedToday.gt(closing) ? h.openedToday.minus(closing) : ZERO;
      }
      // Crossing through zero opens the other side at the fill price.
      if (crosses) {
        h.avg = price;
        h.openedToday = newQty.abs();
      }
      h.qty = newQty;
    }
    h.updatedAt = at;
    this.holdings.set(symbol, h);
    return h;
  }

  position(h: Holding): Position {
    const last = this.market.price(h.symbol);
    const mult = this.multiplier(h);
    const p: Position = {
      accountId: this.info.accountId,
      symbol: h.symbol,
      securityType: h.option ? 'OPTION' : 'EQUITY',
      qty: h.qty.toFixed(),
      avgPrice: h.avg.toFixed(4),
      todayRealizedPnL: money(h.realized),
      lastPrice: last.toFixed(2),
      marketValue: money(h.qty.times(last).times(mult)),
      unrealizedPnL: money(last.minus(h.avg).times(h.qty).times(mult)),
      updatedAt: h.updatedAt,
    };
    if (h.option) {
      p.underlying = h.option.underlying;
      p.putCall = h.option.putCall;
      p.strikePrice = h.option.strike;
      p.maturity = h.option.maturity;
      p.multiplier = '100';
    }
    return p;
  }

  /** Open positions only: a position that went to zero leaves the snapshot. */
  positions(): Position[] {
    return [...this.holdings.values()].filter((h) => !h.qty.eq(0)).map((h) => this.position(h));
  }

  balance(openOrders: number, pendingMargin: Big): Balance {
    let longMv = ZERO;
    let shortMv = ZERO;
    let unrealized = ZERO;
    let realized = ZERO;
    for (const h of this.holdings.values()) {
      // A position traded flat today keeps only its realized P&L.
      if (h.qty.eq(ZERO)) {
        realized = realized.plus(h.realized);
        continue;
      }
      const mv = this.marketValueOf(h);
      if (mv.gt(0)) longMv = longMv.plus(mv);
      else shortMv = shortMv.plus(mv.abs());
      unrealized = unrealized.plus(
        this.market.price(h.symbol).minus(h.avg).times(h.qty).times(this.multiplier(h)),
      );
      realized = realized.plus(h.realized);
    }
    const equity = this.equity();
    const maintReq = longMv.times(LONG_MAINT).plus(shortMv.times(SHORT_MAINT));
    const excess = equity.minus(maintReq).gt(0) ? equity.minus(maintReq) : ZERO;
    const margin = this.info.accountType === 'MARGIN';
    const stockBp = margin ? excess.times(2) : this.settled.gt(0) ? this.settled : ZERO;
    const optionBp = margin ? excess : stockBp;
    const dayTradeBp = margin && equity.gte(25_000) ? excess.times(4) : ZERO;
    const netBp = stockBp.minus(pendingMargin).gt(0) ? stockBp.minus(pendingMargin) : ZERO;
    const sma = margin ? excess.times(HALF) : ZERO;
    const pdtLeft =
      margin && equity.gte(25_000) ? dayTradeBp : new Big(Math.max(0, 3 - this.dayTrades));
    return {
      accountId: this.info.accountId,
      sodPositionsMarketValue: money(this.sodMarketValue),
      netBuyingPower: money(netBp),
      stockBuyingPower: money(stockBp),
      dayTradeBuyingPower: money(dayTradeBp),
      optionBuyingPower: money(optionBp),
      dayTradeOvernightRegTBuyingPower: money(margin ? excess.times(2) : stockBp),
      totalEquity: money(equity),
      settledFunds: money(this.settled),
      unsettledFunds: money(this.unsettled),
      heldBackFunds: '0.00',
      grossMargin: money(longMv.plus(shortMv).times(HALF)),
      pendingOrdersMarginRequirements: money(pendingMargin),
      maintReq: money(maintReq),
      creditMultiplier: margin ? '2' : '1',
      pendingOrdersCount: openOrders,
      credit: '0.00',
      creditRemaining: '0.00',
      realizedPL: money(realized),
      unRealizedPL: money(unrealized),
      SMA: money(sma),
      smaCreditRemaining: money(sma),
      PDT: money(equity),
      pdtCreditRemaining: pdtLeft.toFixed(margin && equity.gte(25_000) ? 2 : 0),
      startOfDayCash: money(this.startOfDayCash),
      valueBought: money(this.valueBought),
      valueSold: money(this.valueSold),
    };
  }
}
