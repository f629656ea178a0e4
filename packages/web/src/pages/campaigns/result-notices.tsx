import { Alert } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Campaign, Measurement } from './types.ts';

/** The warnings this page words itself, with its own figures (the date the window ends, both groups' sizes). */
const WORDED_HERE = new Set(['TEN_CAMPAIGN_INTERIM', 'TEN_CAMPAIGN_SRM']);

/**
 * What to know before reading the figures: that they are interim while the outcome window runs (and for how
 * long), a sample ratio mismatch between the groups' sizes and the design, and the measurement's own warnings.
 */
export function ResultNotices({ campaign, m }: { campaign: Campaign; m: Measurement }) {
  const { t, fmt, text } = useI18n();
  const size = (arm: 'treatment' | 'control') => m.arms.find((a) => a.arm === arm)?.members ?? 0;
  const ends = dayjs(m.launched_at.slice(0, 10)).add(m.window_days, 'day').format('YYYY-MM-DD');
  return (
    <>
      {m.interim && (
        <Alert
          type="info"
          showIcon
          data-testid="campaign-interim"
          title={t('campaign.interim', { date: fmt.date(ends), days: m.days_remaining })}
        />
      )}
      {m.srm.mismatch && (
        <Alert
          type="warning"
          showIcon
          data-testid="campaign-srm"
          title={t('campaign.srm', {
            treatment: fmt.number(size('treatment'), 0),
            control: fmt.number(size('control'), 0),
            share: fmt.value('ratio', 1 - m.srm.expected_treatment_share),
            p: fmt.p(m.srm.p_value),
          })}
        />
      )}
      {m.warnings
        .filter((w) => !WORDED_HERE.has(w.code))
        .map((w) => (
          <Alert key={w.code} type="warning" showIcon data-testid={`warning-${w.code}`} title={text(w.message)} />
        ))}
      {campaign.status === 'imported' && (
        <Alert type="info" showIcon title={t('campaign.importedDefaults', { days: m.window_days })} />
      )}
    </>
  );
}
