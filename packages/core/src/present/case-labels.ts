import type {
  CASE_OUTCOMES,
  CASE_SEVERITIES,
  CaseKind,
  CasePriority,
  CaseSource,
  CaseStage,
  COMPENSATION_KINDS,
  DEFAULT_ROOT_CAUSES,
} from '../cases/workflow.ts';
import type { Lang } from './lang.ts';
import type { Text } from './text.ts';

/**
 * The words of the case workflow (cases/workflow.ts) in both languages: typed by the workflow's own lists (types
 * only, so this stays browser-safe), so a stage, kind or term added there without its labels does not compile.
 * The stages carry the handbook's names of the five steps.
 */
export const caseStageLabels = {
  received: { en: 'Received', 'zh-CN': '接收投诉' },
  diagnosed: { en: 'Diagnosed', 'zh-CN': '问题诊断' },
  planned: { en: 'Planned', 'zh-CN': '制定方案' },
  implementing: { en: 'Implementing', 'zh-CN': '实施处理' },
  following_up: { en: 'Following up', 'zh-CN': '反馈跟踪' },
  closed: { en: 'Closed', 'zh-CN': '已关闭' },
  cancelled: { en: 'Cancelled', 'zh-CN': '已取消' },
} as const satisfies Record<CaseStage, Text>;

export const caseKindLabels = {
  complaint: { en: 'Complaint', 'zh-CN': '投诉' },
  service_request: { en: 'Service request', 'zh-CN': '服务请求' },
  retention: { en: 'Retention', 'zh-CN': '挽留' },
  follow_up: { en: 'Follow-up', 'zh-CN': '回访' },
} as const satisfies Record<CaseKind, Text>;

export const caseSourceLabels = {
  manual: { en: 'Manual', 'zh-CN': '手动创建' },
  ticket: { en: 'Ticket', 'zh-CN': '工单' },
  alert: { en: 'Alert', 'zh-CN': '预警' },
  score: { en: 'Risk score', 'zh-CN': '风险评分' },
  survey: { en: 'Survey response', 'zh-CN': '调查回复' },
  import: { en: 'Import', 'zh-CN': '导入' },
} as const satisfies Record<CaseSource, Text>;

export const casePriorityLabels = {
  low: { en: 'Low', 'zh-CN': '低' },
  normal: { en: 'Normal', 'zh-CN': '普通' },
  high: { en: 'High', 'zh-CN': '高' },
  urgent: { en: 'Urgent', 'zh-CN': '紧急' },
} as const satisfies Record<CasePriority, Text>;

export const caseSeverityLabels = {
  low: { en: 'Low', 'zh-CN': '轻微' },
  medium: { en: 'Medium', 'zh-CN': '一般' },
  high: { en: 'High', 'zh-CN': '严重' },
  critical: { en: 'Critical', 'zh-CN': '非常严重' },
} as const satisfies Record<(typeof CASE_SEVERITIES)[number], Text>;

export const compensationKindLabels = {
  refund: { en: 'Refund', 'zh-CN': '退款' },
  credit: { en: 'Account credit', 'zh-CN': '账户抵扣' },
  discount: { en: 'Discount', 'zh-CN': '折扣' },
  gift: { en: 'Gift', 'zh-CN': '赠品' },
  free_service: { en: 'Free service', 'zh-CN': '免费服务' },
  other: { en: 'Other', 'zh-CN': '其他' },
} as const satisfies Record<(typeof COMPENSATION_KINDS)[number], Text>;

export const caseOutcomeLabels = {
  saved: { en: 'Saved', 'zh-CN': '挽留成功' },
  lost: { en: 'Lost', 'zh-CN': '挽留失败' },
  no_contact: { en: 'No contact', 'zh-CN': '未能联系' },
  not_worth_retaining: { en: 'Not worth retaining', 'zh-CN': '不值得挽留' },
} as const satisfies Record<(typeof CASE_OUTCOMES)[number], Text>;

/** The default root-cause taxonomy; a workspace's own terms bring their labels in its config. */
export const rootCauseLabels = {
  product: { en: 'Product', 'zh-CN': '产品' },
  price: { en: 'Price', 'zh-CN': '价格' },
  service: { en: 'Service', 'zh-CN': '服务' },
  network_quality: { en: 'Network / quality', 'zh-CN': '网络/质量' },
  billing: { en: 'Billing', 'zh-CN': '计费' },
  competitor: { en: 'Competitor', 'zh-CN': '竞争对手' },
  other: { en: 'Other', 'zh-CN': '其他' },
} as const satisfies Record<(typeof DEFAULT_ROOT_CAUSES)[number], Text>;

/**
 * A root cause as a label: the config's own label first (`cases.root_cause_labels`), then the default
 * taxonomy's; a stored term in neither (removed from the config since) is shown as it is.
 * @example rootCauseLabel('zh-CN', 'price') // '价格'
 */
export function rootCauseLabel(lang: Lang, term: string, custom: Readonly<Record<string, Text>> = {}): string {
  if (Object.hasOwn(custom, term)) return (custom[term] as Text)[lang];
  return Object.hasOwn(rootCauseLabels, term) ? rootCauseLabels[term as keyof typeof rootCauseLabels][lang] : term;
}
