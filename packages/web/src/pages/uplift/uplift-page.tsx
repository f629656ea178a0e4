import { Button, Card, Col, Empty, Flex, Row, Select, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useAction } from '../../api/use-action.ts';
import { useApi } from '../../api/use-api.ts';
import { atLeast, useAuth } from '../../auth/auth.tsx';
import { QiniChart } from '../../charts/qini-chart.tsx';
import { Loadable } from '../../components/loadable.tsx';
import { Page } from '../../components/page.tsx';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { CampaignRow } from '../campaigns/types.ts';
import type { UpliftReport } from './types.ts';

/** The Qini curves of the model, of random choice and of churn risk alone, with their coefficients. */
function Report({ report }: { report: UpliftReport }) {
  const { t, fmt, term } = useI18n();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={16}>
        <Card title={t('uplift.qini')}>
          <QiniChart
            x={t('uplift.share')}
            y={t('uplift.gain')}
            lines={report.qini.map((q) => ({
              name: term('uplift', q.ranking),
              points: q.points.map((p): [number, number] => [p.share, p.gain]),
              reference: q.ranking === 'random',
            }))}
          />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card title={t('uplift.coefficient')}>
          <Flex vertical gap={16}>
            {report.qini.map((q) => (
              <Statistic
                key={q.ranking}
                title={term('uplift', q.ranking)}
                value={fmt.number(q.coefficient, 3)}
                data-testid={`qini-${q.ranking}`}
              />
            ))}
            <Statistic title={t('uplift.method')} value={term('uplift.method', report.method)} />
            <Typography.Text type="secondary">
              {t('uplift.fittedOn', { campaign: report.campaign_id, date: fmt.date(report.fitted_at, true) })}
            </Typography.Text>
          </Flex>
        </Card>
      </Col>
    </Row>
  );
}

/**
 * Uplift targeting: the model learnt from a finished randomised campaign, judged by its Qini curve on held-out
 * customers against random choice and against churn risk alone. Analysts fit it from here; the at-risk page's
 * persuadable view ranks customers by it.
 */
export default function UpliftPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const state = useApi<UpliftReport>('/api/v1/uplift');
  const campaigns = useApi<{ campaigns: CampaignRow[] }>('/api/v1/campaigns').data?.campaigns ?? [];
  const [campaign, setCampaign] = useState<string>();
  const fit = useAction();
  const chosen = campaign ?? state.data?.campaign_id ?? campaigns.find((c) => c.status !== 'designed')?.campaign_id;
  const notFitted = state.error?.problem.code === 'TEN_UPLIFT_NO_MODEL';
  return (
    <Page
      title={t('nav.uplift')}
      extra={
        atLeast(user, 'analyst') && (
          <>
            <Select<string>
              aria-label={t('uplift.campaign')}
              placeholder={t('uplift.campaign')}
              style={{ minWidth: 220 }}
              value={chosen}
              onChange={setCampaign}
              options={campaigns.map((c) => ({ value: c.campaign_id, label: `${c.campaign_id} · ${c.name}` }))}
            />
            <Button
              type="primary"
              disabled={!chosen}
              loading={fit.busy}
              onClick={async () =>
                (await fit.run(() => api.post('/api/v1/uplift/fit', { json: { campaign_id: chosen } }))) &&
                state.reload()
              }
            >
              {t(state.data ? 'uplift.refit' : 'uplift.fit')}
            </Button>
          </>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('uplift.intro')}</Typography.Paragraph>
      {fit.error && <ProblemAlert error={fit.error} />}
      {notFitted ? (
        <Empty data-testid="not-fitted" description={t('uplift.notFitted')}>
          <Typography.Text type="secondary">{t('uplift.notFittedHint')}</Typography.Text>
        </Empty>
      ) : (
        <Loadable state={state}>{(r) => <Report report={r} />}</Loadable>
      )}
    </Page>
  );
}
