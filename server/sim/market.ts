/** Symbols and their random-walk prices; option prices derive crudely from the underlying. */
import Big from 'big.js';
import type { PutCall } from '../../src/protocol';
import type { Rng } from './rng';

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

  /** Moves one stock by up to ±0.5% and returns it. */
  tick(): string {
    const symbol = this.rng.pick(this.symbols());
    const bps = this.rng.int(-50, 50);
    const next = this.price(symbol)
      .times(new Big(10_000 + bps).div(10_000))
      .round(2);
    this.prices.set(symbol, next.gt('0.01') ? next : new Big('0.01'));
    return symbol;
  }
}
