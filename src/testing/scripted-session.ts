/**
 * One scripted session that exercises every message kind the client reads: acks of all four
 * topics (an account with equity, option and multi-leg orders), a refused subscription, every
 * update type, a session refresh and an error without an id. `playScript` plays it through the
 * real client path with each frame spelt by `spell`, and returns the stores' digest.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import {
  serverMessages,
  toLegacyOrder,
  toWirePosition,
  type Order,
  type Subscription,
} from '../protocol';
import type { Frame } from '../protocol/tolerance-corpus';
import { resetAllStores } from '../stores/reset';
import { SESSION_T as T, startClientSession, storeDigest } from './client-session';
import {
  iso,
  sampleArticle,
  sampleBalance,
  sampleInfo,
  sampleOrder,
  samplePosition,
} from './store-samples';

const A = 'A-10001';
const START = '2026-11-24T14:00:00Z';
const T0 = Math.floor(Date.parse(START) / 1000);

export const SCRIPT_SUBS: Subscription[] = [
  { topic: 'account', params: { accountId: A } },
  { topic: 'pnl', params: { accountId: A, interval: '5m', startTime: START } },
  { topic: 'watchlist', params: {} },
  { topic: 'news', params: {} },
  { topic: 'account', params: { accountId: 'A-20001' } },
];
const [account, pnl, watchlist, news, denied] = SCRIPT_SUBS as [
  Subscription,
  Subscription,
  Subscription,
  Subscription,
  Subscription,
];

const leg = (over: Partial<Order['legs'][number]> = {}): Order['legs'][number] => ({
  symbol: 'AAPL  261218C00200000',
  side: 'BUY',
  ratioQty: '1',
  positionEffect: 'OPEN',
  securityType: 'OPTION',
  maturity: '2026-12-18',
  strikePrice: '200',
  putCall: 'CALL',
  ...over,
});

const equity = sampleOrder({ ordId: 'O-1', price: '189.5', exDestination: 'ARCA' });
const option = sampleOrder({
  ordId: 'O-2',
  clOrdId: 'C-2',
  type: 'MARKET',
  price: undefined,
  qty: '2',
  leavesQty: '2',
  securityType: 'OPTION',
  legs: [leg()],
});
delete option.price;
const spread = sampleOrder({
  ordId: 'O-3',
  clOrdId: 'C-3',
  qty: '5',
  leavesQty: '5',
  price: '1.25',
  timeInForce: 'GTC',
  securityType: 'MULTI_LEG',
  category: 'MULTI_LEG',
  legs: [
    leg(),
    leg({
      symbol: 'AAPL  261218C00210000',
      side: 'SELL',
      strikePrice: '210',
      positionEffect: 'CLOSE',
    }),
  ],
});
const orders = [equity, option, spread];

const stock = samplePosition({ symbol: 'AAPL', avgPrice: '180.25' });
const call = samplePosition({
  symbol: 'AAPL  261218C00200000',
  securityType: 'OPTION',
  qty: '2',
  avgPrice: '3.1',
  lastPrice: '3.5',
  marketValue: '700.00',
  unrealizedPnL: '80.00',
  underlying: 'AAPL',
  putCall: 'CALL',
  strikePrice: '200',
  maturity: '2026-12-18',
  multiplier: '100',
});

const candle = (t: number, close: string) => ({
  accountId: A,
  interval: '5m' as const,
  t,
  open: '0.00',
  high: '12.5',
  low: '-3.25',
  close,
});

type Step = (ids: (sub: Subscription) => string, authId: () => string) => Frame[];

/** The script; `seq` counts per subscription, as our server does. */
const SCRIPT: Step[] = [
  (id) => [
    serverMessages.subscribed(
      id(account),
      'account',
      account.params,
      {
        ...sampleInfo(),
        ...sampleBalance({ realizedPL: '12.5', SMA: '1000.00', PDT: '2' }),
        positions: [stock, call].map(toWirePosition),
        orders: orders.map(toLegacyOrder),
        ordersV2: orders,
      },
      T,
    ),
    serverMessages.subscribed(
      id(pnl),
      'pnl',
      pnl.params,
      { candles: [candle(T0, '1.5'), candle(T0 + 300, '2.75'), candle(T0 + 600, '-1.00')] },
      T,
    ),
    serverMessages.subscribed(
      id(watchlist),
      'watchlist',
      {},
      {
        watchlists: [
          { id: 1, name: 'Tech', symbols: ['AAPL', 'NVDA'] },
          { id: 2, name: 'Energy', symbols: ['XOM'] },
        ],
      },
      T,
    ),
    serverMessages.subscribed(
      id(news),
      'news',
      {},
      { articles: [sampleArticle('N-2'), sampleArticle('N-1', { symbols: ['TSLA'] })] },
      T,
    ),
    serverMessages.error(id(denied), 'ACCESS_DENIED', 'account A-20001 is not yours', T),
  ],
  () => [
    serverMessages.update(
      'account',
      1,
      {
        type: 'order',
        data: {
          ...equity,
          ordStatus: 'PARTIALLY_FILLED',
          cumQty: '40',
          leavesQty: '60',
          avgPrice: '189.5',
          lastFillQty: '40',
          lastFillPrice: '189.5',
          updatedAt: iso(1000),
        },
      },
      T,
    ),
    serverMessages.update(
      'account',
      2,
      {
        type: 'position',
        data: toWirePosition({ ...stock, qty: '140', avgPrice: '182.5', updatedAt: iso(1000) }),
      },
      T,
    ),
    serverMessages.update(
      'account',
      3,
      { type: 'balance', data: sampleBalance({ totalEquity: '125400.50', realizedPL: '20' }) },
      T,
    ),
    serverMessages.update(
      'account',
      4,
      { type: 'info', data: sampleInfo({ optionsLevel: 'LEVEL_4', displayName: 'Main' }) },
      T,
    ),
    serverMessages.update('pnl', 1, { type: 'candle', data: candle(T0 + 600, '0.5') }, T),
    serverMessages.update('pnl', 2, { type: 'candle', data: candle(T0 + 900, '4.25') }, T),
    serverMessages.update(
      'watchlist',
      1,
      { type: 'symbolAdded', data: { watchlistId: 1, watchlistName: 'Tech', symbol: 'AMD' } },
      T,
    ),
    serverMessages.update(
      'watchlist',
      2,
      { type: 'symbolRemoved', data: { watchlistId: 1, watchlistName: 'Tech', symbol: 'NVDA' } },
      T,
    ),
    serverMessages.update(
      'watchlist',
      3,
      { type: 'watchlist', data: { id: 2, name: 'Energy+', symbols: ['XOM', 'CVX'] } },
      T,
    ),
    serverMessages.update(
      'watchlist',
      4,
      { type: 'watchlist', data: { id: 3, name: 'New', symbols: ['SPY'] } },
      T,
    ),
    serverMessages.update(
      'watchlist',
      5,
      { type: 'watchlist', data: { id: 1, name: 'Tech', symbols: [], deleted: true } },
      T,
    ),
    serverMessages.update('news', 1, { type: 'article', data: sampleArticle('N-3') }, T),
  ],
  () => [serverMessages.refreshAuth(T + 3_900_000, T + 3_600_000)],
  (_, authId) => [
    serverMessages.authSuccess(authId(), { userId: 'u-1', expiresAt: T + 7_500_000 }, T),
  ],
  () => [
    serverMessages.update(
      'account',
      5,
      {
        type: 'order',
        data: {
          ...equity,
          ordStatus: 'FILLED',
          cumQty: '100',
          leavesQty: '0',
          avgPrice: '189.4',
          updatedAt: iso(2000),
        },
      },
      T,
    ),
    serverMessages.update(
      'account',
      6,
      { type: 'position', data: toWirePosition({ ...call, qty: '0', updatedAt: iso(2000) }) },
      T,
    ),
    serverMessages.update(
      'account',
      7,
      {
        type: 'order',
        data: { ...spread, ordStatus: 'CANCELED', leavesQty: '0', updatedAt: iso(2000) },
      },
      T,
    ),
    serverMessages.error(undefined, 'AUTH_REQUIRED', 'authenticate first', T),
  ],
];

