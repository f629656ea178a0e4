/**
 * `survival(ws, query)`: Kaplan–Meier curves per segment from the workspace, and the log-rank test across
 * them. The SQL reduces customers to (segment, time, churned, count) patterns; the estimators run on those.
 */
import type { DuckDbConnection } from '../../engine/duckdb/connection.ts';
import { tenureError } from '../../errors.ts';
import { type Sql, sql } from '../../sql/sql.ts';
import type { TenureConfig } from '../../workspace/config.ts';
import { readColumns } from '../columns.ts';
import { type SurvivalQuery, type SurvivalSource, survivalSource } from '../survival-data.ts';
import { type ConfType, type KaplanMeier, kaplanMeier, type SurvivalPatterns } from './kaplan-meier.ts';
import { type LogRank, logRank } from './log-rank.ts';

export interface SurvivalOptions extends SurvivalQuery {
  confType?: ConfType;
  /** Horizon of the restricted mean, in the unit; default the longest observed time. */
  tau?: number;
}

export interface SurvivalResult {
  unit: SurvivalQuery['unit'];
  asOf: string;
  basis: string;
  by: string[];
  curves: ({ segment: string } & KaplanMeier)[];
  /** Across the segments; null without --by or with one segment. */
  logRank: LogRank | null;
}

/** The segment label of a lifetimes row: the by-values joined, or 'all'. */
const segmentKey = (by: string[]): Sql =>
  by.length
    ? sql.join(
        by.map((b) => sql.id(`seg_${b}`)),
        sql` || ' · ' || `,
      )
    : sql`'all'`;

/** Patterns per segment from a lifetimes query. */
async function segmentPatterns(db: DuckDbConnection, src: SurvivalSource): Promise<Map<string, SurvivalPatterns>> {
  const { num, text, rows } = await readColumns(
    db,
    sql`SELECT ${segmentKey(src.by)} AS segment, time, CAST(sum(event) AS DOUBLE) AS events, CAST(count(*) AS DOUBLE) AS count
      FROM (${src.lifetimes}) l GROUP BY ALL ORDER BY segment, time`,
  );
  const out = new Map<string, SurvivalPatterns>();
  for (let i = 0; i < rows; ) {
    const seg = text.segment![i]!;
    let j = i;
    while (j < rows && text.segment![j] === seg) j++;
    out.set(seg, {
      time: num.time!.slice(i, j),
      events: num.events!.slice(i, j),
      count: num.count!.slice(i, j),
    });
    i = j;
  }
  return out;
}

/**
 * Survival curves by segment.
 *
 * @example
 * const s = await survival(ws.db, ws.config, { unit: 'month', by: ['contract'] }); // s.curves, s.logRank
 */
export async function survival(
  db: DuckDbConnection,
  config: TenureConfig,
  opts: SurvivalOptions,
): Promise<SurvivalResult> {
  const src = await survivalSource(db, config, opts);
  const groups = [...(await segmentPatterns(db, src))].map(([group, patterns]) => ({ group, patterns }));
  if (!groups.length)
    throw tenureError('TEN_MODEL_INSUFFICIENT_DATA', {
      model: 'kaplan-meier',
      detail: `no customer started before ${src.asOf}`,
      hint: {
        en: 'Import customers with churn events, subscriptions or orders, or pick a later date.',
        'zh-CN': '请导入带流失事件、订阅或订单的客户，或选择更晚的日期。',
      },
      remedies: [{ action: 'later_as_of' }],
    });
  const tau = opts.tau ?? Math.max(...groups.map((g) => g.patterns.time.reduce((a, b) => Math.max(a, b), 0)));
  return {
    unit: opts.unit,
    asOf: src.asOf,
    basis: src.basis,
    by: src.by,
    curves: groups.map(({ group, patterns }) => ({
      segment: group,
      ...kaplanMeier(patterns, { confType: opts.confType ?? 'log', tau }),
    })),
    logRank: logRank(groups),
  };
}
