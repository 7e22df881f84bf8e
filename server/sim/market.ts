/** Symbols and their random-walk prices; option prices derive crudely from the underlying. */
import Big from 'big.js';
import type { PutCall } from '../../src/protocol';
import { BUCKET_MS, REGULAR, sessionSigma, type SessionClock } from './price-walk';
import type { Rng } from './rng';
import type { Scenario } from './scenario';

export const STOCKS: Readonly<Record<string, string>> = {
  AAPL: '227.50',
  MSFT: '431.20',
  NVDA: '141.80',
  TSLA: '252.10',
  AMZN: '198.40',
  GOOGL: '176.30',
  META: '585.60',
  SPY: '598.20',
  QQQ: '512.70',
  AMD: '139.90',
};

/** The stocks in a fixed order: the price walk draws its random numbers in this order. */
export const STOCK_SYMBOLS: readonly string[] = Object.keys(STOCKS);

/** Integer cents of each of STOCK_SYMBOLS' opening price. */
export function stockCents(prices: (symbol: string) => Big): Int32Array {
  return Int32Array.from(STOCK_SYMBOLS, (s) => Number(prices(s).times(100).toFixed(0)));
}

/**
 * An option's price in cents from its underlying's, exactly as Market.price computes it in
 * decimals: intrinsic value plus 2 % of spot, rounded half up to the cent.
 */
export function optionCents(spot: number, strike: number, call: boolean): number {
  const intrinsic = call ? spot - strike : strike - spot;
  return (intrinsic > 0 ? intrinsic : 0) + Math.floor((spot + 25) / 50);
}

export type OptionContract = {
  symbol: string;
  underlying: string;
  putCall: PutCall;
  strike: string;
  maturity: string;
};

/** OSI symbol: root padded to 6, yymmdd, C/P, strike × 1000 padded to 8 digits. */
export function osiSymbol(underlying: string, maturity: string, putCall: PutCall, strike: string) {
  const yymmdd = maturity.slice(2).replaceAll('-', '');
  const strikeMilli = new Big(strike).times(1000).toFixed(0).padStart(8, '0');
  return `${underlying.padEnd(6, ' ')}${yymmdd}${putCall === 'CALL' ? 'C' : 'P'}${strikeMilli}`;
}

export function optionContract(
  underlying: string,
  maturity: string,
  putCall: PutCall,
  strike: string,
): OptionContract {
  return {
    symbol: osiSymbol(underlying, maturity, putCall, strike),
    underlying,
    putCall,
    strike,
    maturity,
  };
}

const ZERO = new Big(0);
/** An option's time value in this model: 2 % of spot. */
const TIME_VALUE = new Big('0.02');

export class Market {
  private readonly prices = new Map<string, Big>();
  /** Parsed once per option symbol: price() runs for every holding on every order event. */
  private readonly strikes = new Map<string, Big>();
  readonly options = new Map<string, OptionContract>();

  constructor(private readonly rng: Rng) {
    for (const [symbol, price] of Object.entries(STOCKS)) this.prices.set(symbol, new Big(price));
  }

  symbols(): string[] {
    return [...this.prices.keys()];
  }

  registerOption(contract: OptionContract): void {
    this.options.set(contract.symbol, contract);
  }

  /** Price of a stock, or of an option: intrinsic value plus 2% of the underlying as time value. */
  price(symbol: string): Big {
    const option = this.options.get(symbol);
    if (option) {
      const spot = this.price(option.underlying);
      let strike = this.strikes.get(symbol);
      if (!strike) this.strikes.set(symbol, (strike = new Big(option.strike)));
      const intrinsic = option.putCall === 'CALL' ? spot.minus(strike) : strike.minus(spot);
      return (intrinsic.gt(0) ? intrinsic : ZERO).plus(spot.times(TIME_VALUE)).round(2);
    }
    const p = this.prices.get(symbol);
    if (!p) throw new Error(`unknown symbol ${symbol}`);
    return p;
  }

  setPrice(symbol: string, price: string): void {
    if (!this.prices.has(symbol)) throw new Error(`unknown symbol ${symbol}`);
    this.prices.set(symbol, new Big(price));
  }

  /** When each stock last moved: a move's size grows with the time since (a random walk). */
  private readonly lastMove = new Map<string, number>();

  /**
   * Moves one stock as the walk would over the time since it last moved, in the exchange
   * session at `nowMs` (still while closed), and returns it.
   */
  tick(nowMs: number, clock: SessionClock, scenario: Scenario): string {
    const symbol = this.rng.pick(this.symbols());
    const u = 2 * this.rng.next() - 1;
    const since = this.lastMove.get(symbol) ?? nowMs - BUCKET_MS;
    this.lastMove.set(symbol, nowMs);
    const kind = clock.kind(Math.floor(nowMs / BUCKET_MS));
    const buckets = Math.min(240, Math.max(0, nowMs - since) / BUCKET_MS);
    if (buckets === 0 || kind === 0) return symbol;
    const sigma = sessionSigma(kind) * scenario.volatility * Math.sqrt(buckets);
    const drift = kind === REGULAR ? scenario.drift * buckets : 0;
    const cents = Number(this.price(symbol).times(100).toFixed(0));
    const next = cents + Math.round(cents * (drift + sigma * Math.sqrt(3) * u));
    this.prices.set(symbol, new Big(Math.max(1, next)).div(100));
    return symbol;
  }
}
