import type { I18n } from '../../i18n/i18n.tsx';
import type { Trigger } from './types.ts';

/**
 * A trigger in the page's words: the tier and rule by their labels, a filter as its lines.
 * @example triggerWords(i18n, { kind: 'risk_tier', tier: 'high' }) // 'Entered the High tier or above'
 */
export function triggerWords({ t, freeTerm }: Pick<I18n, 't' | 'freeTerm'>, trigger: Trigger): string {
  switch (trigger.kind) {
    case 'risk_tier':
      return t('playbooks.says.risk_tier', { tier: freeTerm('tier', trigger.tier) });
    case 'alert_rule':
      return t('playbooks.says.alert_rule', { rule: freeTerm('rule', trigger.rule) });
    case 'nps_detractor':
      return t('playbooks.says.nps_detractor', { days: trigger.within_days });
    case 'failed_payment':
      return t('playbooks.says.failed_payment', { days: trigger.within_days });
    case 'complaint_past_sla':
      return t('playbooks.says.complaint_past_sla');
    case 'filter':
      return t('playbooks.says.filter', { filter: trigger.filter.join(', ') });
    case 'survey_answer':
      return t('playbooks.says.survey_answer', { nps: trigger.nps_max, csat: trigger.csat_max });
  }
}
