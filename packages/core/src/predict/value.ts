/**
 * What a customer is worth, for expected loss = P(churn) × CLV, and who is not worth retaining.
 *
 * CLV is the one definition of models/clv/parts.ts: subscription part (margin × MRR at the snapshot over the
 * discounted horizon) + purchase part (the lifetime models' value, computed for every customer with the latest
 * stored CLV run's fit, horizon and discount rate, when `tenure clv` has been run; else margin × the order spend
 * of the last 365 days over the same horizon). Without MRR or orders (a static customer table) the CLV is
 * unknown (NaN) and so is the expected loss.
 *
 * Not worth retaining: a past churn the workspace classed as malicious (fraud, non-payment after reminders),
 * or a true/yes/1 in the configured credit-risk column. They are scored but kept out of the retention queue.
 */

import type { ClvResult } from '../models/clv/clv.ts';
import { discountedTransactions } from '../models/clv/clv.ts';
import { type ClvTerms, clvParts, DEFAULT_DISCOUNT_RATE, DEFAULT_HORIZON_MONTHS } from '../models/clv/parts.ts';
import { readColumns } from '../models/columns.ts';
import { expectedSpend } from '../models/gamma-gamma/gamma-gamma.ts';
import { rfmSource } from '../models/rfm.ts';
import { latestRun } from '../models/runs.ts';
import { type Sql, sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import type { Frame } from './frame.ts';

export type ClvSource = 'models' | 'fallback';

const column = (frame: Frame, name: string) => {
  const j = frame.features.findIndex((f) => f.name === name && f.kind === 'numeric');
  return j < 0 ? null : (frame.columns[j] as Float64Array);
};

/** Per-customer purchase part from the latest stored lifetime-model CLV run, with its terms, or null. */
async function modelClv(ws: Workspace): Promise<{ purchases: Map<string, number>; terms: ClvTerms } | null> {
  const run = await latestRun(ws.db, 'clv');
  if (!run) return null;
  const r = run.result as ClvResult;
  const source = await rfmSource(ws.db, ws.config, { unit: r.unit, calibrationEnd: r.calibrationEnd });
  const { num, text, rows } = await readColumns(
    ws.db,
    sql`SELECT customer_id, x, t_x, "T", m FROM (${source.customers}) c`,
  );
  const purchases = new Map<string, number>();
  for (let i = 0; i < rows; i++) {
    const [x, tx, T, m] = [num.x![i]!, num.t_x![i]!, num.T![i]!, num.m![i]!];
    const det = discountedTransactions(r.bgNbd.params, r.unit, r.horizonMonths, r.discountRate, x, tx, T);
    purchases.set(text.customer_id![i]!, r.margin * expectedSpend(r.gammaGamma.params, x, m) * det);
  }
  return { purchases, terms: { horizonMonths: r.horizonMonths, discountRate: r.discountRate, margin: r.margin } };
}

/** Per row of a scoring frame: the CLV and its two parts (NaN when unknown). */
export interface FrameValues {
  clv: Float64Array;
  subscription: Float64Array;
  purchases: Float64Array;
  source: ClvSource;
}

/**
 * CLV of every row of a scoring frame (NaN when unknown), its parts, and where its purchase part came from.
 *
 * @example
 * const { clv, subscription, purchases, source } = await customerValues(ws, frame, ids);
 */
export async function customerValues(ws: Workspace, frame: Frame, ids: string[]): Promise<FrameValues> {
  const mrr = column(frame, 'mrr');
  const spend = column(frame, 'spend_365d');
  const models = await modelClv(ws);
  const unknown = () => new Float64Array(frame.rows).fill(Number.NaN);
  const out = { clv: unknown(), subscription: unknown(), purchases: unknown() };
  if (!mrr && !spend && !models) return { ...out, source: 'fallback' };
  const terms = models?.terms ?? {
    horizonMonths: DEFAULT_HORIZON_MONTHS,
    discountRate: DEFAULT_DISCOUNT_RATE,
    margin: ws.config.gross_margin,
  };
  for (let i = 0; i < frame.rows; i++) {
    const p = clvParts(terms, mrr?.[i] ?? 0, models ? (models.purchases.get(ids[i]!) ?? 0) : null, spend?.[i] ?? 0);
    out.clv[i] = p.clv;
    out.subscription[i] = p.subscription;
    out.purchases[i] = p.purchases;
  }
  return { ...out, source: models ? 'models' : 'fallback' };
}

export type NotWorth = 'malicious_churn' | 'credit_risk';

/**
 * The query of customers not worth retaining before `asOf` (a timestamp expression), with why: one row per
 * reason, so a customer may appear twice. Playbooks skip them with the same rule the scoring flags them by.
 *
 * @example
 * sql`SELECT DISTINCT customer_id FROM (${await notWorthSql(ws, sql`now()::TIMESTAMP`)}) n WHERE why = 'credit_risk'`
 */
export async function notWorthSql(ws: Workspace, asOf: Sql): Promise<Sql> {
  const col = ws.config.prediction.credit_risk_column;
  const cols = await ws.db.all<{ column_name: string }>(sql`DESCRIBE customers`);
  const credit = cols.some((c) => c.column_name === col)
    ? sql` UNION ALL SELECT customer_id, 'credit_risk' FROM customers
        WHERE lower(trim(CAST(${sql.id(col)} AS VARCHAR))) IN ('true', 'yes', 'y', '1', '是')`
    : sql``;
  return sql`SELECT customer_id, 'malicious_churn' AS why FROM churn_events
    WHERE category = 'malicious' AND churned_at < ${asOf}${credit}`;
}

/**
 * Customers not worth retaining at `asOf`, with why.
 *
 * @example
 * (await notWorthRetaining(ws, '2025-12-01')).get('C42'); // 'credit_risk'
 */
export async function notWorthRetaining(ws: Workspace, asOf: string): Promise<Map<string, NotWorth>> {
  const rows = await ws.db.all<{ customer_id: string; why: NotWorth }>(
    await notWorthSql(ws, sql`CAST(${asOf} AS TIMESTAMP)`),
  );
  return new Map(rows.map((r) => [r.customer_id, r.why]));
}
