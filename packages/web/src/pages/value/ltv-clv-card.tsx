import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useApi } from '../../api/use-api.ts';
import { Loadable } from '../../components/loadable.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * The formula LTV (the last complete quarter, its interval, and the three quarters before it) beside the
 * per-customer CLV's median and mean from the latest scoring, with what sets the two apart.
 */
export function LtvClvCard() {
  const { t, fmt } = useI18n();
  const state = useApi('/api/v1/clv/ltv');
  return (
    <Card title={t('ltvClv.title')} data-testid="ltv-clv" style={{ marginBottom: 16 }}>
      <Loadable state={state}>
        {(d) => {
          const last = d.ltv.at(-1);
          return (
            <>
              <Row gutter={24}>
                <Col xs={24} md={8}>
                  <Statistic
                    title={t('ltvClv.ltv', { period: last ? fmt.period('quarter', last.period_start) : '' })}
                    value={fmt.value('money', last?.value ?? null)}
                  />
                  <Typography.Text type="secondary" data-testid="ltv-interval">
                    {t('ltvClv.interval', {
                      low: fmt.value('money', last?.ci_low ?? null),
                      high: fmt.value('money', last?.ci_high ?? null),
                    })}
                  </Typography.Text>
                  <div>
                    <Typography.Text type="secondary">
                      {t('ltvClv.quarters', {
                        list: d.ltv
                          .map((q) => `${fmt.period('quarter', q.period_start)} ${fmt.value('money', q.value)}`)
                          .join(' · '),
                      })}
                    </Typography.Text>
                  </div>
                </Col>
                {d.clv ? (
                  <>
                    <Col xs={24} md={8}>
                      <Statistic title={t('ltvClv.clvMedian')} value={fmt.value('money', d.clv.median)} />
                      <Typography.Text type="secondary">
                        {t('ltvClv.scored', { n: fmt.number(d.clv.customers, 0), date: fmt.date(d.clv.as_of) })}
                      </Typography.Text>
                    </Col>
                    <Col xs={24} md={8}>
                      <Statistic title={t('ltvClv.clvMean')} value={fmt.value('money', d.clv.mean)} />
                    </Col>
                  </>
                ) : (
                  <Col xs={24} md={16}>
                    <Typography.Paragraph type="secondary" data-testid="clv-not-scored">
                      {t('ltvClv.notScored')}
                    </Typography.Paragraph>
                  </Col>
                )}
              </Row>
              <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
                {t('ltvClv.explain')}
              </Typography.Paragraph>
            </>
          );
        }}
      </Loadable>
    </Card>
  );
}
