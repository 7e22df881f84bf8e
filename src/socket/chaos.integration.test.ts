/**
 * Chaos convergence (short CI run; `npm run chaos -- --minutes 10` is the long one): through a
 * proxy that drops, stalls, delays and injects bad frames, while the simulator runs busy, the
 * client's orders, positions, balance, watchlists and P&L candles end equal to the server's.
 */
import { describe, expect, it } from 'vitest';
import { formatChaosReport, runChaosSession } from '../testing/chaos-session';

describe('chaos', () => {
  it('[CHAOS-1] converges to the server exactly after drops, stalls, delays and junk frames', async () => {
    const report = await runChaosSession({ seed: 7, seconds: 8 });
    console.log(formatChaosReport(report));
    expect(report.mismatches).toEqual([]);
    // The run must actually have been chaotic, or it proves nothing.
    expect(report.faults.drops + report.faults.stalls).toBeGreaterThan(0);
    expect(report.faults.injected).toBeGreaterThan(0);
    expect(report.reconnects).toBeGreaterThan(0);
    expect(report.framesDroppedAsInvalid).toBeGreaterThan(0);
    expect(report.simEvents).toBeGreaterThan(500);
  }, 90_000);
});
