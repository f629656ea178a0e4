import type { MetricQuery, MetricSql } from '@tenure/core';
import type { Globals } from './context.ts';
import { emit } from './output.ts';

/** A metric query before its window is resolved: without from and to, the 12 periods ending with the last complete one. */
export type AskedQuery = Omit<MetricQuery, 'from' | 'to'> & { from?: string; to?: string };

/**
 * `tenure metrics NAME… --sql`: each metric's SQL with its bound values, for the engine the command would run it
 * on (the workspace's DuckDB, or ClickHouse with --engine), instead of its rows. With --json, the text and values
 * as data. Core is loaded here, when the option is given, so the option costs nothing to commands without it.
 */
export async function printMetricsSql(g: Globals, names: string[], query: AskedQuery): Promise<void> {
  const { metricSql, openClickHouse, periodWindow, sqlListing, withWorkspace } = await import('@tenure/core');
  const printed: MetricSql[] = await withWorkspace(g.workspace, async (ws) => {
    const w = await periodWindow(ws, query);
    const conn = g.engine ? await openClickHouse(g.engine) : ws.db;
    try {
      const out: MetricSql[] = [];
      for (const name of names) out.push(await metricSql(conn, ws.config, name, { ...query, from: w.from, to: w.to }));
      return out;
    } finally {
      if (conn !== ws.db) await conn.close();
    }
  });
  emit(g, printed, () => printed.map(sqlListing).join('\n'));
}
