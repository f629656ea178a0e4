/**
 * npm run bench:uplift — uplift fit against the churn model's fit on the same rows (issue 13: "uplift fit on 500k
 * members × 40 features within 2× the time of the churn model's fit on the same rows").
 *
 * Rows: ROWS=500000 generated members, 39 numeric features and 1 categorical = 40 (signal and noise as in
 * packages/core/test/fixtures/predict/synthetic.ts, seed 1), each assigned to treatment or control with
 * probability ½ (seed 3); contact prevents a third of the churn of the first category's members and adds a fifth
 * to the last one's, so there is an effect to find. Both fits use TREES=100 trees of DEPTH=6, η 0.1, no early
 * stopping (so both grow exactly that many), THREADS=2 threads, and hold out one customer in five for validation
 * (the rule the churn model trains with).
 * - churn model: `fitGbdt` on every row's churn label (train and validation as `trainChurnModel` splits them);
 * - uplift fit: what `fitUplift` does after reading its rows: the stratified 30 % holdout, both approaches (two
 *   classifiers on the arms, one regression of the transformed outcome) on the rest, both scored on the held-out
 *   members and compared by Qini.
 * RUNS=1 alternating runs; the best of each counts. Target: uplift ≤ 2 × churn.
 */
import {
  fitGbdt,
  fitTransformedOutcome,
  fitTwoModel,
  holdoutRows,
  type LabelledFrame,
  predictUplift,
  qini,
  type UpliftModel,
} from '@tenure/core';
import { subset } from '../packages/core/src/predict/frame.ts';
import { isValidation } from '../packages/core/src/predict/split.ts';
import { mulberry32, synthetic } from '../packages/core/test/fixtures/predict/synthetic.ts';

const ROWS = Number(process.env.ROWS ?? 500_000);
const TREES = Number(process.env.TREES ?? 100);
const DEPTH = Number(process.env.DEPTH ?? 6);
const THREADS = Number(process.env.THREADS ?? 2);
const RUNS = Number(process.env.RUNS ?? 1);
const params = { trees: TREES, maxDepth: DEPTH, learningRate: 0.1, earlyStoppingRounds: 0, threads: THREADS };
const log = (s: string) => process.stdout.write(`${s}\n`);

function members(): { frame: LabelledFrame; treated: Uint8Array } {
  const s = synthetic(ROWS, 1, 39);
  const u = mulberry32(3);
  const treated = Uint8Array.from({ length: ROWS }, () => (u() < 0.5 ? 1 : 0));
  const cat = s.frame.columns.at(-1) as string[];
  const [first, last] = [cat[0], [...new Set(cat)].sort().at(-1)];
  const label = Float64Array.from(s.label, (y, i) => {
    if (!treated[i]) return y;
    if (y === 1 && cat[i] === first && u() < 1 / 3) return 0;
    if (y === 0 && cat[i] === last && u() < 0.2) return 1;
    return y;
  });
  const ids = Array.from({ length: ROWS }, (_, i) => `M${i}`);
  return { frame: { ...s.frame, ids, asOf: new Array<string>(ROWS).fill(''), label }, treated };
}

async function churnFit(frame: LabelledFrame): Promise<number> {
  const t0 = performance.now();
  const valid = [...frame.ids.keys()].filter((i) => isValidation(frame.ids[i]!));
  const train = [...frame.ids.keys()].filter((i) => !isValidation(frame.ids[i]!));
  const part = (rows: number[]) => {
    const f = subset(frame, rows);
    return { frame: f, label: f.label };
  };
  await fitGbdt(part(train), part(valid), params);
  return (performance.now() - t0) / 1000;
}

async function upliftFit(frame: LabelledFrame, treated: Uint8Array): Promise<{ seconds: number; qini: number[] }> {
  const t0 = performance.now();
  const held = holdoutRows(frame.ids, treated, frame.label, 0.3, 1);
  const rows = (v: number) => [...held.keys()].filter((i) => held[i] === v);
  const [train, hold] = [rows(0), rows(1)];
  const trainTreated = Uint8Array.from(train, (i) => treated[i]!);
  const holdFrame = subset(frame, hold);
  const trainFrame = subset(frame, train);
  const base = {
    format: 'tenure.uplift-model',
    version: 1,
    campaignId: 'bench',
    windowDays: 90,
    costPerContact: null,
  } as const;
  const models: UpliftModel[] = [
    { ...base, approach: 'two_model', ...(await fitTwoModel(trainFrame, trainTreated, params)) },
    {
      ...base,
      approach: 'transformed_outcome',
      regression: await fitTransformedOutcome(trainFrame, trainTreated, params),
    },
  ];
  const outcomes = { treated: Uint8Array.from(hold, (i) => treated[i]!), churned: holdFrame.label };
  const coefficients = models.map((m) => qini(predictUplift(m, holdFrame), outcomes).coefficient);
  return { seconds: (performance.now() - t0) / 1000, qini: coefficients };
}

const { frame, treated } = members();
log(
  `${ROWS.toLocaleString('en')} members × ${frame.features.length} features, ${TREES} trees of depth ${DEPTH}, ${THREADS} threads`,
);
let best = { churn: Number.POSITIVE_INFINITY, uplift: Number.POSITIVE_INFINITY };
for (let run = 0; run < RUNS; run++) {
  const churn = await churnFit(frame);
  const uplift = await upliftFit(frame, treated);
  log(
    `run ${run + 1}: churn model ${churn.toFixed(1)} s · uplift fit ${uplift.seconds.toFixed(1)} s (Qini two-model ${uplift.qini[0]!.toFixed(4)}, transformed outcome ${uplift.qini[1]!.toFixed(4)})`,
  );
  best = { churn: Math.min(best.churn, churn), uplift: Math.min(best.uplift, uplift.seconds) };
}
const ratio = best.uplift / best.churn;
log(
  `best: churn model ${best.churn.toFixed(1)} s · uplift fit ${best.uplift.toFixed(1)} s · ratio ${ratio.toFixed(2)} · target ≤ 2: ${ratio <= 2 ? 'met' : 'NOT met'}`,
);
