import { afterEach, describe, expect, it } from 'vitest';
import { lagStore, resetLag } from '../stores/connection/lag-store';
import { LagWatch } from './lag-watch';

/** A clock and timers the test moves by hand. */
function manual() {
  let t = 100_000;
  const pending: Array<{ at: number; fn: () => void }> = [];
  return {
    now: () => t,
    timers: {
      set: (fn: () => void, ms: number) => {
        const p = { at: t + ms, fn };
        pending.push(p);
        return p;
      },
      clear: (h: unknown) => {
        const i = pending.indexOf(h as (typeof pending)[number]);
        if (i >= 0) pending.splice(i, 1);
      },
    },
    advance(ms: number) {
      t += ms;
      for (const p of [...pending].filter((p) => p.at <= t)) {
        pending.splice(pending.indexOf(p), 1);
        p.fn();
      }
    },
  };
}

afterEach(() => resetLag());

describe('LagWatch', () => {
  it('[LAGW-1] updates painted promptly leave the figures current', () => {
    const m = manual();
    const watch = new LagWatch(m.now, m.timers);
    for (let i = 0; i < 60; i++) {
      const sent = m.now() + 5_000; // the server's clock runs 5 s ahead: no matter
      watch.observe(sent, m.now() + 20);
      m.advance(20);
      watch.painted([sent]);
    }
    expect(lagStore.getState().behindMs).toBeUndefined();
  });

  it('[LAGW-2] a growing backlog shows as seconds behind, and clears when it drains', () => {
    const m = manual();
    const watch = new LagWatch(m.now, m.timers);
    // The link is quick at first (sets the clock), then updates wait 3 s before they paint.
    watch.observe(m.now(), m.now() + 10);
    for (let i = 0; i < 100; i++) {
      m.advance(16);
      watch.painted([m.now() - 3_000]);
    }
    expect(lagStore.getState().behindMs).toBeGreaterThanOrEqual(3_000);
    expect(lagStore.getState().behindMs).toBeLessThanOrEqual(3_100);
    // The burst ends: no more flushes, yet the re-check clears the warning.
    m.advance(1_500);
    expect(lagStore.getState().behindMs).toBeUndefined();
  });

  it('[LAGW-3] publishes at most every 250 ms', () => {
    const m = manual();
    const watch = new LagWatch(m.now, m.timers);
    let writes = 0;
    const off = lagStore.subscribe(() => writes++);
    watch.observe(m.now(), m.now());
    for (let i = 0; i < 60; i++) {
      m.advance(16);
      watch.painted([m.now() - 2_000 - i * 10]);
    }
    off();
    expect(writes).toBeLessThanOrEqual(4);
    expect(writes).toBeGreaterThan(0);
  });

  it('[LAGW-4] dispose clears a shown lag and its timer', () => {
    const m = manual();
    const watch = new LagWatch(m.now, m.timers);
    watch.observe(m.now(), m.now());
    for (let i = 0; i < 100; i++) {
      m.advance(16);
      watch.painted([m.now() - 4_000]);
    }
    expect(lagStore.getState().behindMs).toBeDefined();
    watch.dispose();
    expect(lagStore.getState().behindMs).toBeUndefined();
  });
});
