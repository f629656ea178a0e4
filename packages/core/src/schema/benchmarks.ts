import { type Entity, f } from './field.ts';

/**
 * Competitor and industry benchmarks: published values of the metrics Tenure computes (a peer's churn rate,
 * a report's NRR), to set ours against (metrics/benchmarks-compare.ts). `metric` is plain text: the schema
 * layer knows no metrics, so names are checked when compared, and unknown ones are reported there.
 */
export const benchmarks: Entity = {
  name: 'benchmarks',
  doc: "One published value per source, metric and period. Ratios as fractions (0.035 for 3.5 %). Segment 'all' or dimension=value.",
  key: ['source', 'metric', 'period_start', 'segment'],
  extensible: false,
  fields: [
    f.text('source', 'Who published it: a competitor, a report, an industry survey.', {
      required: true,
      aliases: ['benchmark', 'benchmark_source', 'competitor', 'publisher', '来源', '数据来源', '出处', '竞争对手'],
    }),
    f.text('metric', 'Metric id of the catalogue (churn_rate, nrr…) or its title; checked when compared.', {
      required: true,
      aliases: ['metric_id', 'metric_name', 'kpi', 'indicator', '指标', '指标名称', '指标名'],
    }),
    f.date('period_start', 'First day of the period the value is for.', {
      required: true,
      aliases: ['period', 'from', 'start', 'start_date', '期间开始', '开始日期', '期间'],
    }),
    f.date('period_end', 'Last day of the period (inclusive); a month when empty.', {
      notBefore: 'period_start',
      aliases: ['to', 'end', 'end_date', '期间结束', '结束日期'],
    }),
    f.num('value', "The published value, in the metric's unit (ratios as fractions).", {
      required: true,
      aliases: ['benchmark_value', 'amount', '数值', '值', '指标值', '基准值'],
    }),
    f.text('segment', "Whom it covers: 'all' (when empty) or dimension=value, e.g. region=north.", {
      default: 'all',
      aliases: ['segment_value', '细分', '分群'],
    }),
    f.text('note', 'Anything else: a link, how their definition differs.', {
      aliases: ['notes', 'comment', 'remark', 'url', '备注', '说明'],
    }),
  ],
};
