import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../server/index';
import {
  createDevLogin,
  createStaticToken,
  fetchAccounts,
  jwtSubject,
  resumeDevLogin,
} from './token-source';

describe('token sources against the embedded server', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, simRate: 0, tokenTtlMs: 60_000 }, { log: () => {} });
  });
  afterAll(() => server.close());

  it('[TOKEN-1] dev login returns a cached token, then refreshes near expiry without the password', async () => {
    let t = Date.now();
    const source = await createDevLogin(server.httpUrl, 'demo', 'demo', () => t);
    const first = await source.getToken();
    expect(await source.getToken()).toBe(first);
    t += 45_000;
    const second = await source.getToken();
    expect(second).not.toBe(first);
    expect((await fetchAccounts(server.httpUrl, second)).accounts.map((a) => a.accountId)).toEqual([
      'A-10001',
      'A-10002',
    ]);
  });

  it("[TOKEN-2] bad credentials reject with the server's reason", async () => {
    await expect(createDevLogin(server.httpUrl, 'demo', 'wrong')).rejects.toThrow(/wrong password/);
  });

  it('[TOKEN-3] a pasted token is returned as is; an empty one is refused', async () => {
    expect(await createStaticToken(' abc ').getToken()).toBe('abc');
    expect(() => createStaticToken('  ')).toThrow(/paste/);
  });

  it('[TOKEN-4] a dev session resumes from its refresh token alone after a reload, following rotation', async () => {
    const before = await createDevLogin(server.httpUrl, 'demo', 'demo');
    const saved = before.resume?.();
    expect(saved?.kind).toBe('refresh');
    if (saved?.kind !== 'refresh') return;
    expect(saved.userId).toBe('u-1001');
    const resumed = resumeDevLogin(server.httpUrl, saved.refreshToken, saved.userId);
    const token = await resumed.getToken();
    expect((await fetchAccounts(server.httpUrl, token)).accounts.map((a) => a.accountId)).toContain(
      'A-10001',
    );
    expect(jwtSubject(token)).toBe('u-1001');
    const after = resumed.resume?.();
    expect(after?.kind === 'refresh' && after.refreshToken).not.toBe(saved.refreshToken);
    await expect(resumeDevLogin(server.httpUrl, 'forged', undefined).getToken()).rejects.toThrow();
  });

  it('[TOKEN-5] the JWT subject is read only from a well-formed payload', () => {
    expect(jwtSubject('opaque-token')).toBeUndefined();
    expect(jwtSubject('a.%%%.c')).toBeUndefined();
    expect(jwtSubject(`a.${btoa('{"sub":42}')}.c`)).toBeUndefined();
    expect(createStaticToken('opaque').userId).toBeUndefined();
  });
});
