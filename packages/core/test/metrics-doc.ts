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
- **Case metrics** (\`cases_opened\` … \`complaint_cases_per_1000\`) read \`cases\` and the append-only \`case_events\`
  (docs/cases.md). Besides the customer dimensions they break down and filter by the case's own \`owner\`, \`team\`,
  \`root_cause\`, \`kind\`, \`priority\` and \`source\` (a name that is both means the case's column); \`channel\` is the
  customer's acquisition channel, the case's origin is \`source\`. A query uses a case column only when every metric
  it asks for offers it. 工单指标读取 \`cases\` 与只追加的 \`case_events\`；除客户维度外，还可按工单自身的负责人、团队、
  根因、类型、优先级与来源细分和筛选；\`channel\` 指客户的获客渠道，工单来源为 \`source\`。
- **Retaliatory churn**: a churn event within \`churn.retaliatory_window_days\` (default 30) after a complaint case of
  the same customer closed unsatisfied or after its resolution due time is a retaliatory candidate; derived on read,
  it fills the churn taxonomy (involuntary / retaliatory) only where the event names no category and not the
  voluntary kind. 报复性流失：客户的投诉工单以不满意或超过解决时限结案后，\`churn.retaliatory_window_days\`（默认 30）天内
  发生的流失为报复性流失候选；查询时推导，仅在流失事件未给出类别且不是主动流失时计入分类（被动流失 / 报复性）。
- **Profit per customer** (\`profit_contribution\`, \`retention_cost_per_customer\`, \`acquisition_retention_ratio\`)
  reads one relation: per customer, month and line, revenue (MRR × the share of the month's days each subscription
  ran; orders' amounts), cost of revenue (orders' \`cost\`, else revenue × (1 − \`gross_margin\`)) and each cost
  category. A cost row covers \`period_start\`…\`period_end\` and is prorated by days; its \`segment\` is \`all\` or
  \`dimension=value\` (e.g. \`region=north\`, \`channel=search\`, a canonical customer dimension). Each month's slice is
  shared among that segment's customers by its category's rule in \`costs.allocation\`: \`new_customers\` (created in
  the month, without their own \`acquisition_cost\`, which counts instead; a month whose new customers all carry one
  does not count the category rows again), \`service_contacts\` (tickets and non-retention cases), \`retention_contacts\`
  (campaign treatment and retention cases) or \`active_customers\`; without any weight it falls back to the
  segment's active customers, and without those it stays *unallocated* (its own segment \`(unallocated)\` with
  \`--by\`). Shares are whole cents by cumulative rounding, so customers + unallocated = the company's total to the
  cent in every month and by every dimension. Retention cost is the categories of \`costs.retention_categories\`
  (default retention, service, care, product_update). Months only: these metrics have no day or week grain.
  每客户利润：按客户、月份与科目的关系表——收入（订阅 MRR × 当月在订天数占比；订单金额）、收入成本（订单的 \`cost\`，否则收入 ×
  (1 − 毛利率)）与各成本类别。成本按天数分摊到月份，按 \`segment\`（\`all\` 或 \`维度=值\`）与 \`costs.allocation\` 的规则
  以分为单位分摊到客户；无客户可承担的部分列为“未分摊”，因此客户合计 + 未分摊 = 公司总额，精确到分，任何维度皆然。
- **Derived dimensions**: \`value_tier\` (CLV tiers, top 20 % / next 30 % / rest by default), \`rfm_cell\` (\`R5F4M3\`),
  \`rfm_segment\` and \`lifecycle_stage\` (new, active, at risk, dormant, churned, reactivated) are computed from the
  data and usable in every \`--by\` and filter; a query classifies customers at the start of its first period
  (docs/segments.md). 派生维度 \`value_tier\`、\`rfm_cell\`、\`rfm_segment\`、\`lifecycle_stage\` 由数据计算，可用于所有细分
  与筛选；查询于首个周期开始时为客户分层（见 docs/segments.md）。

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
