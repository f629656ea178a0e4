import { Card, Col, Row } from 'antd';
import dayjs from 'dayjs';
import { useApi } from '../../api/use-api.ts';
import { Figure } from '../../components/figure.tsx';
import { Loadable } from '../../components/loadable.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** The twelve months ending with the period shown (`start`, the first day of a month, quarter or year). */
export function trailingYear(grain: string, start: string) {
  const months = grain === 'year' ? 12 : grain === 'quarter' ? 3 : 1;
  const to = dayjs(start).add(months - 1, 'month');
  return { from: to.subtract(11, 'month').format('YYYY-MM'), to: to.format('YYYY-MM') };
}

/**
 * The CRM's return over the twelve months ending with the period the overview shows: the incremental gross profit
 * of every evaluated campaign against the CRM and retention costs, and what a customer costs to acquire against
 * what a customer-year costs to keep, measured on the workspace's own costs.
 */
export function CrmRoiCard({ range }: { range: { from: string; to: string } }) {
  const { t, fmt } = useI18n();
  const state = useApi('/api/v1/crm-roi', range);
  const month = (m: string) => fmt.period('month', `${m}-01`);
  return (
    <Card size="small" title={`${t('crmRoi.title')} · ${month(range.from)} – ${month(range.to)}`} data-testid="crm-roi">
      <Loadable state={state}>
        {(r) => (
          <Row gutter={[16, 16]}>
            <Col xs={12} lg={6}>
              <Figure
                title={t('campaign.roi')}
                value={fmt.value('ratio', r.roi.estimate)}
                note={
                  r.not_measurable ? t(`crmRoi.${r.not_measurable}`) : fmt.interval('ratio', r.roi.lower, r.roi.upper)
                }
                testId="crm-roi-value"
              />
            </Col>
            <Col xs={12} lg={6}>
              <Figure
                title={t('crmRoi.profit')}
                value={fmt.value('money', r.incremental_gross_profit.estimate)}
                note={
                  r.programmes.length
                    ? t('crmRoi.programmes', { n: r.programmes.length })
                    : t('crmRoi.none', { page: t('nav.campaigns') })
                }
                testId="crm-roi-profit"
              />
            </Col>
            <Col xs={12} lg={6}>
              <Figure title={t('crmRoi.cost')} value={fmt.value('money', r.crm_cost)} testId="crm-roi-cost" />
            </Col>
            <Col xs={12} lg={6}>
              <Figure
                title={t('crmRoi.perCustomer')}
                value={`${fmt.value('money', r.acquisition.per_customer)} / ${fmt.value('money', r.retention.per_customer_year)}`}
                note={
                  r.acquisition_to_retention === null
                    ? undefined
                    : t('crmRoi.ratio', { x: fmt.number(r.acquisition_to_retention, 1) })
                }
                testId="crm-roi-per-customer"
              />
            </Col>
          </Row>
        )}
      </Loadable>
    </Card>
  );
}
