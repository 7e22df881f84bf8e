import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  AccountInfo,
  Balance,
  Candle,
  NewsArticle,
  Order,
  Position,
  Watchlist,
} from './domain';
import { normalizeServerFrame, normalizeServerMessage, utf8LongerThan } from './normalize';
import { serverMessages, toLegacyOrder } from './server-messages';

const NOW = Date.parse('2026-11-23T13:25:00.000Z');
const TS = '2026-11-23T14:30:00.123Z';

const info: AccountInfo = {
  accountId: 'A-1',
  accountType: 'MARGIN',
  accountClass: 'INDIVIDUAL',
  optionsLevel: 'LEVEL_3',
};
const balance: Balance = {
  accountId: 'A-1',
  pendingOrdersCount: 1,
  sodPositionsMarketValue: '1.00',
  netBuyingPower: '250000.00',
  stockBuyingPower: '1',
  dayTradeBuyingPower: '1',
  optionBuyingPower: '1',
  dayTradeOvernightRegTBuyingPower: '1',
  totalEquity: '125000.00',
  settledFunds: '1',
  unsettledFunds: '0',
  heldBackFunds: '0',
  grossMargin: '0',
  pendingOrdersMarginRequirements: '0',
  maintReq: '0',
  creditMultiplier: '1',
  credit: '0',
  creditRemaining: '0',
  realizedPL: '10.5',
  unRealizedPL: '-3',
  SMA: '5',
  smaCreditRemaining: '0',
  PDT: '0',
  pdtCreditRemaining: '0',
  startOfDayCash: '100',
  valueBought: '0',
  valueSold: '0',
};
const order: Order = {
  ordId: 'O-1',
  clOrdId: 'C-1',
  accountId: 'A-1',
  symbol: 'AAPL',
  side: 'BUY',
  type: 'LIMIT',
  timeInForce: 'DAY',
  qty: '10',
  price: '190.50',
  ordStatus: 'NEW',
  cumQty: '0',
  leavesQty: '10',
  currency: 'USD',
  securityType: 'EQUITY',
  category: 'SINGLE_LEG',
  legs: [],
  createdAt: TS,
  updatedAt: TS,
};
const order2: Order = { ...order, ordId: 'O-2', clOrdId: 'C-2', symbol: 'MSFT' };
const position: Position = {
  accountId: 'A-1',
  symbol: 'AAPL',
  securityType: 'EQUITY',
  qty: '10',
  avgPrice: '180',
  todayRealizedPnL: '0',
  lastPrice: '190',
  marketValue: '1900',
  unrealizedPnL: '100',
  updatedAt: TS,
};
const candle: Candle = {
  accountId: 'A-1',
  interval: '1m',
  t: 1795958700,
  open: '0',
  high: '5',
  low: '-1',
  close: '2',
};
const watchlist: Watchlist = { id: 1, name: 'Tech', symbols: ['AAPL', 'NVDA'] };
const article: NewsArticle = {
  id: 'N-1',
  headline: 'Apple beats',
  summary: 's',
  source: 'wire',
  url: 'https://example.com/n1',
  symbols: ['AAPL'],
  topics: ['earnings'],
  publishedAt: TS,
};

function ok(value: unknown) {
  const r = normalizeServerMessage(value);
  if (!r.ok) throw new Error(`dropped: ${r.reason} ${r.detail}`);
  return r.message;
}
function dropped(value: unknown) {
  const r = normalizeServerMessage(value);
  if (r.ok) throw new Error(`accepted: ${JSON.stringify(r.message)}`);
  return r;
}
const ev = (payload: object, extra: object = {}) => ({
  type: 'event',
  timestamp: TS,
  payload,
  ...extra,
});

