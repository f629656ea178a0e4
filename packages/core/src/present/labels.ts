import type { CHURN_CATEGORIES } from '../schema/churn-events.ts';
import type { EntityName, WorkName } from '../schema/index.ts';
import type { Lang } from './lang.ts';
import type { Text } from './text.ts';

/**
 * The one table of data-model labels (entities and the churn taxonomy) that the report, the CLI and the
 * dashboard show. Typed by the schema's own names (only types are imported, so this stays browser-safe): an
 * entity or category added to the schema without both its labels does not compile.
 */
export const entityLabels = {
  customers: { en: 'Customers', 'zh-CN': '客户' },
  subscriptions: { en: 'Subscriptions', 'zh-CN': '订阅' },
  orders: { en: 'Orders', 'zh-CN': '订单' },
  activity: { en: 'Activity', 'zh-CN': '活跃行为' },
  tickets: { en: 'Tickets', 'zh-CN': '工单' },
  surveys: { en: 'Surveys', 'zh-CN': '调查' },
  churn_events: { en: 'Churn events', 'zh-CN': '流失事件' },
  costs: { en: 'Costs', 'zh-CN': '成本' },
  campaigns: { en: 'Campaigns', 'zh-CN': '营销活动' },
  campaign_members: { en: 'Campaign members', 'zh-CN': '活动成员' },
  benchmarks: { en: 'Benchmarks', 'zh-CN': '行业基准' },
  exchange_rates: { en: 'Exchange rates', 'zh-CN': '汇率' },
} as const satisfies Record<EntityName, Text>;

/** What else a file can be imported into: the retention team's work from another tool (cases and their history). */
export const workImportLabels = {
  cases: { en: 'Cases', 'zh-CN': '案例' },
  case_events: { en: 'Case history (events)', 'zh-CN': '案例历史（事件）' },
} as const satisfies Record<WorkName, Text>;

type ChurnKind = keyof typeof CHURN_CATEGORIES;
type ChurnCategory = (typeof CHURN_CATEGORIES)[ChurnKind][number];
/** A churn kind or category, or `unknown` for an event without one (a snapshot import's). */
export type TaxonomyTerm = ChurnKind | ChurnCategory | 'unknown';

export const taxonomyLabels = {
  voluntary: { en: 'Voluntary', 'zh-CN': '主动流失' },
  involuntary: { en: 'Involuntary', 'zh-CN': '被动流失' },
  natural: { en: 'Natural', 'zh-CN': '自然流失' },
  competitive: { en: 'Competitive', 'zh-CN': '竞争流失' },
  fault: { en: 'Fault', 'zh-CN': '过失流失' },
  non_malicious: { en: 'Non-malicious', 'zh-CN': '非恶意流失' },
  retaliatory: { en: 'Retaliatory', 'zh-CN': '报复性流失' },
  malicious: { en: 'Malicious', 'zh-CN': '恶意流失' },
  unknown: { en: 'Unknown', 'zh-CN': '未知' },
} as const satisfies Record<TaxonomyTerm, Text>;

/** The schema's entity names, from the label table (which has exactly them), for code that must not load the schema. */
export const ENTITY_NAMES = Object.keys(entityLabels) as [EntityName, ...EntityName[]];
export const isEntityName = (v: string): v is EntityName => Object.hasOwn(entityLabels, v);
export const isTaxonomyTerm = (v: string): v is TaxonomyTerm => Object.hasOwn(taxonomyLabels, v);

/** An entity's label: only a known entity name is accepted, so there is no raw-name fallback to slip through. */
export const entityLabel = (lang: Lang, entity: EntityName): string => entityLabels[entity][lang];

/**
 * A stored churn kind or category as a label: empty (a snapshot's event) is `unknown`. The import checks both
 * against the taxonomy, so another value cannot be stored; were one there, it is free text and shown as it is.
 */
export const taxonomyLabel = (lang: Lang, value: string | null | undefined): string =>
  !value ? taxonomyLabels.unknown[lang] : isTaxonomyTerm(value) ? taxonomyLabels[value][lang] : value;
