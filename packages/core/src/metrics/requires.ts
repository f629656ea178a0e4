/**
 * What a metric needs rows of, and why a result is empty. Each metric declares `requires` (define.ts): entities
 * from the schema registry, `a|b` where any one of them will do. When every value of a metric's result is null,
 * the requirements the workspace has no rows for are what to import: the API, the CLI and the dashboard say so
 * instead of showing an empty chart or table.
 */

import type { Connection } from '../engine/engine.ts';
import type { Remedy } from '../errors/actions.ts';
import type { Lang } from '../present/lang.ts';
import type { EntityName } from '../schema/index.ts';
import { sql } from '../sql/sql.ts';
import { catalog, type MetricName } from './catalog.ts';
import type { MetricRow } from './compute.ts';

/** An entity a metric reads, or up to three any one of which will do: `'subscriptions|orders|customers'`. */
export type Requirement = EntityName | `${EntityName}|${EntityName}` | `${EntityName}|${EntityName}|${EntityName}`;

/** A metric whose result is empty for want of data: import any one of `entities`. */
export interface MissingData {
  metric: MetricName;
  entities: EntityName[];
}

/** The entities of a requirement, any one of which will do. */
export const alternatives = (r: Requirement): EntityName[] => r.split('|') as EntityName[];

/**
 * For each metric of `names` whose rows hold no value (forecasts aside), each requirement the workspace has no
 * rows for. A metric with values, or empty for another reason (a period before the data), gives nothing.
 * @example await missingData(ws.db, ['nps'], rows) // [{ metric: 'nps', entities: ['surveys'] }] without surveys
 */
export async function missingData(conn: Connection, names: readonly MetricName[], rows: MetricRow[]) {
  const has = new Map<EntityName, Promise<boolean>>();
  const hasRows = (e: EntityName) => {
    if (!has.has(e))
      has.set(
        e,
        conn
          .all(sql`SELECT count(*) AS n FROM (SELECT 1 FROM ${sql.id(e)} LIMIT 1) AS t${conn.dialect.querySuffix}`)
          .then((r) => Number((r[0] as { n: number | bigint }).n) > 0),
      );
    return has.get(e) as Promise<boolean>;
  };
  const out: MissingData[] = [];
  for (const metric of new Set(names)) {
    if (rows.some((r) => r.metric === metric && r.value !== null && !r.forecast)) continue;
    for (const req of catalog[metric].requires) {
      const entities = alternatives(req);
      const present = await Promise.all(entities.map(hasRows));
      if (!present.includes(true)) out.push({ metric, entities });
    }
  }
  return out;
}

/**
 * What to tell a reader of an empty result, in their language: the hint says it neutrally and names the remedy
 * (import the first of the tables), which each shell words with its command, route or page.
 */
export function missingDataText(m: MissingData, lang: Lang): { message: string; hint: string; remedies: Remedy[] } {
  const names = m.entities.join(lang === 'en' ? ' or ' : ' 或 ');
  const remedies: Remedy[] = [{ action: 'import_table', args: { entity: m.entities[0] as EntityName } }];
  return lang === 'en'
    ? { message: `${m.metric} has no values: the workspace has no ${names} rows`, hint: 'Import them.', remedies }
    : { message: `${m.metric} 没有数值：工作区中没有 ${names} 数据`, hint: '请导入这些数据。', remedies };
}
