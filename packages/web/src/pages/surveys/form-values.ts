import type { Lang } from '@tenure/core/present';
import type { Question, QuestionType, Survey, SurveyInput, SurveyKind, SurveyTrigger } from './types.ts';

type Pair = { en?: string; 'zh-CN'?: string };
export interface QuestionValues {
  id?: string;
  type: QuestionType;
  text: Pair;
  options?: { id?: string; text: Pair }[];
  dimension?: string;
  required: boolean;
  main: boolean;
}
/** The builder's values: the definition, with its triggers as switches and a filter as lines of text. */
export interface Values {
  id: string;
  kind: SurveyKind;
  title: Pair;
  expires_in_days: number;
  questions: QuestionValues[];
  case_closed: boolean;
  case_within_days: number;
  churned: boolean;
  churned_after_days: number;
  schedule: boolean;
  every_days: number;
  schedule_filter?: string;
  /** The triggers send by themselves to a webhook (the survey's `delivery`). */
  self_send: boolean;
  webhook_url?: string;
  secret_env: string;
  base_url?: string;
  delivery_lang: Lang;
}

export const isChoice = (t: QuestionType) => t === 'single' || t === 'multiple';
const pair = (p: Pair | undefined) => ({ en: p?.en ?? '', 'zh-CN': p?.['zh-CN'] ?? '' });
const lines = (s: string | undefined) =>
  (s ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Ids for new questions and choices: the first `q1`, `q2`… (or `o1`…) not taken, so stored ids never move. */
function withIds<T extends { id?: string }>(items: T[], prefix: string): (T & { id: string })[] {
  const taken = new Set(items.map((x) => x.id).filter(Boolean));
  let n = 0;
  return items.map((x) => {
    if (x.id) return x as T & { id: string };
    do n += 1;
    while (taken.has(`${prefix}${n}`));
    taken.add(`${prefix}${n}`);
    return { ...x, id: `${prefix}${n}` };
  });
}

/** The definition the server takes, from the builder: the server checks it whole and names every bad part. */
export function definitionOf(v: Values, version?: number): SurveyInput {
  const triggers: SurveyTrigger[] = [
    ...(v.case_closed ? [{ kind: 'case_closed' as const, within_days: v.case_within_days }] : []),
    ...(v.churned ? [{ kind: 'churned' as const, after_days: v.churned_after_days, within_days: 30 }] : []),
    ...(v.schedule ? [{ kind: 'schedule' as const, every_days: v.every_days, filter: lines(v.schedule_filter) }] : []),
  ];
  return {
    id: v.id,
    kind: v.kind,
    title: pair(v.title),
    expires_in_days: v.expires_in_days,
    questions: withIds(v.questions ?? [], 'q').map((q) => ({
      id: q.id,
      type: q.type,
      text: pair(q.text),
      ...(isChoice(q.type)
        ? { options: withIds(q.options ?? [], 'o').map((o) => ({ id: o.id, text: pair(o.text) })) }
        : {}),
      ...(v.kind === 'employee' && q.dimension?.trim() ? { dimension: q.dimension.trim() } : {}),
      required: q.required,
      ...(q.main ? { main: true } : {}),
    })),
    triggers,
    ...(v.self_send
      ? {
          delivery: {
            webhook: { url: (v.webhook_url ?? '').trim(), secret_env: v.secret_env.trim() },
            ...(v.base_url?.trim() ? { base_url: v.base_url.trim() } : {}),
            lang: v.delivery_lang,
          },
        }
      : {}),
    ...(version ? { version } : {}),
  };
}

const questionValues = (q: Question): QuestionValues => ({
  id: q.id,
  type: q.type,
  text: q.text,
  options: q.options?.map((o) => ({ id: o.id, text: o.text })),
  dimension: q.dimension,
  required: q.required,
  main: !!q.main,
});

/** A new survey starts as an NPS question with a comment box: the smallest useful survey. */
const blank: Values = {
  id: '',
  kind: 'nps',
  title: {},
  expires_in_days: 14,
  questions: [
    { type: 'scale_0_10', text: {}, required: true, main: true },
    { type: 'text', text: {}, required: false, main: false },
  ],
  case_closed: false,
  case_within_days: 7,
  churned: false,
  churned_after_days: 3,
  schedule: false,
  every_days: 90,
  self_send: false,
  secret_env: 'TENURE_WEBHOOK_SECRET',
  delivery_lang: 'en',
};

/** The builder's values of a stored survey, or of a new one. */
export function valuesOf(s: Survey | null): Values {
  if (!s) return blank;
  const of = <K extends SurveyTrigger['kind']>(k: K) =>
    s.triggers.find((t): t is Extract<SurveyTrigger, { kind: K }> => t.kind === k);
  const closed = of('case_closed');
  const churned = of('churned');
  const schedule = of('schedule');
  return {
    id: s.id,
    kind: s.kind,
    title: s.title,
    expires_in_days: s.expires_in_days,
    questions: s.questions.map(questionValues),
    case_closed: !!closed,
    case_within_days: closed?.within_days ?? blank.case_within_days,
    churned: !!churned,
    churned_after_days: churned?.after_days ?? blank.churned_after_days,
    schedule: !!schedule,
    every_days: schedule?.every_days ?? blank.every_days,
    schedule_filter: schedule?.filter.join('\n'),
    self_send: !!s.delivery,
    webhook_url: s.delivery?.webhook.url,
    secret_env: s.delivery?.webhook.secret_env ?? blank.secret_env,
    base_url: s.delivery?.base_url,
    delivery_lang: s.delivery?.lang ?? blank.delivery_lang,
  };
}
