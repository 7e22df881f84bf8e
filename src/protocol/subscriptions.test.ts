import { describe, expect, it } from 'vitest';
import { parseClientFrame, clientMessages } from './client-messages';
import {
  candleStart,
  nextCandleStart,
  subscriptionKey,
  validateSubscription,
  matchesNews,
} from './subscriptions';

describe('subscription rules (shared by client and server)', () => {
  it('[PROTO-SUB-1] each documented subscribe error code', () => {
    const code = (topic: unknown, params?: unknown) => {
      const r = validateSubscription(topic, params);
      return r.ok ? 'ok' : r.error.code;
    };
    expect(code('weather')).toBe('UNKNOWN_TOPIC');
    expect(code('account', {})).toBe('MISSING_ACCOUNT_ID');
    expect(code('pnl', { accountId: 'A' })).toBe('MISSING_START_TIME');
    expect(code('pnl', { accountId: 'A', startTime: '2026-11-23' })).toBe('MISSING_START_TIME');
    expect(code('pnl', { accountId: 'A', startTime: '2026-11-23T13:30:00Z', interval: '2h' })).toBe(
      'INVALID_INTERVAL',
    );
    expect(code('pnl', { accountId: 'A', startTime: '2026-11-23T13:30:00Z' })).toBe('ok');
    expect(code('watchlistUpdates')).toBe('ok');
    expect(code('accUpdates', { accountId: 'A' })).toBe('ok');
  });

  it('[PROTO-SUB-2] defaults and normalised params; re-subscribe key ignores params other than the account', () => {
    const pnl = validateSubscription('pnl', { accountId: 'A', startTime: '2026-11-23T13:30:00Z' });
    expect(pnl.ok && pnl.sub.params).toEqual({
      accountId: 'A',
      startTime: '2026-11-23T13:30:00Z',
      interval: '1m',
    });
    const news = validateSubscription('news', { symbols: 'aapl, tsla', topics: ['earnings'] });
    expect(news.ok && news.sub.params).toEqual({ symbols: ['AAPL', 'TSLA'], topics: ['earnings'] });
    expect(
      subscriptionKey({ topic: 'pnl', params: { accountId: 'A', startTime: 'x', interval: '5m' } }),
    ).toBe('pnl:A');
    expect(subscriptionKey({ topic: 'news', params: { symbols: ['X'] } })).toBe('news');
  });

  it('[PROTO-CANDLE-1] candle buckets, including calendar months', () => {
    expect(candleStart(1_795_000_123, '1m')).toBe(1_795_000_080);
    expect(candleStart(1_795_000_123, '15s')).toBe(1_795_000_110);
    // Days and months start at New York's midnight: EDT on 1 November, EST on the 24th.
    expect(candleStart(Date.parse('2026-11-24T15:00:00Z') / 1000, '1mo')).toBe(
      Date.parse('2026-11-01T04:00:00Z') / 1000,
    );
    expect(candleStart(Date.parse('2026-11-24T03:00:00Z') / 1000, '1d')).toBe(
      Date.parse('2026-11-23T05:00:00Z') / 1000,
    );
  });

  it('[PROTO-CANDLE-2] the next daily candle starts at the next midnight across a clock change', () => {
    const sat = Date.parse('2026-10-31T04:00:00Z') / 1000; // 31 Oct, EDT
    const sun = nextCandleStart(sat, '1d');
    expect(sun).toBe(Date.parse('2026-11-01T04:00:00Z') / 1000);
    expect(nextCandleStart(sun, '1d')).toBe(Date.parse('2026-11-02T05:00:00Z') / 1000); // 25 h
    expect(nextCandleStart(sun, '1mo')).toBe(Date.parse('2026-12-01T05:00:00Z') / 1000);
    expect(nextCandleStart(sun, '1h')).toBe(sun + 3600);
  });

  it('[PROTO-CLIENT-1] the server reads client frames leniently but never guesses', () => {
    const auth = parseClientFrame(
      JSON.stringify({
        type: 'request',
        id: 'a',
        payload: { method: 'POST', path: '/auth', body: { token: 't', action: 'auth' } },
      }),
    );
    expect(auth).toEqual({ ok: true, command: { kind: 'auth', id: 'a', token: 't' } });
    expect(parseClientFrame(JSON.stringify(clientMessages.auth('b', '')))).toEqual({
      ok: true,
      command: { kind: 'auth', id: 'b', token: undefined },
    });
    const top = parseClientFrame(
      JSON.stringify({ type: 'subscribe', id: 's', topic: 'news', params: { symbols: ['X'] } }),
    );
    expect(top).toMatchObject({
      ok: true,
      command: { kind: 'subscribe', topic: 'news', params: { symbols: ['X'] } },
    });
    for (const bad of ['nope', '[]', '"x"', JSON.stringify({ type: 'dance' })]) {
      const r = parseClientFrame(bad);
      expect(r.ok === false && r.error.code).toBe('INVALID_MESSAGE');
    }
  });
});

describe('news filter', () => {
  const a = { symbols: ['AAPL'], topics: ['earnings'] };
  it('[PROTO-NEWS-1] any symbol or any topic selects; no filter is the firehose', () => {
    expect(matchesNews(a, {})).toBe(true);
    expect(matchesNews(a, { symbols: ['MSFT', 'AAPL'] })).toBe(true);
    expect(matchesNews(a, { topics: ['macro'] })).toBe(false);
    expect(matchesNews(a, { symbols: ['MSFT'], topics: ['earnings'] })).toBe(true);
    expect(matchesNews({ symbols: ['aapl'], topics: [] }, { symbols: ['AAPL'] })).toBe(true);
  });
});
