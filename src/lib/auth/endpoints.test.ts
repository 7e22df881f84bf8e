import { describe, expect, it } from 'vitest';
import { checkSocketUrl, defaultEndpoints } from './endpoints';

describe('endpoints', () => {
  it('[SEC-WSS-1] ws:// is allowed only on loopback', () => {
    expect(checkSocketUrl('ws://127.0.0.1:8787/v1/accounts/ws')).toContain('ws://127.0.0.1');
    expect(checkSocketUrl('wss://api.aries.com/v1/accounts/ws')).toContain('wss://');
    expect(() => checkSocketUrl('ws://api.aries.com/v1/accounts/ws')).toThrow(/wss/);
    expect(() => checkSocketUrl('http://x')).toThrow(/wss/);
    expect(() => checkSocketUrl('nonsense')).toThrow(/not a valid/);
  });

  it('[CFG-1] same origin by default; env overrides', () => {
    expect(defaultEndpoints({ protocol: 'http:', host: '127.0.0.1:5173' }, {})).toEqual({
      wsUrl: 'ws://127.0.0.1:5173/v1/accounts/ws',
      apiBase: 'http://127.0.0.1:5173',
    });
    expect(
      defaultEndpoints(
        { protocol: 'https:', host: 'app.example' },
        {
          VITE_ACCOUNTS_WS_URL: 'wss://api.aries.com/v1/accounts/ws',
          VITE_API_BASE_URL: 'https://api.aries.com/',
        },
      ),
    ).toEqual({ wsUrl: 'wss://api.aries.com/v1/accounts/ws', apiBase: 'https://api.aries.com' });
  });
});
