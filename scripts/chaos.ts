/**
 * `npm run chaos -- --minutes 10 [--seed 7] [--rate 150]`: the chaos convergence session for
 * as long as asked, then the report. Exits 1 on any mismatch with the server's truth.
 */
import { formatChaosReport, runChaosSession } from '../src/testing/chaos-session';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

const report = await runChaosSession({
  seed: arg('seed', 7),
  seconds: Math.round(arg('minutes', 1) * 60),
  rate: arg('rate', 150),
});
console.log(formatChaosReport(report));
process.exit(report.mismatches.length === 0 ? 0 : 1);
