/**
 * What a customer is worth, for expected loss = P(churn) × CLV, and who is not worth retaining.
 *
 * CLV = subscription part + purchase part:
 * - subscription: gross margin × 12 × MRR at the snapshot (a year of the current contract);
 * - purchases: the lifetime models' CLV when `tenure clv` has been run (BG/NBD × gamma-gamma, Fader, Hardie &
 *   Lee 2005, computed for every customer with the stored fit's parameters, horizon and discount rate), else
 *   gross margin × the order spend of the last 365 days.
 * Without MRR or orders (a static customer table) the CLV is unknown (NaN) and so is the expected loss.
 *
 * Not worth retaining: a past churn the workspace classed as malicious (fraud, non-payment after reminders),
 * or a true/yes/1 in the configured credit-risk column. They are scored but kept out of the retention queue.
 */

import type { ClvResult } from '../models/clv/clv.ts';
import { discountedTransactions } from '../models/clv/clv.ts';
import { readColumns } from '../models/columns.ts';
import { expectedSpend } from '../models/gamma-gamma/gamma-gamma.ts';
import { rfmSource } from '../models/rfm.ts';
import { latestRun } from '../models/runs.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import type { Frame } from './frame.ts';

export type ClvSource = 'models' | 'fallback';

const column = (frame: Frame, name: string) => {
  const j = frame.features.findIndex((f) => f.name === name && f.kind === 'numeric');
  return j < 0 ? null : (frame.columns[j] as Float64Array);
};

/** Per-customer CLV from the latest stored lifetime-model CLV run, or null when there is none. */
async function modelClv(ws: Workspace): Promise<Map<string, number> | null> {
  const run = await latestRun(ws.db, 'clv');
  if (!run) return null;
  const r = run.result as ClvResult;
  const source = await rfmSource(ws.db, ws.config, { unit: r.unit, calibrationEnd: r.calibrationEnd });
  const { num, text, rows } = await readColumns(
    ws.db,
    sql`SELECT customer_id, x, t_x, "T", m FROM (${source.customers}) c`,
  );
  const out = new Map<string, number>();
  for (let i = 0; i < rows; i++) {
    const [x, tx, T, m] = [num.x![i]!, num.t_x![i]!, num.T![i]!, num.m![i]!];
    const det = discountedTransactions(r.bgNbd.params, r.unit, r.horizonMonths, r.discountRate, x, tx, T);
    out.set(text.customer_id![i]!, r.margin * expectedSpend(r.gammaGamma.params, x, m) * det);
  }
  return out;
}

/**
 * CLV of every row of a scoring frame (NaN when unknown) and where its purchase part came from.
 *
 * @example
 * const { clv, source } = await customerValues(ws, frame, ids);
 */
export async function customerValues(
  ws: Workspace,
  frame: Frame,
  ids: string[],
): Promise<{ clv: Float64Array; source: ClvSource }> {
  const margin = ws.config.gross_margin;
  const mrr = column(frame, 'mrr');
  const spend = column(frame, 'spend_365d');
  const models = await modelClv(ws);
  const clv = new Float64Array(frame.rows).fill(Number.NaN);
  if (!mrr && !spend && !models) return { clv, source: 'fallback' };
  for (let i = 0; i < frame.rows; i++) {
    const subscription = margin * 12 * (Number.isNaN(mrr?.[i] ?? 0) ? 0 : (mrr?.[i] ?? 0));
    const purchases = models ? (models.get(ids[i]!) ?? 0) : margin * (spend?.[i] ?? 0);
    clv[i] = subscription + purchases;
  }
  return { clv, source: models ? 'models' : 'fallback' };
}

export type NotWorth = 'malicious_churn' | 'credit_risk';

/**
 * Customers not worth retaining at `asOf`, with why.
 *
 * @example
 * (await notWorthRetaining(ws, '2025-12-01')).get('C42'); // 'credit_risk'
 */
export async function notWorthRetaining(ws: Workspace, asOf: string): Promise<Map<string, NotWorth>> {
  const col = ws.config.prediction.credit_risk_column;
  const cols = await ws.db.all<{ column_name: string }>(sql`DESCRIBE customers`);
  const credit = cols.some((c) => c.column_name === col)
    ? sql` UNION ALL SELECT customer_id, 'credit_risk' FROM customers
        WHERE lower(trim(CAST(${sql.id(col)} AS VARCHAR))) IN ('true', 'yes', 'y', '1', '是')`
    : sql``;
  const rows = await ws.db.all<{ customer_id: string; why: NotWorth }>(sql`
    SELECT customer_id, 'malicious_churn' AS why FROM churn_events
    WHERE category = 'malicious' AND churned_at < CAST(${asOf} AS TIMESTAMP)${credit}`);
  return new Map(rows.map((r) => [r.customer_id, r.why]));
}
