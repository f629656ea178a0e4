import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useApi } from '../../api/use-api.ts';
import { Loadable } from '../../components/loadable.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { CrmRoi } from '../campaigns/types.ts';

/**
 * The CRM's return for the period shown: the incremental gross profit of every evaluated campaign against the CRM
 * and retention costs, and what a customer-year costs to acquire against what it costs to keep.
 */
export function CrmRoiCard({ query }: { query: { period: string; to?: string } }) {
  const { t, fmt } = useI18n();
  const state = useApi<CrmRoi>('/api/v1/crm-roi', query);
  return (
    <Card size="small" title={t('crmRoi.title')} data-testid="crm-roi">
      <Loadable state={state}>
        {(r) => {
          const ratio =
            r.acquisition_per_customer_year !== null && r.retention_per_customer_year
              ? r.acquisition_per_customer_year / r.retention_per_customer_year
              : null;
          return (
            <Row gutter={[16, 16]}>
              <Col xs={12} md={6}>
                <Statistic
                  title={t('campaign.roi')}
                  value={fmt.value('ratio', r.roi.estimate)}
                  data-testid="crm-roi-value"
                />
                <Typography.Text type="secondary">{fmt.interval('ratio', r.roi.lower, r.roi.upper)}</Typography.Text>
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('crmRoi.profit')} value={fmt.value('money', r.incremental_profit.estimate)} />
                <Typography.Text type="secondary">
                  {r.programmes ? t('crmRoi.programmes', { n: r.programmes }) : t('crmRoi.none')}
                </Typography.Text>
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('crmRoi.cost')} value={fmt.value('money', r.cost)} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic
                  title={`${t('crmRoi.acquisition')} / ${t('crmRoi.retention')}`}
                  value={`${fmt.value('money', r.acquisition_per_customer_year)} / ${fmt.value('money', r.retention_per_customer_year)}`}
                />
                {ratio !== null && (
                  <Typography.Text type="secondary" data-testid="crm-roi-ratio">
                    {t('crmRoi.ratio', { x: fmt.number(ratio, 1) })}
                  </Typography.Text>
                )}
              </Col>
            </Row>
          );
        }}
      </Loadable>
    </Card>
  );
}
