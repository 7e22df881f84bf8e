/**
 * The second half of the inbound edge: what a frame leaves to its subscription (a short-form
 * candle's account and interval, a snapshot's account) is taken from the subscription the
 * ack answers or the update belongs to. Nothing is guessed: without that subscription the
 * message is refused with `missing-context`.
 */
import type { DecodedCandle, DecodedMessage, DropReason, InboundMessage } from './inbound';
import type { Subscription } from './subscriptions';

export type CompleteResult =
  { ok: true; message: InboundMessage } | { ok: false; reason: DropReason; detail: string };

/** Fills missing `accountId`s in place: the decoded records are the normaliser's own copies. */
function fillAccount<T extends { accountId?: string }>(records: T[], accountId: string): void {
  for (const r of records) if (r.accountId === undefined) r.accountId = accountId;
}

function lacking(what: string, sub: Subscription | undefined): CompleteResult {
  return {
    ok: false,
    reason: 'missing-context',
    detail: sub
      ? `${what} is missing and the ${sub.topic} subscription does not say it`
      : `${what} is missing and no subscription of this connection can say it`,
  };
}

function completeCandles(candles: DecodedCandle[], sub: Subscription | undefined): boolean {
  const params = sub?.topic === 'pnl' ? sub.params : undefined;
  for (const c of candles) {
    if (c.accountId === undefined) {
      if (!params) return false;
      c.accountId = params.accountId;
    }
    if (c.interval === undefined) {
      if (!params) return false;
      c.interval = params.interval;
    }
  }
  return true;
}

/** `sub`: the subscription `msg` answers (an ack) or belongs to (an update), when known. */
export function completeMessage(
  msg: DecodedMessage,
  sub: Subscription | undefined,
): CompleteResult {
  if (msg.kind === 'subscribed' && msg.topic === 'account') {
    const s = msg.snapshot;
    const needs =
      s.info.accountId === undefined ||
      s.balance.accountId === undefined ||
      s.positions.some((p) => p.accountId === undefined) ||
      s.orders.some((o) => o.accountId === undefined);
    if (needs) {
      if (sub?.topic !== 'account') return lacking('the snapshot’s accountId', sub);
      const id = sub.params.accountId;
      fillAccount([s.info, s.balance], id);
      fillAccount(s.positions, id);
      fillAccount(s.orders, id);
    }
    return { ok: true, message: msg as InboundMessage };
  }
  if (msg.kind === 'subscribed' && msg.topic === 'pnl') {
    if (!completeCandles(msg.snapshot.candles, sub))
      return lacking('a candle’s accountId or interval', sub);
    return { ok: true, message: msg as InboundMessage };
  }
  if (msg.kind === 'update' && msg.topic === 'pnl') {
    if (!completeCandles([msg.update.candle], sub))
      return lacking('the candle’s accountId or interval', sub);
    return { ok: true, message: msg as InboundMessage };
  }
  return { ok: true, message: msg as InboundMessage };
}

/** The account a decoded update names, when it names one (a short-form candle does not). */
export function decodedUpdateAccount(msg: DecodedMessage & { kind: 'update' }): string | undefined {
  if (msg.topic === 'pnl') return msg.update.candle.accountId;
  if (msg.topic !== 'account') return undefined;
  const u = msg.update;
  return u.type === 'order'
    ? u.order.accountId
    : u.type === 'position'
      ? u.position.accountId
      : u.type === 'balance'
        ? u.balance.accountId
        : u.info.accountId;
}
