/**
 * The client's single inbound edge: every spelling production is known or allowed to use
 * becomes one canonical `InboundMessage`, validated with the domain schemas.
 * Nothing here throws; every failure is a counted `DropReason`.
 */
import Big from 'big.js';
import type { Topic } from './codes';
import { BALANCE_DECIMAL_FIELDS } from './domain';
import type { DecodedMessage, DropContext, DropReason, NormalizeResult } from './inbound';
import { resolveTopic } from './subscriptions';
import type { ValidatedName } from './validated-schemas';
import { validateAs, type Validated } from './validators';

/**
 * The largest frame the client accepts. An account snapshot of 100,000 orders is about 46 MB
 * of JSON (bench/big-blotter.ts), so the cap sits above that; anything larger is refused with
 * a clear error rather than parsed.
 */
export const DEFAULT_MAX_INBOUND_BYTES = 64 * 1024 * 1024;

type Obj = Record<string, unknown>;

class Drop extends Error {
  about: DropContext | undefined;
  constructor(
    readonly reason: DropReason,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/**
 * Runs `read`, tagging an unreadable payload with the subscription its envelope names. An
 * unknown update type is not tagged: the contract counts and drops it, never fails the topic.
 */
function about<T>(context: DropContext, read: () => T): T {
  try {
    return read();
  } catch (e) {
    const drop = e instanceof Drop ? e : new Drop('invalid-payload', String(e));
    if (drop.reason === 'invalid-payload') drop.about ??= context;
    throw drop;
  }
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A non-empty string (numbers become strings); empty strings count as absent. */
function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** The first present value among `keys` (empty strings and null count as absent). */
function pick(o: Obj, ...keys: string[]): unknown {
  for (const k of keys) {
    const v = o[k];
    if (v !== undefined && v !== null && v !== '') return v;
  }
  return undefined;
}

/** Decimal: strings kept, JSON numbers read through big.js; NaN/Infinity rejected. */
function dec(v: unknown, field: string): unknown {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Drop('invalid-payload', `${field}: not a finite number`);
    return new Big(v).toFixed();
  }
  return v;
}

function int(v: unknown): unknown {
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number.parseInt(v, 10);
  return v;
}

function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

/** Copies defined values only, so optional fields stay absent rather than `undefined`. */
// for-in, not Object.entries: a 100k-order snapshot spent 0.6 s building the entry pairs.
function compact(o: Obj): Obj {
  const out: Obj = {};
  for (const k in o) {
    const v = o[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

function validate<N extends ValidatedName>(name: N, value: unknown, where: string): Validated<N> {
  const r = validateAs(name, value);
  if (r.success) return r.data;
  const path = [where, ...r.path.map(String)].filter(Boolean).join('.');
  throw new Drop('invalid-payload', `${path}: ${r.message}`);
}

function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function obj(v: unknown): Obj {
  return isObj(v) ? v : {};
}

// ---------------------------------------------------------------- domain objects

const SECURITY_TYPE_ALIASES: Record<string, string> = { CS: 'EQUITY', OPT: 'OPTION' };
const ORDER_STATUS_ALIASES: Record<string, string> = { WORKING: 'NEW' };
const SIDE_ALIASES: Record<string, string> = { B: 'BUY', S: 'SELL' };
const PUT_CALL_ALIASES: Record<string, string> = { C: 'CALL', P: 'PUT' };
const EFFECT_ALIASES: Record<string, string> = { O: 'OPEN', C: 'CLOSE' };

function alias(v: unknown, map: Record<string, string>): unknown {
  const s = str(v);
  if (s === undefined) return undefined;
  return map[s.toUpperCase()] ?? s;
}

function dateOnly(v: unknown): unknown {
  const s = str(v);
  if (s && /^\d{4}-\d{2}-\d{2}T/.test(s)) return s.slice(0, 10);
  return s;
}

function normLeg(raw: unknown): unknown {
  const l = obj(raw);
  return compact({
    symbol: str(l.symbol),
    side: alias(l.side, SIDE_ALIASES),
    ratioQty: dec(pick(l, 'ratioQty', 'ratio'), 'ratioQty') ?? '1',
    positionEffect: alias(l.positionEffect, EFFECT_ALIASES),
    securityType: alias(l.securityType, SECURITY_TYPE_ALIASES) ?? 'OPTION',
    maturity: dateOnly(pick(l, 'maturity', 'expiration')),
    strikePrice: dec(pick(l, 'strikePrice', 'strike'), 'strikePrice'),
    putCall: alias(l.putCall, PUT_CALL_ALIASES),
  });
}

/** An order's id in either spelling, read the same wherever an order is matched by id. */
const orderIdOf = (o: Obj): string | undefined => str(pick(o, 'ordId', 'orderId'));

function normOrder(raw: unknown): Obj {
  const o = obj(raw);
  const legs = arr(o.legs).map(normLeg);
  const qty = dec(pick(o, 'qty', 'quantity'), 'qty');
  const cumQty = dec(pick(o, 'cumQty', 'filledQty'), 'cumQty') ?? '0';
  let leavesQty = dec(o.leavesQty, 'leavesQty');
  if (leavesQty === undefined && typeof qty === 'string' && typeof cumQty === 'string') {
    try {
      leavesQty = new Big(qty).minus(new Big(cumQty)).toFixed();
    } catch {
      leavesQty = undefined;
    }
  }
  const securityType =
    alias(pick(o, 'securityType', 'instrument'), SECURITY_TYPE_ALIASES) ??
    (legs.length === 0 ? 'EQUITY' : legs.length === 1 ? 'OPTION' : 'MULTI_LEG');
  const category = str(o.category) ?? (legs.length >= 2 ? 'MULTI_LEG' : 'SINGLE_LEG');
  const createdAt = str(o.createdAt);
  return compact({
    ordId: orderIdOf(o),
    clOrdId: str(o.clOrdId) ?? '',
    accountId: str(o.accountId),
    clientId: str(o.clientId),
    symbol: str(o.symbol),
    side: alias(o.side, SIDE_ALIASES),
    type: str(pick(o, 'type', 'orderType')),
    timeInForce: str(pick(o, 'timeInForce', 'tif')),
    qty,
    price: dec(o.price, 'price'),
    stopPrice: dec(o.stopPrice, 'stopPrice'),
    ordStatus: alias(pick(o, 'ordStatus', 'status'), ORDER_STATUS_ALIASES),
    cumQty,
    leavesQty,
    avgPrice: dec(o.avgPrice, 'avgPrice'),
    currency: str(o.currency) ?? 'USD',
    exDestination: str(pick(o, 'exDestination', 'destination')),
    text: str(o.text),
    ordRejReason: str(o.ordRejReason),
    securityType,
    category,
    legs,
    createdAt,
    updatedAt: str(o.updatedAt) ?? createdAt,
    lastFillQty: dec(o.lastFillQty, 'lastFillQty'),
    lastFillPrice: dec(o.lastFillPrice, 'lastFillPrice'),
    expireDate: dateOnly(o.expireDate),
  });
}

function normPosition(raw: unknown): Obj {
  const p = obj(raw);
  const putCall = alias(p.putCall, PUT_CALL_ALIASES);
  const d = (v: unknown, f: string): unknown => dec(v, f) ?? '0';
  return compact({
    accountId: str(p.accountId),
    symbol: str(p.symbol),
    securityType:
      alias(pick(p, 'securityType', 'instrument'), SECURITY_TYPE_ALIASES) ??
      (putCall !== undefined ? 'OPTION' : 'EQUITY'),
    qty: d(pick(p, 'qty', 'quantity'), 'qty'),
    avgPrice: d(pick(p, 'avgPrice', 'avgCost', 'averagePrice'), 'avgPrice'),
    todayRealizedPnL: d(
      pick(p, 'todayRealizedPnL', 'realizedPL', 'realizedPl', 'realizedPnL'),
      'todayRealizedPnL',
    ),
    lastPrice: d(p.lastPrice, 'lastPrice'),
    marketValue: d(p.marketValue, 'marketValue'),
    unrealizedPnL: d(
      pick(p, 'unrealizedPnL', 'unrealizedPl', 'unrealizedPL', 'unRealizedPL'),
      'unrealizedPnL',
    ),
    updatedAt: str(p.updatedAt),
    underlying: str(p.underlying),
    putCall,
    strikePrice: dec(pick(p, 'strikePrice', 'strike'), 'strikePrice'),
    maturity: dateOnly(pick(p, 'maturity', 'expiration')),
    multiplier: dec(p.multiplier, 'multiplier'),
  });
}

const BALANCE_ALIASES: Partial<Record<string, string[]>> = {
  realizedPL: ['realizedPl'],
  unRealizedPL: ['unrealizedPl', 'unrealizedPL'],
  SMA: ['sma'],
  PDT: ['pdt'],
};

function normBalance(raw: unknown): Obj {
  const b = obj(raw);
  const out: Obj = { accountId: str(b.accountId) };
  const count = int(b.pendingOrdersCount);
  if (count !== undefined && count !== null && count !== '') out.pendingOrdersCount = count;
  for (const f of BALANCE_DECIMAL_FIELDS) {
    out[f] = dec(pick(b, f, ...(BALANCE_ALIASES[f] ?? [])), f);
  }
  return compact(out);
}

function normInfo(raw: unknown): Obj {
  const i = obj(raw);
  return compact({
    accountId: str(i.accountId),
    accountType: str(i.accountType),
    accountClass: str(i.accountClass),
    optionsLevel: str(i.optionsLevel),
    status: str(i.status),
    displayName: str(i.displayName),
  });
}

function normCandle(raw: unknown): Obj {
  const c = obj(raw);
  let t = num(pick(c, 't', 'time'));
  if (t !== undefined && Math.abs(t) > 1e11) t = Math.floor(t / 1000);
  return compact({
    accountId: str(c.accountId),
    interval: str(c.interval),
    t,
    open: dec(pick(c, 'open', 'o'), 'open'),
    high: dec(pick(c, 'high', 'h'), 'high'),
    low: dec(pick(c, 'low', 'l'), 'low'),
    close: dec(pick(c, 'close', 'c'), 'close'),
  });
}

function strings(v: unknown): unknown {
  return Array.isArray(v) ? v : [];
}

function normArticle(raw: unknown): Obj {
  const a = obj(raw);
  return compact({
    id: str(pick(a, 'id', 'articleId')),
    headline: str(pick(a, 'headline', 'title')) ?? '',
    summary: str(a.summary) ?? '',
    source: str(a.source) ?? '',
    url: str(a.url) ?? '',
    symbols: strings(a.symbols),
    topics: strings(a.topics),
    publishedAt: str(a.publishedAt),
  });
}

/** An integer spelt as a string ("12") is that integer; any other string is kept as is. */
function watchlistId(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  if (v === '') return undefined;
  if (/^-?(0|[1-9]\d*)$/.test(v) && Number.isSafeInteger(Number(v))) return Number(v);
  return v;
}

function normWatchlist(raw: unknown): Obj {
  const w = obj(raw);
  return compact({
    id: watchlistId(w.id),
    name: str(w.name) ?? '',
    symbols: strings(w.symbols),
    deleted: typeof w.deleted === 'boolean' ? w.deleted : undefined,
  });
}

function normSymbolChange(raw: unknown): Obj {
  const c = obj(raw);
  return compact({
    watchlistId: watchlistId(pick(c, 'watchlistId', 'id')),
    watchlistName: str(pick(c, 'watchlistName', 'name')) ?? '',
    symbol: str(c.symbol),
  });
}

function isZero(qty: unknown): boolean {
  if (typeof qty !== 'string') return false;
  try {
    return new Big(qty).eq(0);
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------- snapshots

function accountSnapshot(raw: Obj) {
  const info = isObj(raw.info) ? raw.info : raw;
  const balance = isObj(raw.balance) ? raw.balance : raw;
  const positions = arr(raw.positions)
    .map(normPosition)
    .filter((p) => !isZero(p.qty));
  const v2 = arr(raw.ordersV2).map(normOrder);
  const ids = new Set(v2.map((o) => o.ordId));
  // A legacy order that ordersV2 also carries is skipped before it is normalised: most legacy
  // orders are such duplicates.
  const legacy = arr(raw.orders)
    .filter((o) => !ids.has(orderIdOf(obj(o))))
    .map(normOrder);
  return validate(
    'accountSnapshot',
    { info: normInfo(info), balance: normBalance(balance), positions, orders: [...v2, ...legacy] },
    'snapshot',
  );
}

function snapshotFor(topic: Topic, raw: Obj) {
  switch (topic) {
    case 'account':
      return accountSnapshot(raw);
    case 'pnl':
      return validate('pnlSnapshot', { candles: arr(raw.candles).map(normCandle) }, 'snapshot');
    case 'watchlist':
      return validate(
        'watchlistSnapshot',
        { watchlists: arr(raw.watchlists).map(normWatchlist) },
        'snapshot',
      );
    case 'news':
      return validate('newsSnapshot', { articles: arr(raw.articles).map(normArticle) }, 'snapshot');
  }
}

// ---------------------------------------------------------------- updates

const UPDATE_TYPE_ALIASES: Record<string, string> = {
  accountInfo: 'info',
  account: 'info',
  orders: 'order',
  positions: 'position',
  balances: 'balance',
  candles: 'candle',
  articles: 'article',
  news: 'article',
};

function updateFor(topic: Topic, rawType: string, data: unknown): unknown {
  const type = UPDATE_TYPE_ALIASES[rawType] ?? rawType;
  switch (topic) {
    case 'account':
      switch (type) {
        case 'order':
          return { type, order: validate('order', normOrder(data), 'data') };
        case 'position':
          return { type, position: validate('position', normPosition(data), 'data') };
        case 'balance':
          return { type, balance: validate('balancePatch', normBalance(data), 'data') };
        case 'info':
          return { type, info: validate('info', normInfo(data), 'data') };
      }
      break;
    case 'pnl':
      if (type === 'candle') return { type, candle: validate('candle', normCandle(data), 'data') };
      break;
    case 'watchlist':
      switch (type) {
        case 'symbolAdded':
        case 'symbolRemoved':
          return {
            type,
            change: validate('symbolChange', normSymbolChange(data), 'data'),
          };
        case 'watchlist':
          return {
            type,
            watchlist: validate('watchlistReplace', normWatchlist(data), 'data'),
          };
      }
      break;
    case 'news':
      if (type === 'article')
        return { type, article: validate('article', normArticle(data), 'data') };
      break;
  }
  throw new Drop('unknown-update-type', `unknown ${topic} update type ${JSON.stringify(rawType)}`);
}

// ---------------------------------------------------------------- envelope

const ENVELOPE_TYPES = new Set(['event', 'response', 'error', 'subscribed']);
const UPPER_SNAKE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

function topicOf(v: unknown): Topic {
  const t = resolveTopic(v);
  if (!t) throw new Drop('unknown-topic', `unknown topic ${JSON.stringify(v)}`);
  return t;
}

function authFields(p: Obj): { expiresIn?: number; expiresAt?: number; userId?: string } {
  const src = isObj(p.data) ? { ...p, ...p.data } : p;
  return {
    expiresIn: num(src.expiresIn),
    expiresAt: num(src.expiresAt),
    userId: str(src.userId),
  };
}

function authExpiry(p: Obj): { expiresIn: number; expiresAt: number; userId?: string } {
  const f = authFields(p);
  const now = Date.now();
  if (f.expiresIn === undefined && f.expiresAt === undefined)
    throw new Drop('invalid-payload', 'data.expiresIn: expected a number');
  const expiresIn = f.expiresIn ?? Math.max(0, (f.expiresAt ?? now) - now);
  const expiresAt = f.expiresAt ?? now + expiresIn;
  return { expiresIn, expiresAt, ...(f.userId !== undefined ? { userId: f.userId } : {}) };
}

function withId<T extends object>(id: string | undefined, v: T): T {
  return id === undefined ? v : { ...v, id };
}

function serverTimeOf(env: Obj, p: Obj): number | undefined {
  for (const ts of [env.timestamp, p.timestamp]) {
    if (typeof ts === 'number' && Number.isFinite(ts)) return ts;
    if (typeof ts === 'string') {
      const ms = Date.parse(ts);
      if (Number.isFinite(ms)) return ms;
    }
  }
  return undefined;
}

function toMessage(env: Obj): DecodedMessage {
  const type = env.type;
  const p: Obj = isObj(env.payload) ? env.payload : {};
  /** Fields may live in `payload` or at the top level. */
  const get = (k: string): unknown => pick(p, k) ?? pick(env, k);
  const id = str(get('id'));

  if (type === 'pong') return withId(id, { kind: 'pong' as const });
  if (typeof type !== 'string' || !ENVELOPE_TYPES.has(type))
    throw new Drop('unknown-type', `unknown envelope type ${JSON.stringify(type)}`);

  let action = get('action');
  const event = get('event');
  if (action === undefined) {
    if (typeof event === 'string') action = 'update';
    else if (type === 'error') action = 'error';
    else if (type === 'subscribed') action = 'subscribed';
  }
  if (typeof action === 'string' && action.includes('.') && event === undefined) {
    return dottedUpdate(action, p, env);
  }

  switch (action) {
    case 'pong':
      return withId(id, { kind: 'pong' as const });
    case 'authSuccess':
      return withId(id, { kind: 'authSuccess' as const, ...authExpiry(p) });
    case 'refreshAuth': {
      const { expiresIn, expiresAt } = authExpiry(p);
      return { kind: 'refreshAuth', expiresIn, expiresAt };
    }
    case 'authExpired': {
      const { expiresAt } = authFields(p);
      return expiresAt === undefined ? { kind: 'authExpired' } : { kind: 'authExpired', expiresAt };
    }
    case 'authRequired':
      return withId(id, {
        kind: 'error' as const,
        code: 'AUTH_REQUIRED',
        message: str(get('message')) ?? str(get('error')) ?? 'authentication required',
      });
    case 'error':
      return errorMessage(id, p, env);
    case 'subscribed': {
      const topic = topicOf(get('topic'));
      const raw = isObj(p.data)
        ? p.data
        : isObj(p.snapshot)
          ? p.snapshot
          : isObj(env.data)
            ? env.data
            : p;
      const params = isObj(p.params) ? p.params : isObj(env.params) ? env.params : undefined;
      const snapshot = about({ kind: 'subscribed', topic, ...(id ? { id } : {}) }, () =>
        snapshotFor(topic, raw),
      );
      return withId(id, {
        kind: 'subscribed',
        topic,
        ...(params ? { params } : {}),
        snapshot,
      }) as DecodedMessage;
    }
    case 'unsubscribed':
      return withId(id, { kind: 'unsubscribed' as const, topic: topicOf(get('topic')) });
    case 'update': {
      if (typeof event === 'string' && event.includes('.')) return dottedUpdate(event, p, env);
      const topic = topicOf(get('topic'));
      const rawType = p.type ?? event;
      if (typeof rawType !== 'string')
        throw new Drop('unknown-update-type', `missing update type for topic ${topic}`);
      return update(topic, rawType, get('data'), get('seq'));
    }
    default:
      throw new Drop('unknown-action', `unknown action ${JSON.stringify(action)}`);
  }
}

function dottedUpdate(name: string, p: Obj, env: Obj): DecodedMessage {
  const dot = name.indexOf('.');
  const topic = topicOf(name.slice(0, dot));
  return update(topic, name.slice(dot + 1), pick(p, 'data') ?? pick(env, 'data'), pick(p, 'seq'));
}

function update(topic: Topic, rawType: string, data: unknown, seq: unknown): DecodedMessage {
  const accountId = str(obj(data).accountId);
  const u = about({ kind: 'update', topic, ...(accountId ? { accountId } : {}) }, () =>
    updateFor(topic, rawType, data),
  );
  const s = typeof seq === 'number' && Number.isInteger(seq) ? seq : undefined;
  return {
    kind: 'update',
    topic,
    ...(s !== undefined ? { seq: s } : {}),
    update: u,
  } as DecodedMessage;
}

function errorMessage(id: string | undefined, p: Obj, env: Obj): DecodedMessage {
  const get = (k: string): unknown => pick(p, k) ?? pick(env, k);
  const codeField = str(get('code'));
  const errorField = str(get('error'));
  const messageField = str(get('message'));
  let code = codeField;
  let message = errorField ?? messageField;
  if (code === undefined && errorField !== undefined && UPPER_SNAKE.test(errorField)) {
    code = errorField;
    message = messageField;
  }
  return withId(id, {
    kind: 'error' as const,
    code: code ?? 'UNKNOWN_ERROR',
    message: message ?? '',
  });
}

function fail(e: unknown): NormalizeResult {
  if (e instanceof Drop)
    return e.about
      ? { ok: false, reason: e.reason, detail: e.detail, about: e.about }
      : { ok: false, reason: e.reason, detail: e.detail };
  return {
    ok: false,
    reason: 'invalid-payload',
    detail: e instanceof Error ? e.message : String(e),
  };
}

/** Normalises an already-parsed server message. Never throws. */
export function normalizeServerMessage(value: unknown): NormalizeResult {
  try {
    if (!isObj(value)) return { ok: false, reason: 'not-object', detail: 'expected a JSON object' };
    const message = toMessage(value);
    const serverTime = serverTimeOf(value, isObj(value.payload) ? value.payload : {});
    return serverTime === undefined ? { ok: true, message } : { ok: true, message, serverTime };
  } catch (e) {
    return fail(e);
  }
}

/**
 * Whether the UTF-8 encoding of `s` is longer than `max` bytes, counted without encoding: a
 * TextEncoder copy of a 46 MB snapshot cost 0.6 s. Stops as soon as the answer is known.
 */
export function utf8LongerThan(s: string, max: number): boolean {
  if (s.length > max) return true;
  if (s.length * 3 <= max) return false;
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      // A surrogate pair is one 4-byte character; a lone surrogate encodes as U+FFFD (3 bytes).
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
    if (bytes > max) return true;
  }
  return false;
}

/** Normalises a WebSocket message's `data`. Never throws. */
export function normalizeServerFrame(
  data: unknown,
  opts: { maxBytes?: number } = {},
): NormalizeResult {
  try {
    if (typeof data !== 'string')
      return { ok: false, reason: 'binary', detail: 'binary frames are not part of the protocol' };
    const max = opts.maxBytes ?? DEFAULT_MAX_INBOUND_BYTES;
    if (utf8LongerThan(data, max))
      return { ok: false, reason: 'oversize', detail: `frame larger than ${max} bytes` };
    let value: unknown;
    try {
      value = JSON.parse(data);
    } catch (e) {
      return { ok: false, reason: 'not-json', detail: e instanceof Error ? e.message : 'bad JSON' };
    }
    return normalizeServerMessage(value);
  } catch (e) {
    return fail(e);
  }
}
