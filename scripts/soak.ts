/**
 * `npm run soak -- --connections 500 --minutes 5 [--rate 50] [--churn 5] [--bound-mb 8]`:
 * the long soak of the embedded server (see server/soak/soak.ts). Loopback only; stops by
 * itself. Exits 1 when the heap bound or any other check fails.
 */
import { formatSoakReport, runSoak } from '../server/soak/soak';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

const seconds = Math.round(arg('minutes', 5) * 60);
const report = await runSoak({
  connections: arg('connections', 500),
  seconds,
  warmupSeconds: Math.min(30, Math.round(seconds / 5)),
  simRate: arg('rate', 50),
  churnPerSec: arg('churn', 5),
  sampleEverySec: 15,
  heapBoundBytes: arg('bound-mb', 8) * 1024 * 1024,
  log: (line) => console.log(line),
});
console.log(`\n${formatSoakReport(report)}`);
process.exit(report.ok ? 0 : 1);
