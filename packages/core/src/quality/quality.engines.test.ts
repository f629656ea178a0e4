import { expect } from 'vitest';
import { forEachEngine } from '../../test/engine-suite.ts';
import { computeMetric } from '../metrics/compute.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { assessQuality } from './index.ts';

/**
 * Portability: the same dirty rows give the same report on every engine, DuckDB being the reference. (Empty
 * required cells are left out: ClickHouse stores required fields as non-Nullable columns, so it cannot hold them.)
 */
async function fill(ws: Workspace): Promise<void> {
  await ws.db.run(sql`INSERT INTO customers (customer_id, name, created_at, region) VALUES
    ('C1', 'Ann', TIMESTAMP '2024-01-01', 'north'), ('C2', NULL, TIMESTAMP '2024-02-01', 'south'),
    ('C4', 'Dan', TIMESTAMP '2024-05-01', NULL)`);
  await ws.db.run(sql`INSERT INTO orders (order_id, customer_id, ordered_at, amount, cost) VALUES
    ('O1', 'C1', TIMESTAMP '2024-01-05', 100, 40), ('O2', 'C2', TIMESTAMP '2024-01-06', -20, NULL),
    ('O3', 'C9', TIMESTAMP '2024-01-07', 50, NULL), ('O3', 'C1', TIMESTAMP '2024-01-08 12:30:00', 60, NULL)`);
  await ws.db.run(sql`INSERT INTO subscriptions (subscription_id, customer_id, started_at, ended_at, mrr, billing_period) VALUES
    ('S1', 'C1', TIMESTAMP '2024-01-01', NULL, 10, 'month'),
    ('S2', 'C2', TIMESTAMP '2024-03-01', TIMESTAMP '2024-02-01', 20, 'fortnight')`);
  await ws.db.run(sql`INSERT INTO surveys (response_id, respondent_type, respondent_id, answered_at, kind, score) VALUES
    ('R1', 'employee', 'E7', TIMESTAMP '2024-03-01', 'employee', 8), ('R2', NULL, 'C9', TIMESTAMP '2024-03-03', 'nps', 11)`);
  await ws.db.run(sql`INSERT INTO costs (period_start, period_end, category, amount, segment) VALUES
    (DATE '2024-02-01', DATE '2024-01-31', 'retention', 5, 'all')`);
}

const NOW = '2024-04-01 00:00:00';

forEachEngine('data quality on every engine', fill, (e) => {
  e.it('assessQuality gives the reference report', async () => {
    const report = await assessQuality(e.conn, { now: NOW });
    expect(report).toEqual(await assessQuality(e.ws.db, { now: NOW }));
    expect(report.entities.find((x) => x.entity === 'orders')?.score).toBeCloseTo(
      (30 * ((100 * 65) / 68) + 25 * 75 + 20 * 75 + 15 * 75 + 10 * ((100 * (90 - (83 + 11.5 / 24))) / 83)) / 100,
      9,
    );
  });

  e.it('the data_quality metric gives the reference rows', async () => {
    const q = { period: 'quarter', from: '2024-01', to: '2024-03' } as const;
    const rows = await computeMetric(e.conn, e.ws.config, 'data_quality', q);
    expect(rows).toEqual(await computeMetric(e.ws.db, e.ws.config, 'data_quality', q));
    expect(rows).toHaveLength(13); // 12 entities and overall
  });
});
