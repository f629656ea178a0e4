/**
 * The campaign's planted effect as a measurement of it estimates it: the intention-to-treat reduction in churn
 * within the outcome window (P(churn | control) − P(churn | treatment), absolute), overall and per value of the
 * effect's dimension. It is computed from the generator's hazards, not from the realised churns: every member
 * (a life active on launch day, campaign-costs.ts) is walked through the window's months twice, once in each
 * arm, with all its other latent drivers as drawn (lives.ts `multipliers`), so the figure is the expected effect
 * on these members and a measured interval should cover it in about 95 % of seeds.
 *
 * A month's hazard h_m (the probability of churning in month m if still a member at its start) is what
 * lives.ts draws churn against; the churn moment is uniform within its month (random.ts `within`), so
 *   P(churn within the window) = Σ_m S_{m−1} · h_m · overlap_m,   S_m = Π_{k ≤ m} (1 − h_k),
 * where overlap_m is the share of month m before the window's end. Averaging over members is ITT: the
 * treatment acts on everyone assigned to it (the demo delivers it to all of them). Sums run in a fixed order,
 * so the same seed writes the same digits on any number of threads.
 */
import { sql } from '../../sql/sql.ts';
import { monthStart } from './calendar.ts';
import type { DemoContext } from './context.ts';
import { HAZARDS, multipliers } from './lives.ts';
import { DEMO_PARAMS } from './params.ts';

export interface PlantedEffect {
  /** The outcome window in days from the campaign's launch. */
  windowDays: number;
  /** The customer column the effect depends on. */
  dimension: string;
  /** Expected ITT reduction in churn within the window: control − treatment, absolute. */
  overall: number;
  /** The same per value of the dimension. */
  bySegment: Record<string, number>;
  /** Expected churn within the window per arm, overall, had every member been in that arm. */
  expectedChurn: { control: number; treatment: number };
  /** Members per value of the dimension (both arms). */
  members: Record<string, number>;
}

type Row = { segment: string; total: boolean; members: number; control: number; treatment: number; effect: number };

/** Compute the planted effect on the members written by writeCampaign (demo_spans must still exist). */
export async function plantedEffect(ctx: DemoContext): Promise<PlantedEffect> {
  const { effect, outcomeWindowDays: windowDays } = DEMO_PARAMS.campaign;
  const launch = monthStart(ctx.cal.campaignFrom);
  const cutoff = sql`(${launch} + ${windowDays * 86_400})`;
  const rows = await ctx.db.all<Row>(sql`
    WITH members AS (
      SELECT * FROM demo_spans WHERE campaign_group IS NOT NULL AND start_s < ${launch} AND end_s > ${launch}
    ), months AS (
      SELECT l.n, l.life, CAST(${sql.id('l', effect.dimension)} AS VARCHAR) AS segment, arm.a, g.m,
        greatest(0, least(1, (${cutoff} - mo.ms_s) / (mo.me_s - mo.ms_s))) AS overlap, mo.frac,
        ${multipliers(ctx, sql`arm.a`)}
      FROM members l, (VALUES ('control'), ('treatment')) arm(a), demo_months mo, range(${ctx.cal.campaignFrom}, ${ctx.months}) g(m)
      WHERE mo.m = g.m AND mo.ms_s < ${cutoff}
    ), hazards AS (
      SELECT n, life, segment, a, m, overlap, least(1, h_ret + h_inv + h_vol) AS h
      FROM (SELECT *, ${HAZARDS} FROM months)
    ), lives AS (
      SELECT n, life, segment, sum(survived * h * overlap ORDER BY m) FILTER (WHERE a = 'control') AS pc,
        sum(survived * h * overlap ORDER BY m) FILTER (WHERE a = 'treatment') AS pt
      FROM (
        SELECT *, coalesce(exp(sum(ln(greatest(1 - h, 1e-300))) OVER (
          PARTITION BY n, life, a ORDER BY m ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)), 1) AS survived
        FROM hazards
      ) GROUP BY ALL
    )
    SELECT segment, grouping(segment) = 1 AS total, CAST(count(*) AS BIGINT) AS members,
      avg(pc ORDER BY n, life) AS control, avg(pt ORDER BY n, life) AS treatment, avg(pc - pt ORDER BY n, life) AS effect
    FROM lives GROUP BY ROLLUP (segment) ORDER BY segment`);
  const all = rows.find((r) => r.total);
  const segments = rows.filter((r) => !r.total);
  return {
    windowDays,
    dimension: effect.dimension,
    overall: all?.effect ?? 0,
    bySegment: Object.fromEntries(segments.map((r) => [r.segment, r.effect])),
    expectedChurn: { control: all?.control ?? 0, treatment: all?.treatment ?? 0 },
    members: Object.fromEntries(segments.map((r) => [r.segment, r.members])),
  };
}
