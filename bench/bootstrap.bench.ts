/**
 * npx tsx --conditions=source bench/bootstrap.bench.ts — the campaign bootstrap's cost: 1,000 resamples of the
 * difference of means of two arms of MEMBERS=500000 members, each arm GROUPS=4096 distinct values (the most a
 * measurement passes after quantize), counts drawn so that they sum to the arm's size. RUNS=5 runs; prints the
 * best and the median wall time, and the best CPU time (steadier on a shared machine). Target (issue 13): well
 * under 1 s.
 */
import { bootstrapMeanDifference, type Grouped } from '../packages/core/src/stats/bootstrap.ts';
import { Random } from '../packages/core/src/stats/random.ts';

const MEMBERS = Number(process.env.MEMBERS ?? 500_000);
const GROUPS = Number(process.env.GROUPS ?? 4096);
const RUNS = Number(process.env.RUNS ?? 5);

/** A skewed arm, like retained MRR: many members at low values, a long tail, every group non-empty. */
function arm(seed: number, shift: number): Grouped {
  const rng = new Random(seed);
  const weights = Array.from({ length: GROUPS }, (_, i) => Math.exp(-i / 600) * (0.5 + rng.uniform()));
  const total = weights.reduce((a, b) => a + b, 0);
  const counts = Float64Array.from(weights, (w) => Math.max(1, Math.floor((w / total) * MEMBERS)));
  counts[0] = (counts[0] as number) + MEMBERS - counts.reduce((a, b) => a + b, 0);
  return { values: Float64Array.from({ length: GROUPS }, (_, i) => 5 + i * 0.25 + shift), counts };
}

const a = arm(1, 0.4);
const b = arm(2, 0);
const times: number[] = [];
const cpu: number[] = [];
let result = bootstrapMeanDifference(a, b, { seed: 0 });
for (let run = 0; run < RUNS; run++) {
  const start = performance.now();
  const startCpu = process.cpuUsage();
  result = bootstrapMeanDifference(a, b, { seed: run + 1, resamples: 1000 });
  cpu.push(process.cpuUsage(startCpu).user / 1000);
  times.push(performance.now() - start);
}
times.sort((x, y) => x - y);
console.log(
  `bootstrap, 1,000 resamples, 2 × ${MEMBERS} members in ${GROUPS} groups: best ${times[0]?.toFixed(0)} ms, median ${times[Math.floor(RUNS / 2)]?.toFixed(0)} ms, best CPU ${Math.min(...cpu).toFixed(0)} ms`,
);
console.log(`difference ${result.estimate.toFixed(4)} (${result.lower.toFixed(4)} to ${result.upper.toFixed(4)})`);
