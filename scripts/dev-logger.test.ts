import type { Logger } from 'vite';
import { describe, expect, it, vi } from 'vitest';
import { quietSocketResets } from './dev-logger';

const errno = (code: string) => Object.assign(new Error(`read ${code}`), { code });

function fakeLogger() {
  const error = vi.fn<Logger['error']>();
  const logger: Logger = {
    info: vi.fn(),
    warn: vi.fn(),
    warnOnce: vi.fn(),
    error,
    clearScreen: vi.fn(),
    hasErrorLogged: vi.fn(() => false),
    hasWarned: false,
  };
  return Object.assign(logger, { error });
}

describe('dev server logger', () => {
  it('[DEV-LOG-1] a proxied socket reset on reload prints nothing', () => {
    const base = fakeLogger();
    const logger = quietSocketResets(base);
    logger.error('\u001b[31mws proxy error:\u001b[39m\nError: read ECONNRESET', {
      error: errno('ECONNRESET'),
    });
    logger.error('ws proxy socket error:\nError: write EPIPE', { error: errno('EPIPE') });
    expect(base.error).not.toHaveBeenCalled();
  });

  it('[DEV-LOG-2] any other error is printed as it was, a refused proxy connection included', () => {
    const base = fakeLogger();
    const logger = quietSocketResets(base);
    const refused = { error: errno('ECONNREFUSED') };
    logger.error('ws proxy error:\nError: connect ECONNREFUSED', refused);
    logger.error('http proxy error: /v1/accounts', { error: errno('ECONNRESET') });
    logger.error('Pre-transform error: x', undefined);
    expect(base.error.mock.calls).toEqual([
      ['ws proxy error:\nError: connect ECONNREFUSED', refused],
      ['http proxy error: /v1/accounts', { error: errno('ECONNRESET') }],
      ['Pre-transform error: x', undefined],
    ]);
  });
});
