import type { Dialect } from '../engine/dialect.ts';
import type { Row } from '../engine/engine.ts';
import { type Entity, entities } from '../schema/index.ts';
import { type Sql, sql } from '../sql/sql.ts';
import type { Issue } from './score.ts';

/**
 * Freshness: age in days of the newest row's event time (the entity's first required timestamp) at the end of
 * the workspace's own data: the latest event time in any table, never later than the reference time (dataEndSql).
 * So freshness says whether a feed keeps up with the rest of the data (orders stopping while subscriptions go
 * on), not how long ago the data were exported: a demo or a dataset dated in the past is not stale for being old,
 * and the date the data run to is reported beside the scores. Up to FRESH_DAYS (7: a weekly export is still current) the score is 100; it then falls
 * linearly to 0 at EXPIRED_DAYS (90: a quarter without new rows means the feed has stopped). Status:
 * fresh ≤ 7 days < stale < 90 days ≤ expired. Entities dated by periods (costs, benchmarks: date fields,
 * published after the fact) or without a required time (campaign members) are not judged on freshness.
 * A newest row later than the reference time is fresh here; validity reports it as a future date.
 */
export const FRESH_DAYS = 7;
export const EXPIRED_DAYS = 90;

export interface Freshness {
  score: number | null;
  /** The field the age is measured on; null when freshness does not apply. */
  column: string | null;
  newest: string | null;
  ageDays: number | null;
  status: 'fresh' | 'stale' | 'expired' | null;
}

export const eventTime = (e: Entity): string | undefined =>
  e.fields.find((f) => f.type === 'timestamp' && f.required)?.name;

/**
 * The end of the workspace's data: the latest event time of any table, or `now` when that is later (a future
 * date is a validity issue, not a new end) or there is no data.
 */
export function dataEndSql(now: Sql): Sql {
  const maxima = (Object.values(entities) as Entity[]).flatMap((e) => {
    const t = eventTime(e);
    return t ? [sql`SELECT max(${sql.id(t)}) AS m FROM ${sql.id(e.name)}`] : [];
  });
  return sql`(SELECT CASE WHEN max(m) IS NULL OR max(m) > ${now} THEN ${now} ELSE max(m) END
    FROM (${sql.join(maxima, sql` UNION ALL `)}) ends)`;
}

/** Scan aggregates: the newest event time and its age in days at the end of the data (`end`). */
export function freshnessAggregates(e: Entity, d: Dialect, end: Sql): Sql[] {
  const t = eventTime(e);
  if (!t) return [];
  const newest = sql`max(${sql.id('t', t)})`;
  return [sql`${newest} AS newest`, sql`${d.daysBetween(newest, end)} AS age_days`];
}

/** 0–100 from the age (see the thresholds above); null for an empty table or when freshness does not apply. */
export function freshnessScore(e: Entity, d: Dialect): Sql {
  if (!eventTime(e)) return d.ratio(sql`0`, sql`0`);
  const span = EXPIRED_DAYS - FRESH_DAYS;
  return sql`(CASE WHEN age_days IS NULL THEN NULL WHEN age_days <= ${FRESH_DAYS} THEN 100.0
    WHEN age_days >= ${EXPIRED_DAYS} THEN 0.0 ELSE 100.0 * (${EXPIRED_DAYS} - age_days) / ${span} END)`;
}

export function freshnessDetail(e: Entity, r: Row): Freshness {
  const age = (r.age_days ?? null) as number | null;
  return {
    score: r.freshness as number | null,
    column: eventTime(e) ?? null,
    newest: (r.newest ?? null) as string | null,
    ageDays: age,
    status: age === null ? null : age <= FRESH_DAYS ? 'fresh' : age < EXPIRED_DAYS ? 'stale' : 'expired',
  };
}

export function freshnessIssues(e: Entity, r: Row): Issue[] {
  const f = freshnessDetail(e, r);
  if (f.score === null || f.column === null) return [];
  return [
    {
      dimension: 'freshness',
      column: f.column,
      rule: f.status ?? 'stale',
      count: Math.floor(f.ageDays ?? 0),
      loss: 100 - f.score,
    },
  ];
}
