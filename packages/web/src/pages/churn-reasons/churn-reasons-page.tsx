import { taxonomyLabel } from '@tenure/core/present';
import { Card, Col, Row, Table } from 'antd';
import type { ChurnReason } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { ParetoChart } from '../../charts/pareto-chart.tsx';
import { TaxonomySunburst } from '../../charts/taxonomy-sunburst.tsx';
import { Loadable } from '../../components/loadable.tsx';
import { Page } from '../../components/page.tsx';
import { usePeriodRange } from '../../components/period-controls.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** Why customers left: reasons as a Pareto chart and a table with the MRR each cost, and the taxonomy as a sunburst. */
export default function ChurnReasonsPage() {
  const { t, fmt, lang } = useI18n();
  const range = usePeriodRange('month');
  const state = useApi(range.query && '/api/v1/churn-reasons', range.query ?? {});
  // Kinds and categories by the taxonomy's labels (core's, as the report shows them); a reason is free text.
  const label = (name: string) => taxonomyLabel(lang, name);
  return (
    <Page title={t('nav.churnReasons')} extra={range.picker}>
      <Loadable state={state} isEmpty={(d) => d.reasons.length === 0}>
        {(d) => (
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card title={t('reasons.pareto')}>
                <ParetoChart reasons={d.reasons} label={label} />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card title={t('reasons.taxonomy')}>
                <TaxonomySunburst nodes={d.taxonomy} label={label} />
              </Card>
            </Col>
            <Col span={24}>
              <Card>
                <Table<ChurnReason>
                  size="small"
                  rowKey="reason"
                  dataSource={d.reasons}
                  pagination={false}
                  columns={[
                    { title: t('reasons.reason'), render: (_, r) => label(r.reason) },
                    { title: t('reasons.count'), align: 'right', render: (_, r) => fmt.number(r.count, 0) },
                    { title: t('reasons.share'), align: 'right', render: (_, r) => fmt.value('ratio', r.share) },
                    {
                      title: t('reasons.cumulative'),
                      align: 'right',
                      render: (_, r) => fmt.value('ratio', r.cumulative_share),
                    },
                    { title: t('reasons.mrrLost'), align: 'right', render: (_, r) => fmt.value('money', r.mrr_lost) },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        )}
      </Loadable>
    </Page>
  );
}
