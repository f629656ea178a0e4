import { Alert, Select, Typography } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/use-api.ts';
import { useFit } from '../../api/use-fit.ts';
import { FitButton, RunLoadable } from '../../components/model-run.tsx';
import { Page } from '../../components/page.tsx';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { UpliftReportView } from './uplift-report.tsx';

/**
 * Uplift targeting: the model learnt from a finished randomised campaign, judged by its Qini curve on held-out
 * customers against random choice and against churn risk alone. Analysts fit it from here and score the current
 * customers with it; the at-risk page's persuadable order ranks customers by that scoring.
 */
export default function UpliftPage() {
  const { t } = useI18n();
  const state = useApi('/api/v1/uplift/model');
  // A campaign to learn from must have been launched (or imported): a draft has no outcomes yet.
  const campaigns = (useApi('/api/v1/campaigns').data?.campaigns ?? []).filter((c) => c.status !== 'draft');
  const [campaign, setCampaign] = useState<string>();
  const [scored, setScored] = useState(false);
  const fit = useFit('/api/v1/uplift/fit', state.reload);
  const score = useFit('/api/v1/uplift/score', () => setScored(true));
  const chosen = campaign ?? state.data?.campaign_id;
  return (
    <Page
      title={t('nav.uplift')}
      extra={
        <>
          <Select<string>
            allowClear
            aria-label={t('uplift.campaign')}
            placeholder={t('uplift.campaign')}
            style={{ minWidth: 220 }}
            value={chosen}
            onChange={setCampaign}
            options={campaigns.map((c) => ({ value: c.id, label: `${c.id} · ${c.name}` }))}
          />
          <FitButton
            fit={fit}
            options={chosen ? { campaign_id: chosen } : {}}
            fitted={!!state.data}
            label={t(state.data ? 'uplift.refit' : 'uplift.fit')}
          />
          {state.data && <FitButton fit={score} options={{}} fitted label={t('uplift.score')} />}
        </>
      }
    >
      <Typography.Paragraph type="secondary">{t('uplift.intro')}</Typography.Paragraph>
      {fit.problem && <ProblemAlert error={fit.problem} />}
      {score.problem && <ProblemAlert error={score.problem} />}
      {scored && <Alert type="success" showIcon data-testid="uplift-scored" title={t('uplift.scored')} />}
      <RunLoadable state={state} model="uplift" hint={t('uplift.notFittedHint')}>
        {(r) => <UpliftReportView report={r} />}
      </RunLoadable>
    </Page>
  );
}
