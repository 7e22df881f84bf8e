import { describe, expect, it } from 'vitest';
import { effectiveNewsFilter, newsViewFromParams } from './news-params';

describe('news URL params', () => {
  it('[NEWS-URL-1] reads symbols and topics, normalised and deduplicated', () => {
    expect(
      newsViewFromParams(new URLSearchParams('symbols= aapl,NVDA,aapl&topics=Earnings')),
    ).toEqual({ symbols: ['AAPL', 'NVDA'], topics: ['earnings'], all: false });
  });

  it('[NEWS-URL-2] drops malformed terms', () => {
    expect(
      newsViewFromParams(new URLSearchParams('symbols=<script>,,MSFT&topics=a"b,macro&all=yes')),
    ).toEqual({ symbols: ['MSFT'], topics: ['macro'], all: false });
  });

  it('[NEWS-URL-3] defaults to held or watched symbols; all=1 is the firehose', () => {
    const none = { symbols: [], topics: [], all: false };
    expect(effectiveNewsFilter(none, ['NVDA', 'AAPL', 'NVDA'])).toEqual({
      scope: 'mine',
      params: { symbols: ['AAPL', 'NVDA'] },
    });
    expect(effectiveNewsFilter(none, [])).toEqual({ scope: 'all', params: {} });
    expect(effectiveNewsFilter({ ...none, all: true }, ['AAPL'])).toEqual({
      scope: 'all',
      params: {},
    });
    expect(effectiveNewsFilter({ ...none, topics: ['macro'] }, ['AAPL'])).toEqual({
      scope: 'filtered',
      params: { topics: ['macro'] },
    });
  });
});
