/** Graceful shutdown: every client is told, with a reason, before the server goes away. */
import { describe, expect, it } from 'vitest';
import { authedClient, startTestServer } from './harness';

describe('shutdown', () => {
  it('[SHUT-1] closing the server closes every socket with 1001 and a reason, then stops listening', async () => {
    const server = await startTestServer();
    const a = await authedClient(server);
    const b = await authedClient(server, 'other');
    await server.close();
    expect([await a.waitClosed(), await b.waitClosed()]).toEqual([1001, 1001]);
    expect(a.closeReason).toBe('server shutting down');
    await expect(fetch(`${server.httpUrl}/healthz`)).rejects.toThrow();
  });
});
