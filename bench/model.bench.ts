/**
 * npm run bench:model — churn classifier against XGBoost (Debian's python3-xgboost and python3-sklearn, run
 * with /usr/bin/python3 by this script).
 *
 * 1. IBM Telco on the fixed split (packages/core/test/reference/predict): `trainChurnModel` with --test-ids on a
 *    workspace the real importer filled, against xgboost-telco.py run now on the same split and settings.
 *    Target: our test AUC within 0.005 of XGBoost's.
 * 2. Generated rows (ROWS=1000000, 39 numeric features and 1 categorical = 40; signal and noise as in
 *    packages/core/test/fixtures/predict/synthetic.ts, seed 1; 200,000 test rows, seed 2): `fitGbdt` with
 *    TREES=100 trees of DEPTH=6, η 0.1, λ 1, min child weight 1, 256 bins, no early stopping, THREADS=2
 *    threads, against XGBoost `hist` with the same settings and nthread. Timed: binning + boosting for us,
 *    DMatrix + training for XGBoost (both from arrays in memory). RUNS=1 alternating runs; the best counts.
 *    Targets: our time ≤ 2 × XGBoost's; test AUCs within 0.005.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { fitGbdt, gbdtMargin, importFile, initWorkspace, rocAuc, trainChurnModel } from '@tenure/core';
import { dataset, datasetsMissing, TELCO_CSV } from '../packages/core/test/datasets.ts';
import { synthetic } from '../packages/core/test/fixtures/predict/synthetic.ts';
import { writeTelcoTestIds } from '../packages/core/test/reference/predict/telco-split.ts';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const TEST_ROWS = 200_000;
const TREES = Number(process.env.TREES ?? 100);
const DEPTH = Number(process.env.DEPTH ?? 6);
const THREADS = Number(process.env.THREADS ?? 2);
const RUNS = Number(process.env.RUNS ?? 1);
const ETA = 0.1;
const root = join(import.meta.dirname, '..');
const out = join(import.meta.dirname, 'out', `model-${ROWS}`);
const ref = join(root, 'packages/core/test/reference/predict');
const python = '/usr/bin/python3';
const log = (s: string) => process.stdout.write(`${s}\n`);
const py = (args: string[]) => execFileSync(python, args, { encoding: 'utf8', maxBuffer: 64 << 20 });

async function telco() {
  const missing = datasetsMissing([TELCO_CSV]);
  if (missing) throw new Error(`The Telco comparison ${missing}`);
  const dir = fs.mkdtempSync(join(out, 'telco-'));
  const ws = await initWorkspace(join(dir, 'ws'));
  try {
    await importFile(ws, 'customers', dataset(TELCO_CSV), {
      asOf: '2024-12-31',
    });
    const ours = (await trainChurnModel(ws, { testIds: writeTelcoTestIds(dir) })).result.metrics;
    const xgb = JSON.parse(py([join(ref, 'xgboost-telco.py'), '--threads', String(THREADS), '--json-only']));
    const diff = Math.abs(ours.test_auc! - xgb.test_auc);
    log(
      `Telco test AUC: Tenure ${ours.test_auc!.toFixed(4)} (${ours.trees} trees; logistic baseline ${ours.baseline_test_auc!.toFixed(4)})`,
    );
    log(
      `                XGBoost ${xgb.test_auc.toFixed(4)} (${xgb.trees} trees) · |Δ| = ${diff.toFixed(4)} · target ≤ 0.005: ${diff <= 0.005 ? 'met' : 'NOT met'}`,
    );
  } finally {
    await ws.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Row-major float32 with the category as its code, as the peer reads it. */
function write(part: string, s: ReturnType<typeof synthetic>) {
  const F = s.frame.features.length;
  const x = new Float32Array(s.frame.rows * F);
  const codes = new Map(['a', 'b', 'c', 'd', 'e'].map((c, i) => [c, i]));
  s.frame.columns.forEach((col, f) => {
    for (let r = 0; r < s.frame.rows; r++)
      x[r * F + f] = col instanceof Float64Array ? col[r]! : col[r] === '' ? Number.NaN : codes.get(col[r]!)!;
  });
  fs.writeFileSync(join(out, `x-${part}.f32`), x);
  fs.writeFileSync(join(out, `y-${part}.u8`), Uint8Array.from(s.label));
  return F;
}

async function generated() {
  const train = synthetic(ROWS, 1, 39);
  const test = synthetic(TEST_ROWS, 2, 39);
  const F = write('train', train);
  write('test', test);
  fs.writeFileSync(join(out, 'meta.json'), JSON.stringify({ features: F }));
  log(
    `\nGenerated: ${ROWS.toLocaleString('en-US')} rows × ${F} features, ${TREES} trees of depth ${DEPTH}, ${THREADS} threads`,
  );
  const params = { trees: TREES, maxDepth: DEPTH, learningRate: ETA, earlyStoppingRounds: 0, threads: THREADS };
  const best = { ours: Number.POSITIVE_INFINITY, xgb: Number.POSITIVE_INFINITY, oursAuc: 0, xgbAuc: 0 };
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    const model = await fitGbdt(train, null, params);
    const seconds = (performance.now() - t0) / 1000;
    best.oursAuc = rocAuc(gbdtMargin(model, test.frame), test.label);
    best.ours = Math.min(best.ours, seconds);
    const x = JSON.parse(
      py([join(import.meta.dirname, 'model_peer.py'), out, String(THREADS), String(TREES), String(DEPTH), String(ETA)]),
    );
    best.xgb = Math.min(best.xgb, x.seconds);
    best.xgbAuc = x.test_auc;
    log(`  run ${run + 1}: Tenure ${seconds.toFixed(1)} s · XGBoost ${x.xgboost} ${x.seconds.toFixed(1)} s`);
  }
  const ratio = best.ours / best.xgb;
  const diff = Math.abs(best.oursAuc - best.xgbAuc);
  log(
    `Training time: Tenure ${best.ours.toFixed(1)} s, XGBoost ${best.xgb.toFixed(1)} s · ratio ${ratio.toFixed(2)} · target ≤ 2: ${ratio <= 2 ? 'met' : 'NOT met'}`,
  );
  log(
    `Test AUC: Tenure ${best.oursAuc.toFixed(4)}, XGBoost ${best.xgbAuc.toFixed(4)} · |Δ| = ${diff.toFixed(4)} · target ≤ 0.005: ${diff <= 0.005 ? 'met' : 'NOT met'}`,
  );
}

fs.mkdirSync(out, { recursive: true });
await telco();
await generated();
