import { describe, expect, it } from 'vitest';
import { checkAllowedByPolicy, checkSocketUrl, defaultEndpoints } from './endpoints';

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

describe('content security policy check', () => {
  const policy =
    "default-src 'self'; connect-src 'self' wss://api.aries.com https://api.aries.com; object-src 'none'";
  const self = 'https://trader.example';

  it('[EP-CSP-1] allows the listed origins and the page’s own host over ws/wss', () => {
    expect(() =>
      checkAllowedByPolicy('wss://api.aries.com/v1/accounts/ws', policy, self),
    ).not.toThrow();
    expect(() => checkAllowedByPolicy('https://api.aries.com', policy, self)).not.toThrow();
    expect(() => checkAllowedByPolicy('wss://trader.example/ws', policy, self)).not.toThrow();
    expect(() => checkAllowedByPolicy('wss://other.example/ws', undefined, self)).not.toThrow();
  });

  it('[EP-CSP-2] names what the build allows when a pasted host would be blocked', () => {
    expect(() => checkAllowedByPolicy('wss://other.example/ws', policy, self)).toThrow(
      'this build may only connect to trader.example, wss://api.aries.com, https://api.aries.com; rebuild with VITE_ACCOUNTS_WS_URL and VITE_API_BASE_URL set to wss://other.example',
    );
  });
});
