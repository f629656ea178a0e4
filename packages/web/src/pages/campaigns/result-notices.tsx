import { Alert } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import type { CampaignResult } from './types.ts';

/** What to know before reading the figures: interim (the window still open), a sample ratio mismatch. */
export function ResultNotices({ result: r }: { result: CampaignResult }) {
  const { t, fmt } = useI18n();
  return (
    <>
      {r.interim && (
        <Alert
          type="info"
          showIcon
          data-testid="campaign-interim"
          title={t('campaign.interim', { date: fmt.date(r.interim.window_ends), days: r.interim.days_remaining })}
        />
      )}
      {r.srm.mismatch && (
        <Alert
          type="warning"
          showIcon
          data-testid="campaign-srm"
          title={t('campaign.srm', {
            treatment: fmt.number(r.srm.treatment, 0),
            control: fmt.number(r.srm.control, 0),
            share: fmt.value('ratio', r.srm.expected_control_share),
            p: fmt.number(r.srm.p_value, 6),
          })}
        />
      )}
    </>
  );
}
