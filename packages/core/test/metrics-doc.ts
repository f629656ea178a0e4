import type { catalog as Catalog } from '../src/metrics/catalog.ts';

const INTRO = `# Metrics · 指标定义

Generated from \`packages/core/src/metrics/\` by \`npm run docs:metrics\`; a test fails when they disagree.
Compute any of them with \`tenure metrics <id…> --period month --from 2024-01 --to 2024-12 [--by region]\`
or \`computeMetrics(conn, config, ids, query)\`; they give the same numbers on DuckDB and ClickHouse.

## Conventions · 约定

- **Periods** are half-open \`[start, end)\` in the workspace's wall-clock time (\`timezone\`); weeks start on
  \`week_start\`, quarters and years on \`fiscal_year_start_month\`. A quarter is computed from its own start and
  end, not summed from its months.
- **Active customer.** A customer is active at an instant *t* when one of their activity spans has
  \`start < t < end\`. Spans come from the *basis*: subscriptions (\`started_at\` until \`ended_at\` + \`churn.grace_days\`;
  contiguous or overlapping subscriptions merge, so an upgrade is not churn), orders (each order keeps a buyer
  active for \`churn.inactivity_days\`: non-contractual churn is dated at the last order + N days), or
  customers + churn events (snapshot imports). \`--basis auto\` uses subscriptions, else orders, else customers.
- **When churn is recognised**: at the end of the paid period plus the grace days (default 0). A subscription that
  ends exactly at a period boundary (midnight on the 1st) has left in the period before; one that starts exactly
  there is new in the period after.
- **Joined and left in the same period** (ChartMogul excludes them, Baremetrics includes them): Tenure's churn
  rate excludes them, since they were not in the start-of-period base; they are reported as \`lost_same_period\`
  and are exactly why the two retention formulas differ.
- **Reactivation**: a returning customer (active before, not at the period's start) is reactivated, not new.
- **Flow identity**: end = start + new + reactivated − churned − lost_same_period, in every period and segment.
- **Rates** carry Wilson 95 % intervals. With \`--by\`, each period gets a chi-square test across segments and
  each segment a test against the rest, Benjamini–Hochberg adjusted; \`significant\` marks adjusted p < 0.05.
- **Trends**: every row carries its change from the previous period; \`--forecast n\` adds exponential-smoothing
  forecasts (Holt–Winters with two full seasons of history, else Holt's trend) with 95 % prediction intervals.
- **Money** is exact decimal: MRR movements reconcile start to end to the cent.
- **Rollups** (DuckDB): the customer flow, revenue, purchases and cohort bases are also kept precomputed per
  month and per combination of the configured dimensions, rebuilt after each change to the data (the server after
  every write, \`tenure report\` and \`tenure metrics\` before they read). A month query reads them when they are
  current, else the entity tables, with the same result either way: see docs/architecture.md.

## Catalogue · 指标目录

| id | name | 名称 | unit | definition | 定义 |
|---|---|---|---|---|---|
`;

/** docs/metrics.md: conventions, then every metric of the catalogue with its English and Chinese definition. */
export function metricsDoc(catalog: typeof Catalog): string {
  const rows = Object.values(catalog).map(
    (m) =>
      `| \`${m.id}\` | ${m.title.en} | ${m.title['zh-CN']} | ${m.unit} | ${m.description.en} | ${m.description['zh-CN']} |`,
  );
  return `${INTRO}${rows.join('\n')}\n`;
}
