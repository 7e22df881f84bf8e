/**
 * Server-side cost of the simulator's P&L history, without a browser: building the world
 * (opening book included), a reset, today's 1-minute candles, a year of them cold and warm,
 * and a year of daily candles (cumulative, so from the history's origin). Median of 3 runs.
 *
 *   npx tsx bench/sim-history.ts
 */
import { exchangeDayStart } from '../src/protocol/exchange-time';
import { createSimulator } from '../server/sim/simulator';

const DAY = 86_400_000;
const runs: Record<string, number[]> = {};
const time = (label: string, f: () => unknown) => {
  const t = performance.now();
  f();
  (runs[label] ??= []).push(performance.now() - t);
};

for (let i = 0; i < 3; i++) {
  const now = Date.now();
  let sim!: ReturnType<typeof createSimulator>;
  time('build', () => (sim = createSimulator({ seed: 42, now: () => now })));
  time('reset', () => sim.reset());
  time('1m today', () => sim.candlesJson('A-10001', '1m', exchangeDayStart(now), now));
  time('1m 1Y cold', () => sim.candlesJson('A-10001', '1m', now - 365 * DAY, now));
  time('1m 1Y warm', () => sim.candlesJson('A-10001', '1m', now - 365 * DAY, now));
  time('1d 1Y (other account, cold)', () => sim.candlesJson('A-10002', '1d', now - 365 * DAY, now));
}
for (const [label, ms] of Object.entries(runs)) {
  const sorted = [...ms].sort((a, b) => a - b);
  console.log(
    `${label.padEnd(30)} ${sorted[1]!.toFixed(0).padStart(6)} ms  (${ms.map((x) => x.toFixed(0)).join(', ')})`,
  );
}
