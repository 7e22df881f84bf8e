/** How an instrument reads to a trader: options in words, not OCC symbols. */
import type { Position } from '../protocol';

export const underlyingOf = (p: Pick<Position, 'symbol' | 'underlying'>): string =>
  p.underlying ?? p.symbol;

/** "AAPL 2026-12-18 200 Call" for an option; the symbol itself for a stock. */
export function describePosition(p: Position): string {
  if (p.securityType !== 'OPTION' || !p.maturity || !p.strikePrice || !p.putCall) return p.symbol;
  const kind = p.putCall === 'CALL' ? 'Call' : 'Put';
  return `${underlyingOf(p)} ${p.maturity} ${p.strikePrice} ${kind}`;
}
