import type { TimelineEvent } from '../../api/types.ts';
import type { I18n } from '../../i18n/i18n.tsx';

/** Where a stored subject has a translation, by action: plans, activity kinds, survey kinds, churn reasons. */
const SUBJECT_TERMS: Partial<Record<TimelineEvent['action'], string>> = {
  subscription_started: 'plan',
  subscription_ended: 'plan',
  activity: 'activityKind',
  survey: 'surveyKind',
  churn: 'taxonomy',
};

/** A stored value as the page's language says it: a known term, else the value as words with a capital. */
export function termOf(i18n: I18n, prefix: string, value: string): string {
  // A churn's category and motive (natural, competitive, malicious …) are the taxonomy's terms, labelled once there.
  for (const p of [prefix, 'taxonomy']) {
    const said = i18n.freeTerm(p, value);
    if (said !== value) return said;
  }
  // month_to_month → Month to month; free text (a comment, a name) keeps its own spacing.
  const words = /^[a-z0-9]+(_[a-z0-9]+)+$/.test(value) ? value.replaceAll('_', ' ') : value;
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * One timeline event as a sentence in the page's language, money in the workspace currency.
 * @example sentence(e, i18n) // 'Subscription to Standard ended — MRR $148.50' / '标准版订阅结束，月经常性收入 ¥148.50'
 */
export function sentence(e: TimelineEvent, i18n: I18n): string {
  const { t, fmt } = i18n;
  const prefix = SUBJECT_TERMS[e.action];
  const subject =
    e.subject === null
      ? e.action.startsWith('subscription')
        ? t('event.noPlan')
        : t('event.noSubject')
      : prefix
        ? termOf(i18n, prefix, e.subject)
        : e.subject;
  const money = e.action === 'order' || e.action.startsWith('subscription');
  const amount = money ? fmt.value('money', e.amount) : fmt.number(e.amount, e.action === 'survey' ? 0 : 2);
  if (e.action === 'churn' && e.subject === null) return t('customers.churned');
  return t(`event.${e.action}`, { subject, amount }).trim();
}

/** The event's other facts as `label value` pairs in the page's language, dates formatted. */
export function factsLine(e: TimelineEvent, i18n: I18n): string {
  const { fmt, field } = i18n;
  return Object.entries(e.facts)
    .filter(([k]) => k !== 'mrr' && k !== 'amount' && k !== 'score' && k !== 'quantity')
    .map(([k, v]) => {
      const text =
        typeof v === 'number'
          ? fmt.number(v, 2)
          : /^\d{4}-\d{2}-\d{2}/.test(v)
            ? fmt.date(v, v.length > 10)
            : termOf(i18n, 'fact', v);
      return `${field(k)} ${text}`;
    })
    .join(' · ');
}
