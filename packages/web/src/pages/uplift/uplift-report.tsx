import { Card, Col, Flex, Row, Table, Tag, Typography } from 'antd';
import { QiniChart } from '../../charts/qini-chart.tsx';
import { Figure } from '../../components/figure.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { UpliftReport, UpliftSegment } from './types.ts';

/**
 * A fit's report: the Qini curves of both approaches, of churn risk alone and of random choice on the held-out
 * customers, their coefficients (the one used for scoring marked), and predicted against observed uplift by segment.
 */
export function UpliftReportView({ report: r }: { report: UpliftReport }) {
  const { t, fmt, term, field } = useI18n();
  const held = r.rows.holdout_treatment + r.rows.holdout_control;
  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary" data-testid="uplift-fitted">
        {t('uplift.fittedOn', { campaign: r.campaign_id, days: r.window_days, date: fmt.date(r.created_at, true) })}
        {' · '}
        {t('uplift.rows', {
          train: fmt.number(r.rows.train_treatment + r.rows.train_control, 0),
          trainT: fmt.number(r.rows.train_treatment, 0),
          trainC: fmt.number(r.rows.train_control, 0),
          holdout: fmt.number(held, 0),
          holdoutT: fmt.number(r.rows.holdout_treatment, 0),
          holdoutC: fmt.number(r.rows.holdout_control, 0),
        })}{' '}
        {t('uplift.observed', {
          treatment: fmt.value('ratio', r.observed.treatment_churn),
          control: fmt.value('ratio', r.observed.control_churn),
        })}
      </Typography.Text>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={t('uplift.qini')}>
            <QiniChart
              x={t('uplift.share')}
              y={t('uplift.gain')}
              lines={r.qini.map((q) => ({
                name: term('uplift.ranking', q.ranking),
                points: q.curve.map((p): [number, number] => [p.share, p.gain]),
                reference: q.ranking === 'random',
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('uplift.coefficients')} style={{ height: '100%' }}>
            <Flex vertical gap={16}>
              {r.qini
                .filter((q) => q.ranking !== 'random')
                .map((q) => (
                  <div key={q.ranking}>
                    <Figure
                      title={
                        <>
                          {term('uplift.ranking', q.ranking)}{' '}
                          {q.ranking === r.chosen && <Tag color="blue">{t('uplift.chosen')}</Tag>}
                        </>
                      }
                      value={fmt.number(q.coefficient, 4)}
                      note={
                        q.normalized === null
                          ? undefined
                          : t('uplift.normalized', { n: fmt.value('ratio', q.normalized) })
                      }
                      testId={`qini-${q.ranking}`}
                    />
                  </div>
                ))}
            </Flex>
          </Card>
        </Col>
      </Row>
      {r.segments.length > 0 && (
        <Card title={t('uplift.segments')}>
          <Table<UpliftSegment>
            data-testid="uplift-segments"
            size="small"
            rowKey={(s) => `${s.dimension}:${s.value}`}
            pagination={false}
            dataSource={r.segments}
            columns={[
              { title: t('uplift.segment'), render: (_, s) => `${field(s.dimension)}: ${s.value}` },
              { title: t('uplift.members'), align: 'right', render: (_, s) => fmt.number(s.members, 0) },
              {
                title: t('uplift.predicted'),
                align: 'right',
                render: (_, s) => fmt.change('ratio', s.predicted_uplift),
              },
              {
                title: t('uplift.actual'),
                align: 'right',
                render: (_, s) => fmt.change('ratio', s.observed_uplift),
              },
            ]}
          />
        </Card>
      )}
    </Flex>
  );
}
