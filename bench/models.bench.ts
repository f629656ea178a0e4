/**
 * npm run bench:models — the lifetime models at scale, each beside the same fit in a reference implementation:
 * - BG/NBD on 1M customers (target ≤ 3 s): Tenure's RFM patterns in SQL plus the fit, against SciPy BFGS on
 *   the same patterns (bench/models_peer.py);
 * - Kaplan–Meier on 10M customers in 3 segments (target ≤ 1 s): SQL aggregation plus the estimator, against
 *   R survival's survfit (bench/models_peer.R);
 * - Cox on 1M customers × 10 covariates, Efron ties (target ≤ 15 s): reading the columns plus the fit, against
 *   R survival's coxph.
 * Data: bench/models-data.ts (deterministic, cached in bench/out/models/). Tenure runs once to warm up, then RUNS
 * times; the median counts. Peers time the fit alone (reading excluded) and run once. Both sides' estimates are
 * compared before the times are, and the ratio printed is peer time ÷ Tenure time.
 * Options: BTYD_CUSTOMERS=1000000 KM_CUSTOMERS=10000000 COX_CUSTOMERS=1000000 RUNS=3 env vars.
 * Needs Debian's r-base-core, r-cran-survival and python3-scipy (apt-get install …).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { fitBgNbd, fitCox, kaplanMeier, sql } from '@tenure/core';
import { bgNbdPatterns } from '../packages/core/src/models/bg-nbd/bg-nbd.ts';
import { readColumns } from '../packages/core/src/models/columns.ts';
import { centredDesign } from '../packages/core/src/models/cox/features.ts';
import { rfmSource } from '../packages/core/src/models/rfm.ts';
import { btydWorkspace, COX_BETA, coxData, kmData, OUT } from './models-data.ts';

const BTYD = Number(process.env.BTYD_CUSTOMERS ?? 1_000_000);
const KM = Number(process.env.KM_CUSTOMERS ?? 10_000_000);
const COX = Number(process.env.COX_CUSTOMERS ?? 1_000_000);
const RUNS = Number(process.env.RUNS ?? 3);
const log = (s: string) => process.stdout.write(`${s}\n`);
const peer = (cmd: string, args: string[]) => JSON.parse(execFileSync(cmd, args, { encoding: 'utf8' }).trim());

/** Median seconds of RUNS timed runs after one warm-up, and the last run's value. */
async function time<T>(f: () => Promise<T> | T): Promise<{ seconds: number; value: T }> {
  let value = await f();
  const seconds: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    value = await f();
    seconds.push((performance.now() - t0) / 1000);
  }
  return { seconds: seconds.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!, value };
}

const rows: string[][] = [];
function report(name: string, target: number, ours: number, theirs: number, peerName: string, agreement: string) {
  rows.push([
    name,
    `${ours.toFixed(2)} s`,
    `≤ ${target} s ${ours <= target ? 'met' : 'MISSED'}`,
    `${theirs.toFixed(2)} s`,
    peerName,
    `${(theirs / ours).toFixed(1)}×`,
    agreement,
  ]);
}

async function benchBgNbd() {
  const ws = await btydWorkspace(BTYD);
  const fitSeconds: number[] = [];
  const run = await time(async () => {
    const patterns = await bgNbdPatterns(ws.db, await rfmSource(ws.db, ws.config, { unit: 'day' }));
    const t0 = performance.now();
    const fit = fitBgNbd(patterns);
    fitSeconds.push((performance.now() - t0) / 1000);
    return { patterns, fit };
  });
  const { patterns, fit } = run.value;
  // The fit alone, median of the timed runs (the first, warm-up run is left out as in time()).
  const fitOnly = fitSeconds.slice(1).sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
  const csv = join(OUT, 'bgnbd-patterns.csv');
  const lines = Array.from(patterns.x, (x, i) => `${x},${patterns.t_x[i]},${patterns.T[i]},${patterns.w[i]}`);
  fs.writeFileSync(csv, `x,t_x,T,w\n${lines.join('\n')}\n`);
  const scipy = peer('/usr/bin/python3', [join(import.meta.dirname, 'models_peer.py'), csv]);
  const diff = Math.max(
    ...(['r', 'alpha', 'a', 'b'] as const).map((k) => Math.abs(fit.params[k] / scipy.params[k] - 1)),
  );
  log(
    `BG/NBD: ${BTYD.toLocaleString()} customers → ${patterns.x.length.toLocaleString()} patterns; fit alone ${fitOnly.toFixed(2)} s (${fit.iterations} polishing iterations), SciPy ${(scipy.seconds / fitOnly).toFixed(1)}× that (${scipy.iterations} iterations); r ${fit.params.r.toFixed(4)} α ${fit.params.alpha.toFixed(3)} a ${fit.params.a.toFixed(4)} b ${fit.params.b.toFixed(4)}`,
  );
  report(
    'BG/NBD fit',
    3,
    run.seconds,
    scipy.seconds,
    'SciPy BFGS (patterns)',
    `params within ${(100 * diff).toFixed(3)} %`,
  );
  await ws.close();
}