describe('serverMessages round-trip', () => {
  it('authSuccess / refreshAuth / authExpired / pong / error / unsubscribed', () => {
    const auth = normalizeServerFrame(
      JSON.stringify(
        serverMessages.authSuccess('a1', { userId: 'u1', expiresAt: NOW + 1000 }, NOW),
      ),
    );
    expect(auth).toEqual({
      ok: true,
      serverTime: NOW,
      message: {
        kind: 'authSuccess',
        id: 'a1',
        userId: 'u1',
        expiresIn: 1000,
        expiresAt: NOW + 1000,
      },
    });
    expect(ok(serverMessages.refreshAuth(NOW + 300, NOW))).toEqual({
      kind: 'refreshAuth',
      expiresIn: 300,
      expiresAt: NOW + 300,
    });
    expect(ok(serverMessages.authExpired(NOW, NOW))).toEqual({
      kind: 'authExpired',
      expiresAt: NOW,
    });
    expect(ok(serverMessages.pong('p1', NOW))).toEqual({ kind: 'pong', id: 'p1' });
    expect(ok(serverMessages.pong(undefined, NOW))).toEqual({ kind: 'pong' });
    expect(ok(serverMessages.error('s2', 'MISSING_START_TIME', 'need startTime', NOW))).toEqual({
      kind: 'error',
      id: 's2',
      code: 'MISSING_START_TIME',
      message: 'need startTime',
    });
    expect(ok(serverMessages.unsubscribed('s5', 'pnl', {}, NOW))).toEqual({
      kind: 'unsubscribed',
      id: 's5',
      topic: 'pnl',
    });
  });

  it('subscribed for every topic', () => {
    const wire = {
      ...info,
      ...balance,
      positions: [position],
      orders: [toLegacyOrder(order)],
      ordersV2: [order],
    };
    expect(ok(serverMessages.subscribed('s1', 'account', { accountId: 'A-1' }, wire, NOW))).toEqual(
      {
        kind: 'subscribed',
        id: 's1',
        topic: 'account',
        params: { accountId: 'A-1' },
        snapshot: { info, balance, positions: [position], orders: [order] },
      },
    );
    expect(
      ok(serverMessages.subscribed('s2', 'pnl', {}, { candles: [candle] }, NOW)),
    ).toMatchObject({
      topic: 'pnl',
      snapshot: { candles: [candle] },
    });
    expect(
      ok(serverMessages.subscribed('s3', 'watchlist', {}, { watchlists: [watchlist] }, NOW)),
    ).toMatchObject({ topic: 'watchlist', snapshot: { watchlists: [watchlist] } });
    expect(
      ok(serverMessages.subscribed(undefined, 'news', {}, { articles: [article] }, NOW)),
    ).toEqual({
      kind: 'subscribed',
      topic: 'news',
      params: {},
      snapshot: { articles: [article] },
    });
  });

  it('update for every topic and type', () => {
    const cases = [
      ['account', { type: 'order', data: order }, { type: 'order', order }],
      ['account', { type: 'position', data: position }, { type: 'position', position }],
      ['account', { type: 'balance', data: balance }, { type: 'balance', balance }],
      ['account', { type: 'info', data: info }, { type: 'info', info }],
      ['pnl', { type: 'candle', data: candle }, { type: 'candle', candle }],
      [
        'watchlist',
        { type: 'symbolAdded', data: { watchlistId: 1, watchlistName: 'Tech', symbol: 'TSLA' } },
        { type: 'symbolAdded', change: { watchlistId: 1, watchlistName: 'Tech', symbol: 'TSLA' } },
      ],
      [
        'watchlist',
        { type: 'symbolRemoved', data: { watchlistId: 1, watchlistName: 'Tech', symbol: 'TSLA' } },
        {
          type: 'symbolRemoved',
          change: { watchlistId: 1, watchlistName: 'Tech', symbol: 'TSLA' },
        },
      ],
      [
        'watchlist',
        { type: 'watchlist', data: { ...watchlist, deleted: true } },
        { type: 'watchlist', watchlist: { ...watchlist, deleted: true } },
      ],
      ['news', { type: 'article', data: article }, { type: 'article', article }],
    ] as const;
    for (const [topic, wire, update] of cases) {
      const frame = serverMessages.update(topic, 7, wire as any, NOW);
      expect(ok(frame)).toEqual({ kind: 'update', topic, seq: 7, update });
    }
  });
});

