import { Card, Col, Row, Table, Typography } from 'antd';
import type { SegmentSummary } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { RfmHeatmap } from '../../charts/rfm-heatmap.tsx';
import { Loadable } from '../../components/loadable.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

type Stage = SegmentSummary['lifecycle'][number];

/** Where the customers stand at the end of the data: the RFM grid and the lifecycle stage counts. */
export function SegmentsCard() {
  const { t, fmt, freeTerm } = useI18n();
  const state = useApi('/api/v1/value/segments', {});
  return (
    <Card title={t('rfm.title')} style={{ marginBottom: 16 }}>
      <Loadable state={state} isEmpty={(d) => d.rfm.length === 0}>
        {(d) => (
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={14}>
              <RfmHeatmap data={d} />
            </Col>
            <Col xs={24} lg={10}>
              <Table<Stage>
                data-testid="lifecycle-table"
                size="small"
                rowKey="stage"
                pagination={false}
                dataSource={d.lifecycle}
                columns={[
                  { title: t('rfm.stage'), render: (_, r) => freeTerm('segment.lifecycle_stage', r.stage) },
                  { title: t('rfm.customers'), align: 'right', render: (_, r) => fmt.number(r.customers, 0) },
                ]}
              />
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                {t('rfm.definition', { date: fmt.date(d.as_of), bins: d.bins })}
              </Typography.Paragraph>
            </Col>
          </Row>
        )}
      </Loadable>
    </Card>
  );
}