async function benchKaplanMeier() {
  const db = await kmData(KM);
  const run = await time(async () => {
    const { num } = await readColumns(
      db,
      sql`SELECT seg, time, sum(event) AS events, CAST(count(*) AS DOUBLE) AS count FROM data GROUP BY ALL ORDER BY ALL`,
    );
    return [0, 1, 2].map((g) => {
      const [from, to] = [num.seg!.indexOf(g), num.seg!.lastIndexOf(g) + 1];
      return kaplanMeier({
        time: num.time!.slice(from, to),
        events: num.events!.slice(from, to),
        count: num.count!.slice(from, to),
      });
    });
  });
  const r = peer('Rscript', [join(import.meta.dirname, 'models_peer.R'), 'km', join(OUT, `km-${KM}`), String(KM)]);
  const s365 = run.value.map((c) => [...c.table].reverse().find((row) => row.time <= 365)!.survival);
  const diff = Math.max(...s365.map((s, g) => Math.abs(s - r.s365[g])));
  log(
    `Kaplan–Meier: ${KM.toLocaleString()} customers, ${run.value.reduce((a, c) => a + c.table.length, 0)} distinct times; S(365) = ${s365.map((s) => s.toFixed(4)).join(', ')}`,
  );
  report('Kaplan–Meier', 1, run.seconds, r.seconds, 'R survfit', `|ΔS(365)| ${diff.toExponential(1)}`);
  await db.close();
}

async function benchCox() {
  const db = await coxData(COX);
  const names = COX_BETA.map((_, j) => `x${j}`);
  const run = await time(async () => {
    const { num } = await readColumns(db, sql`SELECT *, 1.0 AS w FROM data ORDER BY time DESC`);
    const { data, terms } = centredDesign(
      num.time!,
      num.event!,
      num.w!,
      names.map((n) => ({ term: n, values: num[n]! })),
    );
    return fitCox(data, terms);
  });
  const r = peer('Rscript', [join(import.meta.dirname, 'models_peer.R'), 'cox', join(OUT, `cox-${COX}`), String(COX)]);
  const diff = Math.max(...run.value.terms.map((t, j) => Math.abs(t.coef - r.coef[j])));
  log(
    `Cox: ${COX.toLocaleString()} customers × 10, ${run.value.events.toLocaleString()} churned, ${run.value.iterations} iterations; β̂ = ${run.value.terms.map((t) => t.coef.toFixed(3)).join(' ')}; concordance ${run.value.concordance.toFixed(4)} (R ${r.concordance.toFixed(4)})`,
  );
  report('Cox (Efron)', 15, run.seconds, r.seconds, 'R coxph', `max |Δβ| ${diff.toExponential(1)}`);
  await db.close();
}

fs.mkdirSync(OUT, { recursive: true });
await benchBgNbd();
await benchKaplanMeier();
await benchCox();
const head = ['model', 'Tenure', 'target', 'peer', 'peer is', 'peer ÷ Tenure', 'agreement'];
const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
for (const r of [head, ...rows]) log(r.map((c, i) => c.padEnd(width[i]!)).join('  '));
