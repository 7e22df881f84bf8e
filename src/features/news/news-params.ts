/**
 * The news filter in the URL: `?symbols=AAPL,NVDA&topics=earnings` or `?all=1`. With neither,
 * the feed defaults to what the trader holds or watches. Malformed entries are dropped.
 */
import type { NewsParams } from '../../protocol';

const SYMBOL = /^[A-Z0-9][A-Z0-9.\-/ ]{0,31}$/;
const TOPIC = /^[a-z0-9&\-_ ]{1,32}$/;
const MAX_TERMS = 50;

export type NewsView = { symbols: string[]; topics: string[]; all: boolean };

export function splitTerms(raw: string | null, upper: boolean, valid: RegExp): string[] {
  const terms = (raw ?? '')
    .split(',')
    .map((t) => (upper ? t.trim().toUpperCase() : t.trim().toLowerCase()))
    .filter((t) => valid.test(t));
  return [...new Set(terms)].slice(0, MAX_TERMS);
}

export function newsViewFromParams(params: URLSearchParams): NewsView {
  return {
    symbols: splitTerms(params.get('symbols'), true, SYMBOL),
    topics: splitTerms(params.get('topics'), false, TOPIC),
    all: params.get('all') === '1',
  };
}

export const parseSymbols = (raw: string): string[] => splitTerms(raw, true, SYMBOL);

export type NewsScope = 'mine' | 'all' | 'filtered';

/** What to subscribe to, and how to describe it. */
export function effectiveNewsFilter(
  view: NewsView,
  heldOrWatched: readonly string[],
): { scope: NewsScope; params: NewsParams } {
  if (view.symbols.length || view.topics.length) {
    const params: NewsParams = {};
    if (view.symbols.length) params.symbols = view.symbols;
    if (view.topics.length) params.topics = view.topics;
    return { scope: 'filtered', params };
  }
  if (view.all || heldOrWatched.length === 0) return { scope: 'all', params: {} };
  return { scope: 'mine', params: { symbols: [...new Set(heldOrWatched)].sort() } };
}
