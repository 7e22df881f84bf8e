/**
 * The tolerance corpus, end to end: for every spelling the contract tolerates, the scripted
 * session is played with each frame that spelling can rewrite sent in it, through the real
 * path (normalise → AccountSocket → dispatcher → stores); the stores must end exactly as with
 * the canonical frames. Each spelling must rewrite at least one frame, or it proves nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { playScript, scriptFrames, scriptedSessionHooks } from '../testing/scripted-session';
import { SPELLINGS } from '../protocol/tolerance-corpus';

scriptedSessionHooks();

describe('tolerance corpus', () => {
  let canonical: string;
  beforeEach(async () => {
    canonical ??= await playScript();
  });

  it('[CORPUS-0] the canonical session fills every store', () => {
    const d = JSON.parse(canonical) as Record<string, unknown[]>;
    for (const k of ['orders', 'positions', 'balances', 'info', 'pnl', 'watchlists', 'news'])
      expect(d[k]!.length, k).toBeGreaterThan(0);
  });

  for (const spelling of SPELLINGS) {
    it(`[CORPUS] ${spelling.name}`, async () => {
      const rewritten = scriptFrames().filter((f) => spelling.applies(f));
      expect(rewritten.length).toBeGreaterThan(0);
      const digest = await playScript((f) => (spelling.applies(f) ? spelling.respell(f) : [f]));
      expect(JSON.parse(digest)).toEqual(JSON.parse(canonical));
    });
  }
});