/** Every canonical frame of the script, in order (ids as a first session would send them). */
export function scriptFrames(): Frame[] {
  const out: Frame[] = [];
  for (const step of SCRIPT)
    out.push(
      ...step(
        () => 'sub-x',
        () => 'auth-x',
      ),
    );
  return out;
}

/**
 * Plays the script with each frame spelt by `spell` (default: as our server writes it) and
 * returns the digest of every store. Needs fake timers.
 */
export async function playScript(spell: (frame: Frame) => Frame[] = (f) => [f]): Promise<string> {
  vi.setSystemTime(T);
  const s = await startClientSession(SCRIPT_SUBS, spell);
  const ids = (sub: Subscription) => s.requestId(sub);
  const authId = () => s.ws.lastSent('request').id as string;
  try {
    for (const step of SCRIPT) {
      for (const frame of step(ids, authId)) s.feed(...spell(frame));
      // A refresh asks for a token: let it resolve before the server answers.
      await vi.advanceTimersByTimeAsync(0);
    }
    if (s.socket.getState().status !== 'subscribed')
      throw new Error(`the session ended ${s.socket.getState().status}`);
    return storeDigest();
  } finally {
    s.dispose();
  }
}

/** Fake timers, quiet warnings and empty stores around every test that plays the script. */
export function scriptedSessionHooks(): void {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    resetAllStores();
  });
}