describe('tolerance', () => {
  it('[TOL-envelope] type response|error|subscribed, id in payload, no timestamp', () => {
    expect(ok({ type: 'response', payload: { action: 'pong', id: 'x' } })).toEqual({
      kind: 'pong',
      id: 'x',
    });
    const r = normalizeServerMessage({ type: 'error', code: 'RATE_LIMITED', message: 'slow down' });
    expect(r).toEqual({
      ok: true,
      message: { kind: 'error', code: 'RATE_LIMITED', message: 'slow down' },
    });
    expect(
      ok({
        type: 'subscribed',
        id: 's',
        payload: { topic: 'watchlist', data: { watchlists: [] } },
      }),
    ).toMatchObject({
      kind: 'subscribed',
      id: 's',
    });
    expect(dropped({ type: 'weird' }).reason).toBe('unknown-type');
  });

  it('[TOL-auth] fields in payload, expiresAt derived, authRequired', () => {
    const before = Date.now();
    const m = ok(ev({ action: 'authSuccess', expiresIn: 5000, userId: 'u' }));
    expect(m.kind).toBe('authSuccess');
    if (m.kind !== 'authSuccess') return;
    expect(m.userId).toBe('u');
    expect(m.expiresAt).toBeGreaterThanOrEqual(before + 5000);
    expect(ok(ev({ action: 'refreshAuth', expiresIn: 1, expiresAt: 9 }))).toEqual({
      kind: 'refreshAuth',
      expiresIn: 1,
      expiresAt: 9,
    });
    expect(ok(ev({ action: 'authRequired' }))).toMatchObject({
      kind: 'error',
      code: 'AUTH_REQUIRED',
    });
  });

  it('[TOL-ack] snapshot under snapshot or flat; topic aliases; legacy orders merged', () => {
    expect(
      ok(ev({ action: 'subscribed', topic: 'pnlCandle', snapshot: { candles: [candle] } })),
    ).toMatchObject({ topic: 'pnl', snapshot: { candles: [candle] } });
    expect(
      ok(ev({ action: 'subscribed', topic: 'watchlistUpdates', watchlists: [watchlist] })),
    ).toMatchObject({
      topic: 'watchlist',
      snapshot: { watchlists: [watchlist] },
    });
    const closed = { ...position, symbol: 'MSFT', qty: '0' };
    const m = ok(
      ev({
        action: 'subscribed',
        topic: 'accUpdates',
        data: {
          ...info,
          ...balance,
          positions: [position, closed],
          orders: [toLegacyOrder(order), toLegacyOrder(order2)],
          ordersV2: [order],
        },
      }),
    );
    expect(m).toMatchObject({
      topic: 'account',
      snapshot: { positions: [position], orders: [order, order2] },
    });
    expect(ok(ev({ action: 'unsubscribed', topic: 'accUpdates' }))).toEqual({
      kind: 'unsubscribed',
      topic: 'account',
    });
  });

  it('[TOL-updates] dotted event and top-level topic + payload.event', () => {
    expect(ok(ev({ event: 'account.order', data: order }))).toEqual({
      kind: 'update',
      topic: 'account',
      update: { type: 'order', order },
    });
    expect(
      ok({ type: 'event', topic: 'account', payload: { event: 'accountInfo', data: info } }),
    ).toEqual({
      kind: 'update',
      topic: 'account',
      update: { type: 'info', info },
    });
  });

  it('[TOL-errors] code in error when UPPER_SNAKE, text in message, top level', () => {
    expect(ok(ev({ action: 'error', error: 'ACCESS_DENIED', message: 'not yours' }))).toEqual({
      kind: 'error',
      code: 'ACCESS_DENIED',
      message: 'not yours',
    });
    expect(ok({ type: 'error', id: 'e', code: 'X_Y', error: 'boom' })).toEqual({
      kind: 'error',
      id: 'e',
      code: 'X_Y',
      message: 'boom',
    });
  });

  it('[TOL-orders] legacy names, CS/OPT, leg aliases, empty strings, currency default', () => {
    const legacy = {
      orderId: 'O-9',
      accountId: 'A-1',
      symbol: 'AAPL',
      side: 'BUY',
      orderType: 'LIMIT',
      status: 'WORKING',
      tif: 'GTC',
      quantity: 2,
      filledQty: '0',
      price: 1.5,
      stopPrice: '',
      instrument: 'OPT',
      destination: 'ARCA',
      legs: [
        {
          symbol: 'AAPL  261218C00200000',
          side: 'B',
          ratio: 1,
          positionEffect: 'O',
          expiration: '2026-12-18',
          strike: '200',
          putCall: 'C',
        },
      ],
      createdAt: TS,
      updatedAt: TS,
    };
    const m = ok(ev({ action: 'update', topic: 'account', type: 'order', data: legacy }));
    expect(m).toMatchObject({
      update: {
        order: {
          ordId: 'O-9',
          clOrdId: '',
          type: 'LIMIT',
          ordStatus: 'NEW',
          timeInForce: 'GTC',
          qty: '2',
          cumQty: '0',
          leavesQty: '2',
          price: '1.5',
          currency: 'USD',
          exDestination: 'ARCA',
          securityType: 'OPTION',
          category: 'SINGLE_LEG',
          legs: [
            {
              side: 'BUY',
              ratioQty: '1',
              positionEffect: 'OPEN',
              securityType: 'OPTION',
              maturity: '2026-12-18',
              strikePrice: '200',
              putCall: 'CALL',
            },
          ],
        },
      },
    });
    if (m.kind === 'update' && m.update.type === 'order')
      expect('stopPrice' in m.update.order).toBe(false);
    const cs = ok(ev({ event: 'account.order', data: { ...order, securityType: 'CS' } }));
    expect(cs).toMatchObject({ update: { order: { securityType: 'EQUITY' } } });
  });

  it('[TOL-positions] aliases and missing numbers as "0"', () => {
    const m = ok(
      ev({
        event: 'account.position',
        data: {
          accountId: 'A-1',
          symbol: 'AAPL',
          instrument: 'CS',
          quantity: 5,
          averagePrice: '10',
          realizedPl: '1',
          unrealizedPl: '2',
          updatedAt: TS,
        },
      }),
    );
    expect(m).toMatchObject({
      update: {
        position: {
          securityType: 'EQUITY',
          qty: '5',
          avgPrice: '10',
          todayRealizedPnL: '1',
          unrealizedPnL: '2',
          lastPrice: '0',
          marketValue: '0',
        },
      },
    });
    const m2 = ok(
      ev({
        event: 'account.position',
        data: {
          ...position,
          avgPrice: undefined,
          avgCost: '7',
          todayRealizedPnL: undefined,
          realizedPL: '3',
        },
      }),
    );
    expect(m2).toMatchObject({ update: { position: { avgPrice: '7', todayRealizedPnL: '3' } } });
  });

  it('[TOL-balances] REST casing and partial updates', () => {
    const m = ok(
      ev({
        action: 'update',
        topic: 'account',
        type: 'balance',
        data: { accountId: 'A-1', realizedPl: '1', unrealizedPl: 2, sma: '3', pdt: '4' },
      }),
    );
    expect(m).toEqual({
      kind: 'update',
      topic: 'account',
      update: {
        type: 'balance',
        balance: { accountId: 'A-1', realizedPL: '1', unRealizedPL: '2', SMA: '3', PDT: '4' },
      },
    });
  });

  it('[TOL-candles-news-watchlist] t/o/h/l/c, ms t, articleId/title, string ids', () => {
    expect(
      ok(
        ev({
          action: 'update',
          topic: 'pnl',
          type: 'candle',
          data: { accountId: 'A-1', interval: '1m', t: 1795958700000, o: 0, h: '5', l: '-1', c: 2 },
        }),
      ),
    ).toMatchObject({ update: { candle } });
    expect(
      ok(
        ev({
          action: 'update',
          topic: 'news',
          type: 'article',
          data: { articleId: 'N-1', title: 'Hi', publishedAt: TS },
        }),
      ),
    ).toMatchObject({
      update: {
        article: {
          id: 'N-1',
          headline: 'Hi',
          summary: '',
          source: '',
          url: '',
          symbols: [],
          topics: [],
        },
      },
    });
    expect(
      ok(
        ev({
          action: 'subscribed',
          topic: 'watchlist',
          data: { watchlists: [{ ...watchlist, id: '1' }] },
        }),
      ),
    ).toMatchObject({ snapshot: { watchlists: [watchlist] } });
    expect(
      ok(
        ev({
          action: 'update',
          topic: 'watchlist',
          type: 'symbolAdded',
          data: { watchlistId: '3', watchlistName: 'X', symbol: 'A' },
        }),
      ),
    ).toMatchObject({ update: { change: { watchlistId: 3 } } });
  });

  it('[TOL-decimals] numbers via big.js; NaN/Infinity rejected', () => {
    expect(
      ok(ev({ event: 'account.balance', data: { accountId: 'A-1', totalEquity: 0.1 } })),
    ).toMatchObject({
      update: { balance: { totalEquity: '0.1' } },
    });
    expect(
      ok(ev({ event: 'account.balance', data: { accountId: 'A-1', totalEquity: 1e21 } })),
    ).toMatchObject({
      update: { balance: { totalEquity: '1000000000000000000000' } },
    });
    expect(
      dropped(ev({ event: 'account.balance', data: { accountId: 'A-1', totalEquity: NaN } }))
        .reason,
    ).toBe('invalid-payload');
    expect(
      dropped(ev({ event: 'account.balance', data: { accountId: 'A-1', totalEquity: Infinity } }))
        .reason,
    ).toBe('invalid-payload');
  });

  it('[TOL-drops] unknown action/topic/update type; invalid payload detail', () => {
    expect(dropped(ev({ action: 'dance' })).reason).toBe('unknown-action');
    expect(dropped(ev({ action: 'subscribed', topic: 'quotes', data: {} })).reason).toBe(
      'unknown-topic',
    );
    expect(dropped(ev({ action: 'update', topic: 'pnl', type: 'bar', data: {} })).reason).toBe(
      'unknown-update-type',
    );
    const r = dropped(
      ev({ action: 'update', topic: 'account', type: 'info', data: { ...info, accountType: 'X' } }),
    );
    expect(r.reason).toBe('invalid-payload');
    expect(r.detail).toMatch(/^data\.accountType: /);
  });

  it('[TOL-frame] binary, oversize, not-json, not-object', () => {
    expect(normalizeServerFrame(new ArrayBuffer(2))).toMatchObject({ ok: false, reason: 'binary' });
    expect(normalizeServerFrame('{"type":"pong"}', { maxBytes: 5 })).toMatchObject({
      ok: false,
      reason: 'oversize',
    });
    expect(normalizeServerFrame('{"type":"pong"}', { maxBytes: 100 })).toMatchObject({ ok: true });
    expect(normalizeServerFrame('{nope')).toMatchObject({ ok: false, reason: 'not-json' });
    expect(normalizeServerFrame('[1]')).toMatchObject({ ok: false, reason: 'not-object' });
    expect(normalizeServerFrame('null')).toMatchObject({ ok: false, reason: 'not-object' });
  });
});

