/**
 * The short soak in the test suite; `npm run soak` is the long one (same harness). The bound
 * is on the server's heap after forced GC, end of run against end of warm-up: per-connection
 * state that outlives its connection (churn replaces 10 clients a second, so a leak of ~25 KB per connection fails it) or a backlog that
 * never drains would show here; the simulator's own state grows by about 1–2 KB per new order.
 */
import { describe, expect, it } from 'vitest';
import { formatSoakReport, runSoak } from './soak';

const HEAP_BOUND_MB = 2;

describe('soak', () => {
  it(`[SOAK-1] 200 clients for 12 s at 30 sim steps/s with churn: server heap growth ≤ ${HEAP_BOUND_MB} MB after warm-up, every client served, nothing cross-user`, async () => {
    const report = await runSoak({
      connections: 200,
      seconds: 12,
      warmupSeconds: 4,
      simRate: 30,
      churnPerSec: 10,
      sampleEverySec: 4,
      heapBoundBytes: HEAP_BOUND_MB * 1024 * 1024,
    });
    console.log(formatSoakReport(report));
    expect(report.end.gcForced).toBe(true);
    expect(report.unexpectedCloses).toEqual([]);
    expect(report.leaks).toEqual([]);
    expect(report.invalidFrames).toEqual([]);
    expect(report.churned).toBeGreaterThan(0);
    expect([report.connectionsAtEnd, report.end.connections]).toEqual([200, 200]);
    expect(report.messages).toBeGreaterThan(1000);
    expect(report.heapGrowthBytes).toBeLessThanOrEqual(HEAP_BOUND_MB * 1024 * 1024);
    expect(report.ok).toBe(true);
  }, 90_000);
});
