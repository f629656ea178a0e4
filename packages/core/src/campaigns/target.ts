/**
 * Whom a design targets, as one set-based query over the customers active at the campaign clock: a customer
 * filter, a risk tier or above at the latest scoring, the at-risk list (high and above), or the customers a
 * playbook's trigger matches now. Each row carries its stratum: the latest scoring's tier × the strata dimension.
 * The names a target uses are checked against the workspace first (TEN_CAMPAIGN_TARGET).
 */
import { filterDimensions } from '../customers/columns.ts';
import { tenureError } from '../errors.ts';
import { pickBasis } from '../metrics/query.ts';
import { OPEN_END } from '../metrics/spans.ts';
import { customerFilterOf } from '../playbooks/filter.ts';
import { listPlaybooks } from '../playbooks/store.ts';
import { triggerQuery } from '../playbooks/triggers.ts';
import { tiers } from '../predict/alerts/rules.ts';
import { classifiedAt, customerSource } from '../segments/derived.ts';
import { type Sql, sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import type { Target } from './design.ts';
import { activitySpans } from './outcome.ts';

const tierRank = (col: Sql) => sql`list_position(${[...tiers]}, ${col})`;
const LATEST = sql`(SELECT max(run_id) FROM scores)`;

/** The target in words for messages: `risk_tier critical`, `filter region=north`. */
export const targetText = (t: Target): string =>
  t.kind === 'filter'
    ? `filter ${t.filter.join(' ')}`
    : t.kind === 'risk_tier'
      ? `risk_tier ${t.tier}`
      : t.kind === 'playbook'
        ? `playbook ${t.playbook}`
        : 'at_risk';

async function picked(ws: Workspace, t: Target, now: Sql): Promise<Sql> {
  switch (t.kind) {
    case 'filter': {
      const known = await filterDimensions(ws);
      const filter = customerFilterOf(t.filter);
      for (const field of Object.keys(filter))
        if (!known.includes(field)) throw tenureError('TEN_CAMPAIGN_TARGET', { part: 'field', value: field, known });
      const conds = Object.entries(filter).map(
        ([field, values]) => sql`CAST(${sql.id('c', field)} AS VARCHAR) IN (SELECT unnest(${values}))`,
      );
      // Derived dimensions classify customers at the end of the data, as of the campaign clock.
      const from = customerSource(Object.keys(filter), classifiedAt(ws.config, now), 'c');
      return sql`SELECT c.customer_id FROM ${from} WHERE ${sql.join(conds, sql` AND `)}`;
    }
    case 'risk_tier':
    case 'at_risk': {
      const tier = t.kind === 'risk_tier' ? t.tier : 'high';
      if (!(tiers as readonly string[]).includes(tier))
        throw tenureError('TEN_CAMPAIGN_TARGET', { part: 'tier', value: tier, known: [...tiers] });
      const [s] = await ws.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM scores`);
      if (!s?.n) throw tenureError('TEN_CAMPAIGN_EMPTY_TARGET', { target: targetText(t), reason: 'no_scoring' });
      return sql`SELECT customer_id FROM scores WHERE run_id = ${LATEST} AND ${tierRank(sql`tier`)} >= ${tierRank(sql`${tier}`)}`;
    }
    case 'playbook': {
      const playbook = (await listPlaybooks(ws)).find((p) => p.id === t.playbook);
      if (!playbook) {
        const known = (await listPlaybooks(ws)).map((p) => p.id);
        throw tenureError('TEN_CAMPAIGN_TARGET', { part: 'playbook', value: t.playbook, known });
      }
      const q = triggerQuery(playbook.trigger, { cause: { kind: 'manual', ref: null }, now, config: ws.config });
      return sql`SELECT DISTINCT customer_id FROM (${q}) p`;
    }
  }
}

/**
 * customer_id and stratum of every targeted customer active at `clock` ('YYYY-MM-DD HH:MM:SS'). The stratum is
 * `tier` or `tier × value` with the strata dimension; a customer without a score is in tier 'unscored', one
 * without a value in '(none)'. The strata dimension is checked against the workspace's dimensions.
 */
export async function targetSql(ws: Workspace, t: Target, strata: string | undefined, clock: string): Promise<Sql> {
  if (strata) {
    const known = await filterDimensions(ws);
    if (!known.includes(strata)) throw tenureError('TEN_CAMPAIGN_TARGET', { part: 'field', value: strata, known });
  }
  const d = ws.db.dialect;
  const now = d.timestamp(sql`${clock}`);
  const basis = await pickBasis(ws.db, 'auto');
  const spans = activitySpans(basis, ws.config, d.timestamp(sql`${OPEN_END}`));
  const tier = sql`coalesce(s.tier, 'unscored')`;
  const stratum = strata ? sql`${tier} || ' × ' || coalesce(CAST(c.${sql.id(strata)} AS VARCHAR), '(none)')` : tier;
  // A derived strata dimension (value tier…) classifies customers at the end of the data, as targets do.
  const customers = customerSource(strata ? [strata] : [], classifiedAt(ws.config, now), 'c');
  return sql`SELECT c.customer_id AS customer_id, ${stratum} AS stratum
    FROM ${customers}
    JOIN (SELECT DISTINCT customer_id FROM (${await picked(ws, t, now)}) x) p ON p.customer_id = c.customer_id
    JOIN (SELECT DISTINCT customer_id FROM (${spans}) a WHERE a.a <= ${now} AND a.z > ${now}) v ON v.customer_id = c.customer_id
    LEFT JOIN (SELECT customer_id, tier FROM scores WHERE run_id = ${LATEST}) s ON s.customer_id = c.customer_id`;
}
