/**
 * Which rows a model learns from and is tested or scored on. Snapshots are month starts. Training snapshots
 * need complete labels: t + H must not pass the end of the data, and in a backtest at T every training label
 * must be known before T (t + H ≤ T), so nothing about the test period leaks into training. `static` mode
 * reads one customer table with a churned flag (features/static.ts); `auto` picks it when the workspace holds
 * no dated behaviour to take snapshots of.
 */

import { tenureError } from '../errors.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { segmentsOf, snapshotFeatures } from './features/snapshot.ts';
import { type FeatureQuery, staticFeatures } from './features/static.ts';
import { type LabelledFrame, readFrame } from './frame.ts';
import type { ChurnModel, TrainingData } from './model.ts';
import type { PredictOptions } from './options.ts';

export type RowSource = Omit<TrainingData, 'train' | 'validation'>;
export const DEFAULT_SNAPSHOTS = 6;

const day = (d: Date) => d.toISOString().slice(0, 10);
export const addDays = (d: string, n: number) => day(new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000));
const monthStart = (d: string, back = 0) => {
  const x = new Date(`${d.slice(0, 7)}-01T00:00:00Z`);
  x.setUTCMonth(x.getUTCMonth() - back);
  return day(x);
};

/** The `k` latest month starts on or before `latest`, oldest first. */
export function monthlySnapshots(latest: string, k: number): string[] {
  const first = monthStart(latest);
  return Array.from({ length: k }, (_, i) => monthStart(first, k - 1 - i));
}

/** The day after the latest dated row: scoring "now" sees every row before it. */
export async function dataEnd(ws: Workspace): Promise<string | null> {
  const [r] = await ws.db.all<{ d: string | null }>(sql`SELECT strftime(CAST(greatest(
      (SELECT max("at") FROM activity), (SELECT max(ordered_at) FROM orders), (SELECT max(started_at) FROM subscriptions),
      (SELECT max(opened_at) FROM tickets), (SELECT max(churned_at) FROM churn_events)) AS DATE) + 1, '%Y-%m-%d') AS d`);
  return r?.d ?? null;
}

/** Does the workspace hold dated behaviour (subscriptions, orders or activity) to take snapshots of? */
async function hasEvents(ws: Workspace): Promise<boolean> {
  const [r] = await ws.db.all<{ n: number }>(sql`SELECT (SELECT count(*) FROM subscriptions)
    + (SELECT count(*) FROM orders) + (SELECT count(*) FROM activity) AS n`);
  return (r?.n ?? 0) > 0;
}

async function modeOf(ws: Workspace, o: PredictOptions): Promise<'snapshots' | 'static'> {
  if (o.mode && o.mode !== 'auto') return o.mode;
  return (await hasEvents(ws)) ? 'snapshots' : 'static';
}

async function endOf(ws: Workspace): Promise<string> {
  const end = await dataEnd(ws);
  if (!end)
    throw tenureError('TEN_MODEL_INSUFFICIENT_DATA', {
      model: 'churn',
      detail: 'the workspace has no dated rows',
      hint: {
        en: 'Import subscriptions, orders or activity first, or a customer table with a churned flag.',
        'zh-CN': '请先导入订阅、订单或活动，或带流失标记的客户表。',
      },
      remedies: [{ action: 'static_mode' }],
    });
  return end;
}

async function rows(ws: Workspace, q: FeatureQuery, source: RowSource) {
  return { frame: await readFrame(ws.db, q.query, q.features), source };
}

/**
 * Training rows: the latest `snapshots` month starts whose labels are complete (static: every customer).
 *
 * @example
 * const { frame, source } = await trainingRows(ws, { horizonDays: 90, snapshots: 6 });
 */
export async function trainingRows(
  ws: Workspace,
  o: PredictOptions,
): Promise<{ frame: LabelledFrame; source: RowSource }> {
  if ((await modeOf(ws, o)) === 'static') {
    const q = await staticFeatures(ws.db);
    return rows(ws, q, { mode: 'static', horizonDays: null, snapshots: [q.asOf] });
  }
  const h = o.horizonDays ?? ws.config.prediction.horizon_days;
  const latest = addDays(o.asOf ?? (await endOf(ws)), -h);
  const dates = monthlySnapshots(latest, o.snapshots ?? DEFAULT_SNAPSHOTS);
  return rows(ws, await snapshotFeatures(ws, dates, h), { mode: 'snapshots', horizonDays: h, snapshots: dates });
}

/**
 * A time-based backtest: the test snapshot T (default: the latest month start whose labels are complete) and
 * training snapshots whose labels end by T.
 */
export async function backtestRows(ws: Workspace, o: PredictOptions) {
  const h = o.horizonDays ?? ws.config.prediction.horizon_days;
  const T = o.asOf ?? monthlySnapshots(addDays(await endOf(ws), -h), 1)[0]!;
  const dates = monthlySnapshots(addDays(T, -h), o.snapshots ?? DEFAULT_SNAPSHOTS);
  const train = await rows(ws, await snapshotFeatures(ws, dates, h), {
    mode: 'snapshots',
    horizonDays: h,
    snapshots: dates,
  });
  const test = await readFrame(ws.db, ...unpack(await snapshotFeatures(ws, [T], h)));
  return { train, test, testDate: T };
}

const unpack = (q: FeatureQuery) => [q.query, q.features] as const;

/**
 * Rows for `model` to score at `asOf` (default: the day after the data ends), unlabelled, with the segments
 * the model was trained on (not the ones configured now); `only` one customer's (snapshot models).
 */
export async function scoringRows(ws: Workspace, o: PredictOptions, model: ChurnModel, only: string | null = null) {
  if (model.data.mode === 'static') {
    const q = await staticFeatures(ws.db);
    return { frame: await readFrame(ws.db, ...unpack(q)), asOf: q.asOf };
  }
  const asOf = o.asOf ?? (await endOf(ws));
  const q = await snapshotFeatures(ws, [asOf], null, segmentsOf(model.classifier.features), only);
  return { frame: await readFrame(ws.db, ...unpack(q)), asOf };
}