describe('fuzz', () => {
  it('arbitrary JSON never throws', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        normalizeServerMessage(v);
        normalizeServerFrame(JSON.stringify(v));
      }),
      { numRuns: 500 },
    );
    const shaped = fc.record({
      type: fc.constantFrom('event', 'response', 'error', 'subscribed', 'pong'),
      payload: fc.record({
        action: fc.constantFrom('update', 'subscribed', 'error', 'authSuccess', 'authExpired', 'x'),
        topic: fc.constantFrom('account', 'pnl', 'watchlist', 'news', 'accUpdates'),
        type: fc.constantFrom(
          'order',
          'position',
          'balance',
          'info',
          'candle',
          'article',
          'watchlist',
        ),
        event: fc.option(fc.constantFrom('account.order', 'accountInfo', 'x.y')),
        data: fc.jsonValue(),
      }),
    });
    fc.assert(
      fc.property(shaped, (v) => {
        expect(() => normalizeServerMessage(v)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});

describe('utf8LongerThan', () => {
  it('[TOL-frame-bytes] counts UTF-8 bytes exactly as TextEncoder does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.nat(40), (s, max) => {
        expect(utf8LongerThan(s, max)).toBe(new TextEncoder().encode(s).length > max);
      }),
      { numRuns: 500 },
    );
    // Lone surrogates encode as U+FFFD (3 bytes); a pair is 4.
    for (const s of ['\ud83d', '\ude00x', '😀', 'é', 'a\ud83dé'])
      for (let max = 0; max < 8; max++)
        expect(utf8LongerThan(s, max)).toBe(new TextEncoder().encode(s).length > max);
  });
});
