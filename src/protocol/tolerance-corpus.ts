/**
 * Every spelling the broker's contract tolerates (its "Tolerance" list), as a named rewrite of a
 * frame our server writes. Applied to a canonical frame, a spelling yields the frame(s) a
 * production server might send instead, carrying the same information; the client must end
 * in the same state either way (tolerance-corpus.test.ts, tolerance-property.test.ts). The
 * embedded server can speak them too (`SPELLINGS_SEED`), for end-to-end runs.
 */
import { BALANCE_DECIMAL_FIELDS } from './domain';

// Frames are plain JSON here: the point is to write what our types do not allow.
/* eslint-disable @typescript-eslint/no-explicit-any */
export type Frame = Record<string, any>;

export type Spelling = {
  /** What the rewrite does, in the contract's words. */
  name: string;
  applies(frame: Frame): boolean;
  /** One or more frames that together say what `frame` says. */
  respell(frame: Frame): Frame[];
};

const action = (f: Frame): unknown => f.payload?.action;
const is =
  (...actions: string[]) =>
  (f: Frame): boolean =>
    actions.includes(action(f) as string);
const clone = <T>(v: T): T => structuredClone(v);

function omit(o: Frame, ...keys: string[]): Frame {
  const out = { ...o };
  for (const k of keys) delete out[k];
  return out;
}

function rename(o: Frame, from: string, to: string): void {
  if (from in o) {
    o[to] = o[from];
    delete o[from];
  }
}

/** A frame with its payload replaced (everything else kept). */
const withPayload = (f: Frame, payload: Frame): Frame => ({ ...f, payload });

// ---------------------------------------------------------------- records inside frames

type Kind = 'order' | 'position' | 'balance' | 'candle' | 'article' | 'watchlist' | 'change';

/** The records of `kind` a frame carries (update data, or inside an ack's snapshot). */
function records(f: Frame, kind: Kind): Frame[] {
  const p = f.payload ?? {};
  if (action(f) === 'update') {
    const t = p.type;
    const match =
      (kind === 'order' && t === 'order') ||
      (kind === 'position' && t === 'position') ||
      (kind === 'balance' && t === 'balance') ||
      (kind === 'candle' && t === 'candle') ||
      (kind === 'article' && t === 'article') ||
      (kind === 'watchlist' && t === 'watchlist') ||
      (kind === 'change' && (t === 'symbolAdded' || t === 'symbolRemoved'));
    return match && p.data ? [p.data] : [];
  }
  if (action(f) !== 'subscribed' || !p.data) return [];
  const d = p.data;
  switch (kind) {
    case 'order':
      return p.topic === 'account' ? [...(d.ordersV2 ?? [])] : [];
    case 'position':
      return p.topic === 'account' ? [...(d.positions ?? [])] : [];
    case 'balance':
      return p.topic === 'account' ? [d] : [];
    case 'candle':
      return p.topic === 'pnl' ? [...(d.candles ?? [])] : [];
    case 'article':
      return p.topic === 'news' ? [...(d.articles ?? [])] : [];
    case 'watchlist':
      return p.topic === 'watchlist' ? [...(d.watchlists ?? [])] : [];
    case 'change':
      return [];
  }
}

function carries(kind: Kind): (f: Frame) => boolean {
  return (f) => records(f, kind).length > 0;
}

/** Rewrites each record of `kind` in a copy of `f`. */
function eachRecord(kind: Kind, fn: (r: Frame) => void): (f: Frame) => Frame[] {
  return (f) => {
    const copy = clone(f);
    for (const r of records(copy, kind)) fn(r);
    return [copy];
  };
}

const DECIMAL_FIELDS = new Set<string>([
  ...BALANCE_DECIMAL_FIELDS,
  'qty',
  'price',
  'stopPrice',
  'cumQty',
  'leavesQty',
  'avgPrice',
  'lastFillQty',
  'lastFillPrice',
  'ratioQty',
  'strikePrice',
  'avgCost',
  'todayRealizedPnL',
  'lastPrice',
  'marketValue',
  'unrealizedPnL',
  'multiplier',
  'open',
  'high',
  'low',
  'close',
]);

const exactAsNumber = (k: string, x: unknown): boolean =>
  typeof x === 'string' && DECIMAL_FIELDS.has(k) && String(Number(x)) === x;

/** Whether some decimal string in `v` would become a number (stops at the first). */
function hasExactDecimal(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(hasExactDecimal);
  if (typeof v !== 'object' || v === null) return false;
  for (const [k, x] of Object.entries(v as Frame)) {
    if (exactAsNumber(k, x) || hasExactDecimal(x)) return true;
  }
  return false;
}

