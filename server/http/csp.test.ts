import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp';

describe('content security policy', () => {
  it('[CSP-1] no inline script, sockets only to self, configured and production origins', () => {
    const csp = contentSecurityPolicy({
      connect: ['wss://broker.example/v1/accounts/ws', 'https://broker.example/', 'not a url', ''],
    });
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain(
      "connect-src 'self' wss://broker.example https://broker.example wss://api.aries.com https://api.aries.com;",
    );
    expect(csp).not.toContain('frame-ancestors');
    expect(contentSecurityPolicy({ header: true })).toContain("frame-ancestors 'none'");
  });
});
