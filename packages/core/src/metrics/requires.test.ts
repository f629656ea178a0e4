import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entityNames } from '../schema/index.ts';
import { sql } from '../sql/sql.ts';
import { generateDemo } from '../workspace/demo/index.ts';
import { initWorkspace, type Workspace } from '../workspace/workspace.ts';
import { catalog, metricNames } from './catalog.ts';
import { computeMetrics } from './compute.ts';
import { alternatives, missingData, missingDataText } from './requires.ts';

const query = { period: 'month', from: '2024-01', to: '2024-06' } as const;
const monthly = metricNames.filter((m) => catalog[m].grains.includes('month'));

describe('why a metric is empty', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tenure-requires-'));
  let empty: Workspace;
  let noSurveys: Workspace;
  beforeAll(async () => {
    empty = await initWorkspace(join(dir, 'empty'));
    noSurveys = await initWorkspace(join(dir, 'no-surveys'));
    await generateDemo(noSurveys, { customers: 200, months: 24, seed: 3 });
    await noSurveys.db.run(sql`DELETE FROM surveys`);
  }, 60_000);
  afterAll(async () => {
    await empty?.close();
    await noSurveys?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('every metric declares entities of the schema registry', () => {
    const named = metricNames.flatMap((m) => catalog[m].requires.flatMap(alternatives));
    expect(named.filter((e) => !entityNames.includes(e))).toEqual([]);
    expect(metricNames.filter((m) => catalog[m].requires.length === 0)).toEqual([]);
  });

  it('on an empty workspace, every empty metric says what to import', async () => {
    const rows = await computeMetrics(empty.db, empty.config, monthly, query);
    const missing = await missingData(empty.db, monthly, rows);
    const explained = new Set(missing.map((m) => m.metric));
    const emptyMetrics = monthly.filter((m) => !rows.some((r) => r.metric === m && r.value !== null));
    expect(emptyMetrics.length).toBeGreaterThan(30);
    expect(emptyMetrics.filter((m) => !explained.has(m))).toEqual([]);
    expect(missing.find((m) => m.metric === 'nps')?.entities).toEqual(['surveys']);
    expect(missing.find((m) => m.metric === 'churn_rate')?.entities).toEqual(['subscriptions', 'orders', 'customers']);
  });

  it('names only the entity the workspace lacks: surveys for NPS, nothing for churn', async () => {
    const names = ['nps', 'csat', 'churn_rate', 'mrr'] as const;
    const rows = await computeMetrics(noSurveys.db, noSurveys.config, [...names], {
      ...query,
      from: '2025-01',
      to: '2025-06',
    });
    expect(rows.some((r) => r.metric === 'churn_rate' && r.value !== null)).toBe(true);
    expect(await missingData(noSurveys.db, names, rows)).toEqual([
      { metric: 'nps', entities: ['surveys'] },
      { metric: 'csat', entities: ['surveys'] },
    ]);
  });

  it('a period before the data is empty for want of time, not of data: nothing to import', async () => {
    const rows = await computeMetrics(noSurveys.db, noSurveys.config, ['churn_rate'], {
      ...query,
      from: '2001-01',
      to: '2001-03',
    });
    expect(rows.every((r) => r.value === null)).toBe(true);
    expect(await missingData(noSurveys.db, ['churn_rate'], rows)).toEqual([]);
  });

  it('says what to import neutrally in each language, and names the table to import for each shell to word', () => {
    const m = { metric: 'nps' as const, entities: ['surveys' as const] };
    for (const lang of ['en', 'zh-CN'] as const) {
      const said = missingDataText(m, lang);
      // Neutral: no command, flag or route (the CLI, the API and the dashboard each add theirs).
      expect(said.hint).not.toMatch(/tenure |\/api\/|--/);
      expect(said.remedies).toEqual([{ action: 'import_table', args: { entity: 'surveys' } }]);
    }
    expect(missingDataText(m, 'zh-CN').message).not.toBe(missingDataText(m, 'en').message);
  });
});
