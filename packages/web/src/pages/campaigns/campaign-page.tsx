import { Button, Card, Col, Flex, Row, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { url } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { SurvivalChart } from '../../charts/survival-chart.tsx';
import { Loadable } from '../../components/loadable.tsx';
import { Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ArmsCard } from './arms-card.tsx';
import { MoneyCard } from './money-card.tsx';
import { ResultNotices } from './result-notices.tsx';
import { StatusTag } from './status-tag.tsx';
import type { CampaignResult } from './types.ts';
import { ValueCard } from './value-card.tsx';

type View = CampaignResult['view'];

/**
 * A campaign's result, measured on request: churn per group with intervals, the reduction and its p-value,
 * survival per group, the revenue kept (CUPED beside unadjusted) and the money; a warning when the groups' sizes
 * do not fit the design, and interim figures marked as such while the outcome window is open.
 */
export default function CampaignPage() {
  const { t, term, fmt } = useI18n();
  const id = useParams().campaign_id ?? '';
  const [view, setView] = useState<View>('itt');
  const path = `/api/v1/campaigns/${encodeURIComponent(id)}`;
  const state = useApi<CampaignResult>(`${path}/result`, { view });
  const c = state.data?.campaign;
  return (
    <Page
      title={
        <Flex gap={8} align="center" wrap>
          <span data-testid="campaign-title">{c ? `${c.campaign_id} · ${c.name}` : id}</span>
          {c && <StatusTag status={c.status} />}
        </Flex>
      }
      extra={
        <>
          <Link to="/campaigns">{t('campaign.back')}</Link>
          <Segmented<View>
            aria-label={t('campaign.view')}
            value={view}
            onChange={setView}
            options={(['itt', 'pp'] as const).map((v) => ({
              value: v,
              disabled: v === 'pp' && state.data?.per_protocol === false,
              label: (
                <span title={v === 'pp' && state.data?.per_protocol === false ? t('campaign.noDelivery') : undefined}>
                  {term('campaign.view', v)}
                </span>
              ),
            }))}
          />
          <Button href={url(`${path}/export`)} download data-testid="campaign-export">
            {t('campaign.download')}
          </Button>
        </>
      }
    >
      <Loadable state={state}>
        {(r) => (
          <Flex vertical gap={16}>
            <ResultNotices result={r} />
            <ArmsCard result={r} />
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={12}>
                <Card title={t('campaign.survival')}>
                  <SurvivalChart
                    testId="campaign-survival"
                    data={r.survival}
                    label={(arm) => term('campaign.arm', arm as 'treatment' | 'control')}
                  />
                  <Typography.Text data-testid="campaign-log-rank">
                    {t('campaign.logRank', { p: fmt.p(r.survival.log_rank_p) })}
                  </Typography.Text>
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <MoneyCard money={r.money} />
              </Col>
            </Row>
            <ValueCard value={r.value} />
          </Flex>
        )}
      </Loadable>
    </Page>
  );
}
