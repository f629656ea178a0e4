import type { ServedFile } from '../customers/served-file.ts';
import { type BuildPace, inPart, refreshServed, type ServedView, servedPath } from '../customers/served-views.ts';
import { LANGS, type Lang } from '../present/lang.ts';
import { sql } from '../sql/sql.ts';
import { dataVersion } from '../workspace/data-version.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { explainKept, type StoredExplanation } from './explain.ts';
import { latestChurnModel } from './latest-model.ts';
import { inLanguage, latestScoring, SCORE_COLUMNS, type Stored } from './queue.ts';
import { riskViewJson } from './risk-view.ts';

type Row = Stored & { explained: string | null; margin: number };

/** Bump when what is kept changes in this code. */
const LAYOUT = 2;

/** A customer's record in one language. */
const keyOf = (id: string, lang: Lang) => `${lang}\t${id}`;

/**
 * Every scored customer's churn-risk view of the latest scoring, kept for serving (served-views.ts) exactly as
 * `GET /churn/customers/:id` answers it, once per language: computed per request, a first open ran five
 * statements (~15 ms of database CPU), and read from a file of kept values it still cost TreeSHAP (~1 ms for the
 * customers the scoring did not explain) and the wording of every feature, where a route has ~0.2 ms for a
 * hundred agents on two cores. The SHAP values of those customers are computed here, a few hundred at a time
 * (gbdt/shap.ts reuses a tree's values for rows that take the same way through it).
 */
const servedRiskView: ServedView<Row> = {
  name: 'churn-risk',
  async version(ws) {
    const [run, model] = await Promise.all([latestScoring(ws), latestChurnModel(ws)]);
    if (!run || !model) return null;
    // The explanation's tier follows the configured tiers, which settings may change without a scoring.
    const tiers = ws.config.prediction.tiers;
    return JSON.stringify([run.runId, model.runId, await dataVersion(ws.db, ['customers']), tiers, LAYOUT]);
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
  async records(rows, ws) {
    const latest = await latestChurnModel(ws);
    if (!latest) return [];
    // Customers whose kept values are another model's (scored before the latest training) are left out: the
    // route computes theirs, as it does for customers not in the file.
    const kept = rows.flatMap((row) => {
      const explained = row.explained ? (JSON.parse(row.explained) as StoredExplanation) : null;
      return explained?.m === latest.runId ? [{ row, explained }] : [];
    });
    const explanations = explainKept(
      ws,
      latest.model,
      latest.runId,
      kept.map(({ row, explained }) => ({
        id: row.customer_id,
        asOf: row.as_of,
        kept: explained,
        margin: row.margin,
        probability: row.probability,
      })),
    );
    return kept.flatMap(({ row: { explained: _, margin: __, ...score } }, i) =>
      LANGS.map((lang): [string, string] => [
        keyOf(score.customer_id, lang),
        riskViewJson({ ...score, reasons: inLanguage(score.reasons, lang) }, explanations[i]!, lang),
      ]),
    );
  },
};

/** The served churn-risk file, or null when none reflects the latest scoring now. */
export const servedChurnRisk = (ws: Workspace) => servedPath(ws, servedRiskView);

/** Build the served churn-risk file when a scoring exists and the file does not reflect it. */
export const refreshServedRisk = (ws: Workspace, o: BuildPace = {}) => refreshServed(ws, servedRiskView, o);

/**
 * One customer's churn-risk view in `lang` as the route sends it (UTF-8 JSON), from the served file; null when
 * the file does not have it (not scored, or scored by another model than the latest): the caller then computes
 * the view.
 * @example const json = await servedRisk(file, 'C0000042', 'zh-CN'); json && JSON.parse(json.toString()).score
 */
export const servedRisk = (file: Pick<ServedFile, 'get'>, id: string, lang: Lang): Promise<Buffer | null> =>
  file.get(keyOf(id, lang));