/** Decimal strings that a JSON number spells exactly ("230.5", not "230.50") become numbers. */
function decimalsAsNumbers(v: unknown): void {
  if (Array.isArray(v)) return v.forEach(decimalsAsNumbers);
  if (typeof v !== 'object' || v === null) return;
  const o = v as Frame;
  for (const [k, x] of Object.entries(o)) {
    if (exactAsNumber(k, x)) o[k] = Number(x as string);
    else decimalsAsNumbers(x);
  }
}

const TOPIC_ALIASES: Record<string, string> = {
  watchlist: 'watchlistUpdates',
  account: 'accUpdates',
  pnl: 'pnlCandle',
};

const SIDE: Record<string, string> = { BUY: 'B', SELL: 'S' };
const PUT_CALL: Record<string, string> = { CALL: 'C', PUT: 'P' };
const EFFECT: Record<string, string> = { OPEN: 'O', CLOSE: 'C' };
const ORDER_OPTIONAL = [
  'clientId',
  'price',
  'stopPrice',
  'avgPrice',
  'exDestination',
  'text',
  'ordRejReason',
  'lastFillQty',
  'lastFillPrice',
  'expireDate',
];

// ---------------------------------------------------------------- the spellings

export const SPELLINGS: readonly Spelling[] = [
  // envelope
  {
    name: 'envelope type "response"',
    applies: (f) => f.type === 'event',
    respell: (f) => [{ ...f, type: 'response' }],
  },
  {
    name: 'envelope type "subscribed" for an ack (no action)',
    applies: is('subscribed'),
    respell: (f) => [{ ...f, type: 'subscribed', payload: omit(f.payload, 'action') }],
  },
  {
    name: 'envelope type "error" for an error (no action)',
    applies: is('error'),
    respell: (f) => [{ ...f, type: 'error', payload: omit(f.payload, 'action') }],
  },
  {
    name: 'id only in payload.id',
    applies: (f) => f.id !== undefined && f.payload?.id !== undefined,
    respell: (f) => [omit(f, 'id')],
  },
  {
    name: 'id only at the top level',
    applies: (f) => f.id !== undefined && f.payload?.id !== undefined,
    respell: (f) => [withPayload(f, omit(f.payload, 'id'))],
  },
  {
    name: 'timestamp absent',
    applies: (f) => f.timestamp !== undefined,
    respell: (f) => [
      f.payload
        ? withPayload(omit(f, 'timestamp'), omit(f.payload, 'timestamp'))
        : omit(f, 'timestamp'),
    ],
  },
  // auth events
  {
    name: 'auth expiry fields directly in payload',
    applies: is('authSuccess', 'refreshAuth', 'authExpired'),
    respell: (f) => [withPayload(f, { ...omit(f.payload, 'data'), ...f.payload.data })],
  },
  {
    name: 'auth expiresAt absent (derived from expiresIn)',
    applies: (f) => is('authSuccess', 'refreshAuth')(f) && f.payload.data?.expiresIn !== undefined,
    respell: (f) => [withPayload(f, { ...f.payload, data: omit(f.payload.data, 'expiresAt') })],
  },
  {
    name: 'authRequired as an action instead of an AUTH_REQUIRED error',
    applies: (f) => is('error')(f) && f.payload.code === 'AUTH_REQUIRED',
    respell: (f) => [
      withPayload(f, {
        action: 'authRequired',
        message: f.payload.error,
        timestamp: f.payload.timestamp,
      }),
    ],
  },
  // acks
  {
    name: 'ack snapshot under "snapshot"',
    applies: (f) => is('subscribed')(f) && f.payload.data !== undefined,
    respell: (f) => [withPayload(f, { ...omit(f.payload, 'data'), snapshot: f.payload.data })],
  },
  {
    name: 'ack snapshot flat in payload',
    applies: (f) => is('subscribed')(f) && f.payload.data !== undefined,
    respell: (f) => [withPayload(f, { ...omit(f.payload, 'data'), ...f.payload.data })],
  },
  // updates
  {
    name: 'update as {event:"topic.type", data} (dotted names)',
    applies: is('update'),
    respell: (f) => {
      const { topic, type, data, seq } = f.payload;
      return [
        {
          type: 'event',
          timestamp: f.timestamp,
          payload: { event: `${topic}.${type}`, data, seq },
        },
      ];
    },
  },
  {
    name: 'update with top-level topic and payload.event',
    applies: is('update'),
    respell: (f) => {
      const { topic, type, data, seq } = f.payload;
      const event = type === 'info' ? 'accountInfo' : type;
      return [{ type: 'event', topic, timestamp: f.timestamp, payload: { event, data, seq } }];
    },
  },
  // errors
  {
    name: 'error code in "error", text in "message"',
    applies: is('error'),
    respell: (f) => [
      withPayload(f, {
        ...omit(f.payload, 'code', 'error'),
        error: f.payload.code,
        message: f.payload.error,
      }),
    ],
  },
  {
    name: 'error text in "message"',
    applies: is('error'),
    respell: (f) => [withPayload(f, { ...omit(f.payload, 'error'), message: f.payload.error })],
  },
  {
    name: 'error fields at the top level',
    applies: is('error'),
    respell: (f) => [{ ...f, ...f.payload, type: 'event', payload: {} }],
  },
  // topics
  {
    name: 'topic aliases (watchlistUpdates, accUpdates, pnlCandle)',
    applies: (f) => is('subscribed', 'update')(f) && f.payload.topic in TOPIC_ALIASES,
    respell: (f) => [withPayload(f, { ...f.payload, topic: TOPIC_ALIASES[f.payload.topic] })],
  },
  // orders
  {
    name: 'orders with legacy names (orderId, orderType, status WORKING, tif, quantity, filledQty, instrument)',
    applies: carries('order'),
    respell: eachRecord('order', (o) => {
      rename(o, 'ordId', 'orderId');
      rename(o, 'type', 'orderType');
      if (o.ordStatus === 'NEW') o.ordStatus = 'WORKING';
      rename(o, 'ordStatus', 'status');
      rename(o, 'timeInForce', 'tif');
      rename(o, 'qty', 'quantity');
      rename(o, 'cumQty', 'filledQty');
      rename(o, 'securityType', 'instrument');
      rename(o, 'exDestination', 'destination');
    }),
  },
  {
    name: 'order securityType CS / OPT',
    applies: (f) =>
      records(f, 'order').some((o) => o.securityType === 'EQUITY' || o.securityType === 'OPTION'),
    respell: eachRecord('order', (o) => {
      if (o.securityType === 'EQUITY') o.securityType = 'CS';
      else if (o.securityType === 'OPTION') o.securityType = 'OPT';
    }),
  },
  {
    name: 'order legs as strike / expiration / ratio, B/S, C/P, O/C',
    applies: (f) => records(f, 'order').some((o) => o.legs?.length > 0),
    respell: eachRecord('order', (o) => {
      for (const l of o.legs ?? []) {
        rename(l, 'strikePrice', 'strike');
        rename(l, 'maturity', 'expiration');
        rename(l, 'ratioQty', 'ratio');
        l.side = SIDE[l.side] ?? l.side;
        l.putCall = PUT_CALL[l.putCall] ?? l.putCall;
        l.positionEffect = EFFECT[l.positionEffect] ?? l.positionEffect;
      }
    }),
  },
  {
    name: 'order fields left unset sent as empty strings',
    applies: (f) => records(f, 'order').some((o) => ORDER_OPTIONAL.some((k) => o[k] === undefined)),
    respell: eachRecord('order', (o) => {
      for (const k of ORDER_OPTIONAL) if (o[k] === undefined) o[k] = '';
    }),
  },
  // positions
  {
    name: 'positions with primaries only',
    applies: carries('position'),
    respell: eachRecord('position', (p) => {
      delete p.avgCost;
      delete p.realizedPL;
      delete p.instrument;
    }),
  },
  {
    name: 'positions with aliases only (avgCost, realizedPL, instrument)',
    applies: carries('position'),
    respell: eachRecord('position', (p) => {
      p.avgCost = p.avgPrice;
      p.realizedPL = p.todayRealizedPnL;
      p.instrument = p.securityType;
      delete p.avgPrice;
      delete p.todayRealizedPnL;
      delete p.securityType;
    }),
  },
  {
    name: 'positions as quantity / averagePrice / realizedPl / unrealizedPl',
    applies: carries('position'),
    respell: eachRecord('position', (p) => {
      delete p.avgCost;
      delete p.realizedPL;
      rename(p, 'qty', 'quantity');
      rename(p, 'avgPrice', 'averagePrice');
      rename(p, 'todayRealizedPnL', 'realizedPl');
      rename(p, 'unrealizedPnL', 'unrealizedPl');
    }),
  },
  // balances
  {
    name: 'balances in REST casing (realizedPl, unrealizedPl, sma, pdt)',
    applies: carries('balance'),
    respell: eachRecord('balance', (b) => {
      rename(b, 'realizedPL', 'realizedPl');
      rename(b, 'unRealizedPL', 'unrealizedPl');
      rename(b, 'SMA', 'sma');
      rename(b, 'PDT', 'pdt');
    }),
  },
  {
    name: 'a balance update in two partial balances (merged into the last full one)',
    applies: (f) => is('update')(f) && f.payload.type === 'balance',
    respell: (f) => {
      const { accountId, ...fields } = f.payload.data;
      const keys = Object.keys(fields);
      const half = Math.ceil(keys.length / 2);
      const part = (ks: string[]) => ({
        accountId,
        ...Object.fromEntries(ks.map((k) => [k, fields[k]])),
      });
      // Only the last part keeps `seq`: a client checks it for gaps.
      return [
        withPayload(f, { ...omit(f.payload, 'seq'), data: part(keys.slice(0, half)) }),
        withPayload(f, { ...f.payload, data: part(keys.slice(half)) }),
      ];
    },
  },
  // candles, news, watchlists, decimals
  {
    name: 'candles as t/o/h/l/c',
    applies: carries('candle'),
    respell: eachRecord('candle', (c) => {
      rename(c, 'open', 'o');
      rename(c, 'high', 'h');
      rename(c, 'low', 'l');
      rename(c, 'close', 'c');
    }),
  },
  {
    name: 'short-form candles {t,o,h,l,c} without accountId / interval',
    applies: carries('candle'),
    respell: eachRecord('candle', (c) => {
      delete c.accountId;
      delete c.interval;
      rename(c, 'open', 'o');
      rename(c, 'high', 'h');
      rename(c, 'low', 'l');
      rename(c, 'close', 'c');
    }),
  },
  {
    name: 'news as articleId / title',
    applies: carries('article'),
    respell: eachRecord('article', (a) => {
      rename(a, 'id', 'articleId');
      rename(a, 'headline', 'title');
    }),
  },
  {
    name: 'watchlist ids as strings',
    applies: (f) => carries('watchlist')(f) || carries('change')(f),
    respell: (f) => {
      const copy = clone(f);
      for (const w of records(copy, 'watchlist')) w.id = String(w.id);
      for (const c of records(copy, 'change')) c.watchlistId = String(c.watchlistId);
      return [copy];
    },
  },
  {
    name: 'decimals as JSON numbers',
    applies: (f) => hasExactDecimal(f.payload?.data),
    respell: (f) => {
      const copy = clone(f);
      decimalsAsNumbers(copy.payload?.data);
      return [copy];
    },
  },
  // unknowns
  {
    name: 'unknown fields, kept and ignored',
    applies: (f) => f.payload !== undefined,
    respell: (f) => {
      const copy = clone(f);
      copy.vendor = { build: 7 };
      copy.payload.vendorTrace = 'abc';
      const d = copy.payload.data;
      if (d && typeof d === 'object' && !Array.isArray(d)) d.vendorNote = 'n/a';
      return [copy];
    },
  },
  {
    name: 'an unknown action, topic and type beside it, counted and dropped',
    applies: (f) => f.type === 'event',
    respell: (f) => [
      { type: 'event', payload: { action: 'heartbeat', data: {} } },
      { type: 'event', payload: { action: 'update', topic: 'margin', type: 'call', data: {} } },
      { type: 'event', payload: { action: 'update', topic: 'news', type: 'retraction', data: {} } },
      f,
    ],
  },
];

/** The spellings that can rewrite `frame`. */
export function spellingsFor(frame: Frame): Spelling[] {
  return SPELLINGS.filter((s) => s.applies(frame));
}

/**
 * `GET /v1/accounts` bodies: ours is `{accounts:[AccountInfo]}`; each rewrite is a tolerated
 * spelling of the same list (the REST record keeps `account_id` so the id stays known).
 */
export const ACCOUNTS_BODY_SPELLINGS: readonly { name: string; respell(body: Frame): unknown }[] = [
  { name: 'a bare array', respell: (b) => b.accounts },
  { name: '{data:[…]}', respell: (b) => ({ data: b.accounts }) },
  {
    name: "the broker's REST user-accounts record",
    respell: (b) => ({
      accounts: (b.accounts as Frame[]).map((a, i) => ({
        id: i + 1,
        account_id: a.accountId,
        fdid: `FDID-${i + 1}`,
        apex_account_id: `APEX-${i + 1}`,
        status: a.status ?? 'OPEN',
        is_sim: false,
        account_type: a.accountClass,
        account_class: a.accountType,
        options_level: a.optionsLevel,
      })),
    }),
  },
];
