import type { ServedFile } from '../customers/served-file.ts';
import { inPart, refreshServed, type ServedView, servedPath } from '../customers/served-views.ts';
import type { Lang } from '../present/lang.ts';
import { sql } from '../sql/sql.ts';
import { dataVersion } from '../workspace/data-version.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { type Explanation, explainKept, type StoredExplanation } from './explain.ts';
import { latestChurnModel } from './latest-model.ts';
import type { ChurnModel } from './model.ts';
import { inLanguage, latestScoring, type RiskRow, SCORE_COLUMNS, type Stored } from './queue.ts';

/** What the served file keeps of a scored customer: the score row and what the scoring kept to explain it. */
interface Kept {
  score: Stored;
  explained: StoredExplanation | null;
  margin: number;
}

type Row = Stored & { explained: string | null; margin: number };

/** Bump when what is kept changes in this code. */
const LAYOUT = 1;

/**
 * Every scored customer's churn-risk view of the latest scoring, kept for serving (served-views.ts): the score
 * row with the customer's name and the explanation's inputs, where a first open ran five statements (~15 ms of
 * database CPU). The explanation itself is worded per request, in the request's language, and its SHAP values
 * are computed then for customers the scoring did not explain (~1 ms).
 */
const servedRiskView: ServedView<Row> = {
  name: 'churn-risk',
  async version(ws) {
    const [run, model] = await Promise.all([latestScoring(ws), latestChurnModel(ws)]);
    if (!run || !model) return null;
    return JSON.stringify([run.runId, model.runId, await dataVersion(ws.db, ['customers']), LAYOUT]);
  },
  async count(ws) {
    const run = await latestScoring(ws);
    const [r] = await ws.db.all<{ n: number }>(
      sql`SELECT count(*) AS n FROM scores WHERE run_id = ${run?.runId ?? -1}`,
    );
    return r?.n ?? 0;
  },
  async rows(ws, from, to) {
    const run = await latestScoring(ws);
    return ws.db.all<Row>(sql`SELECT ${SCORE_COLUMNS}, c.name, s.explained, s.margin
      FROM scores s LEFT JOIN customers c ON c.customer_id = s.customer_id
      WHERE s.run_id = ${run?.runId ?? -1} AND ${inPart(sql`s.k`, from, to)}`);
  },
  record: ({ explained, margin, ...score }) => [
    score.customer_id,
    JSON.stringify({ score, explained: explained ? JSON.parse(explained) : null, margin } satisfies Kept),
  ],
};

/** The served churn-risk file, or null when none reflects the latest scoring now. */
export const servedChurnRisk = (ws: Workspace) => servedPath(ws, servedRiskView);

/** Build the served churn-risk file when a scoring exists and the file does not reflect it. */
export const refreshServedRisk = (ws: Workspace) => refreshServed(ws, servedRiskView);

/**
 * One customer's score and its explanation, in `lang`, from the served file and the `latest` churn model (as
 * `latestChurnModel` gives it); null when the file does not have them (not scored, or scored by another model
 * than the latest): the caller then computes the view.
 * @example const r = await servedRisk(ws, file, 'C0000042', 'zh-CN', latest); r?.explanation.reasons[0]
 */
export async function servedRisk(
  ws: Workspace,
  file: ServedFile,
  id: string,
  lang: Lang,
  latest: { runId: number; model: ChurnModel },
): Promise<{ score: RiskRow; explanation: Explanation } | null> {
  const text = await file.get(id);
  if (text === null) return null;
  const { score, explained, margin } = JSON.parse(text.toString()) as Kept;
  if (explained?.m !== latest.runId) return null;
  const model = latest.model;
  const found = { kept: explained, margin, probability: score.probability };
  return {
    score: { ...score, reasons: inLanguage(score.reasons, lang) },
    explanation: explainKept(ws, model, explained.m, id, score.as_of, found),
  };
}
