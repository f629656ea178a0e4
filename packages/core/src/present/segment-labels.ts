import type { Text } from './text.ts';

/**
 * Labels of the derived dimensions' values (segments/), shown by the CLI and the dashboard. The stage and segment
 * lists of segments/ are the keys of these tables, so a value cannot exist without both its labels.
 */
export const lifecycleStageLabels = {
  new: { en: 'New', 'zh-CN': '新客户' },
  active: { en: 'Active', 'zh-CN': '活跃' },
  at_risk: { en: 'At risk', 'zh-CN': '有流失风险' },
  dormant: { en: 'Dormant', 'zh-CN': '沉睡' },
  churned: { en: 'Churned', 'zh-CN': '已流失' },
  reactivated: { en: 'Reactivated', 'zh-CN': '已召回' },
} as const satisfies Record<string, Text>;

export const rfmSegmentLabels = {
  champions: { en: 'Champions', 'zh-CN': '冠军客户' },
  loyal: { en: 'Loyal', 'zh-CN': '忠诚客户' },
  promising: { en: 'Promising', 'zh-CN': '潜力客户' },
  at_risk: { en: 'At risk', 'zh-CN': '流失风险客户' },
  hibernating: { en: 'Hibernating', 'zh-CN': '休眠客户' },
  need_attention: { en: 'Need attention', 'zh-CN': '需要关注' },
} as const satisfies Record<string, Text>;

/** Names of the default tier ids without their shares, which the settings may change (the pyramid has the labels). */
export const valueTierLabels = {
  top: { en: 'Top tier', 'zh-CN': '顶层' },
  middle: { en: 'Middle tier', 'zh-CN': '中层' },
  rest: { en: 'Rest', 'zh-CN': '其余' },
} as const satisfies Record<string, Text>;
