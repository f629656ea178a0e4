import { dimensions } from '../quality/score.ts';
import { defineMetric } from './define.ts';

/**
 * Data quality score (quality/): one row per entity table (segment `entity`) and one for the whole workspace
 * (`overall`), for the query's last period; parts are the dimension scores that apply. Quality is a property
 * of whole tables as they are now (the one rule of quality/, shared with `tenure quality` and the dashboard):
 * --by and --filter do not apply to it.
 */
export const dataQuality = defineMetric({
  id: 'data_quality',
  title: { en: 'Data quality score', 'zh-CN': '数据质量评分' },
  description: {
    en: "Weighted mean (0–100) of completeness 30, validity 25, referential integrity 20, key uniqueness 15 and freshness 10, per table and as the mean over non-empty tables, on the data as they are now (freshness: each table's lag behind the latest date in the data); empty tables are null.",
    'zh-CN':
      '完整性 30、有效性 25、引用完整性 20、键唯一性 15、新鲜度 10 的加权平均（0–100），按表计算，并对非空表取平均作为总分，基于数据当前状态（新鲜度：各表落后于数据最新日期的天数）；空表为空值。',
  },
  unit: 'score',
  // Any table gives a score; empty, the workspace holds nothing, and these are the tables to start with.
  requires: ['customers|subscriptions|orders'],
  base: 'quality',
  interval: 'none',
  value: (r) => ({
    value: r.score,
    parts: Object.fromEntries(dimensions.flatMap((dim) => (r[dim] === null ? [] : [[dim, r[dim] as number]]))),
  }),
});
