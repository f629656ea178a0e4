/**
 * Seeded randomness as SQL expressions, and the small fragments that turn draws into values. DuckDB's
 * random() depends on thread scheduling, so every draw is instead a hash of (seed, stream, keys…): the same
 * row gets the same number however the query runs. Distributions come from uniforms by inverse CDF
 * (exponential, geometric) or Box–Muller (normal).
 */
import { type Sql, sql } from '../../sql/sql.ts';
import type { Weights } from './params.ts';

/**
 * One stream per independent draw, so no two draws share a hash. Append new names at the end only:
 * renumbering would change every dataset generated with a given seed.
 */
const STREAM_NAMES = [
  'channel',
  'region',
  'customerType',
  'productLine',
  'contract',
  'plan',
  'billing',
  'acquisitionCost',
  'usageBase',
  'orderRate',
  'planChange',
  'planChangeAt',
  'planDirection',
  'unresolved',
  'onset',
  'campaignSample',
  'campaignGroup',
  'churn',
  'churnAt',
  'reactivate',
  'reactivateGap',
  'reactivateAt',
  'notice',
  'reason',
  'competitor',
  'usage',
  'usageAt',
  'login',
  'loginCount',
  'loginAt',
  'orderCount',
  'orderAt',
  'orderAmount',
  'orderCost',
  'orderLine',
  'ticket',
  'ticketAt',
  'ticketChannel',
  'ticketCategory',
  'ticketPriority',
  'ticketResponse',
  'ticketResolution',
  'ticketClosed',
  'ticketCsat',
  'ticketText',
  'preChurnComplaint',
  'nps',
  'csat',
  'ces',
  'exit',
  'employee',
  'npsAt',
  'npsScore',
  'csatAt',
  'csatScore',
  'cesScore',
  'exitAt',
  'exitScore',
  'employeeAt',
  'employeeScore',
  'ticketUnanswered',
  'unsatisfied',
  'retentionCase',
  'retentionContact',
  'retentionOutcome',
  'caseEscalate',
  'caseServiceRequest',
  'caseStage',
  'caseStuck',
  'caseRootCause',
  'caseFault',
  'caseCompensation',
  'caseAmount',
  'caseGranted',
  'caseCancel',
  'caseCancelAt',
  'caseReopen',
  'caseReopenAt',
  'caseContact',
  'caseCsat',
  'caseFollowUp',
  'caseFollowUpAt',
  'caseOpenAt',
  'textLang',
  'textTopic',
  'textPart',
  'comment',
  'churnNote',
] as const;

export type Stream = (typeof STREAM_NAMES)[number];

const MODULUS = sql.raw('1000000007');

/** Draws for one seed. Keys must be integers (they are cast to BIGINT so a key hashes the same anywhere). */
export class Rand {
  constructor(private readonly seed: number) {}

  /** Uniform in the open interval (0, 1). */
  u(stream: Stream, ...keys: Sql[]): Sql {
    const id = STREAM_NAMES.indexOf(stream) + 1;
    const ks = keys.map((k) => sql`CAST(${k} AS BIGINT)`);
    return sql`((hash(CAST(${this.seed} AS BIGINT), ${sql.raw(String(id))}, ${sql.join(ks)}) % ${MODULUS} + 0.5) / ${MODULUS})`;
  }

  /** Standard normal by Box–Muller from two uniforms of the same stream. */
  normal(stream: Stream, ...keys: Sql[]): Sql {
    const u1 = this.u(stream, ...keys, sql`1`);
    const u2 = this.u(stream, ...keys, sql`2`);
    return sql`(sqrt(-2 * ln(${u1})) * cos(2 * pi() * ${u2}))`;
  }

  /** Log-normal with the given mean (not median) and log-scale sigma. */
  logNormal(mean: Sql | number, sigma: number, stream: Stream, ...keys: Sql[]): Sql {
    return sql`exp(ln(${mean}) - ${(sigma * sigma) / 2} + ${sigma} * ${this.normal(stream, ...keys)})`;
  }

  /** Failures before the first success of a Bernoulli(rate) sequence: 0, 1, 2, … */
  geometric(rate: number, stream: Stream, ...keys: Sql[]): Sql {
    return sql`CAST(floor(ln(${this.u(stream, ...keys)}) / ln(${1 - rate})) AS BIGINT)`;
  }

  /** Gamma(shape) scaled to the given mean, by the Wilson–Hilferty cube approximation (zero below its support). */
  gamma(mean: number, shape: number, stream: Stream, ...keys: Sql[]): Sql {
    const z = this.normal(stream, ...keys);
    const c = 1 / (9 * shape);
    return sql`(${mean} * pow(greatest(0, ${1 - c} + ${Math.sqrt(c)} * ${z}), 3))`;
  }

  /** An epoch second in [lo, hi): a moment inside a span. */
  within(lo: Sql, hi: Sql, stream: Stream, ...keys: Sql[]): Sql {
    return sql`(${lo} + CAST(floor(${this.u(stream, ...keys)} * (${hi} - ${lo})) AS BIGINT))`;
  }
}

/** The category whose cumulative weight first exceeds `u` (a column, so it is hashed once). */
export function pick(u: Sql, weights: Weights): Sql {
  const entries = Object.entries(weights);
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let cum = 0;
  const whens = entries.slice(0, -1).map(([value, w]) => {
    cum += w / total;
    return sql`WHEN ${u} < ${cum} THEN ${value}`;
  });
  return sql`(CASE ${sql.join(whens, sql` `)} ELSE ${entries.at(-1)![0]} END)`;
}

/** One of `values` with equal probability. */
export function choose(u: Sql, values: readonly string[]): Sql {
  return pick(u, Object.fromEntries(values.map((v) => [v, 1])));
}

/** One of the texts listed for the row's category, e.g. a churn reason or a ticket text. */
export function byCategory(category: Sql, u: Sql, texts: Readonly<Record<string, readonly string[]>>): Sql {
  const whens = Object.entries(texts).map(([value, list]) => sql`WHEN ${value} THEN ${choose(u, list)}`);
  return sql`(CASE ${category} ${sql.join(whens, sql` `)} END)`;
}

/** A value looked up by key: CASE key WHEN … THEN … END. */
export function lookup(key: Sql, map: Readonly<Record<string, number | string>>): Sql {
  const whens = Object.entries(map).map(([k, v]) => sql`WHEN ${k} THEN ${v}`);
  return sql`(CASE ${key} ${sql.join(whens, sql` `)} END)`;
}

/** Bound values for an IN list: plan IN (${valueList(['basic', 'standard'])}). */
export function valueList(values: readonly string[]): Sql {
  return sql.join(values.map((v) => sql`${v}`));
}

/** A satisfaction in [0, 1] (clamped) as an integer score from lo to hi. */
export function scaled(satisfaction: Sql, lo: number, hi: number): Sql {
  return sql`(${lo} + round(${hi - lo} * greatest(0, least(1, ${satisfaction}))))`;
}

/** Epoch seconds to a TIMESTAMP (no time zone, as the schema stores them). */
export function toTs(seconds: Sql): Sql {
  return sql`make_timestamp(CAST(${seconds} AS BIGINT) * 1000000)`;
}
