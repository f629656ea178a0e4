import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { CustomerRisk } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { Loadable } from '../../components/loadable.tsx';
import { ReasonList } from '../../components/reason-list.tsx';
import { TierTag } from '../../components/tier-tag.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** Problems that mean "nothing to show" rather than a failure: no model yet, or a customer no scoring covers. */
const QUIET: Record<string, 'risk.noModel' | 'risk.unscored'> = {
  TEN_PREDICT_NO_MODEL: 'risk.noModel',
  TEN_PREDICT_UNKNOWN_CUSTOMER: 'risk.unscored',
};

/**
 * A customer's churn risk and value on their 360 page: probability, tier, CLV and expected loss from the latest
 * scoring (the explanation's own when the scoring left them out), and the reasons that raise it most.
 */
export function RiskCard({ id }: { id: string }) {
  const { t, fmt, lang } = useI18n();
  const state = useApi<CustomerRisk>(`/api/v1/churn/customers/${encodeURIComponent(id)}`, { lang });
  const quiet = state.error && QUIET[state.error.problem.code];
  return (
    <Card title={t('risk.card')} data-testid="risk-card">
      {quiet ? (
        <Typography.Text type="secondary" data-testid="risk-none">
          {t(quiet)}
        </Typography.Text>
      ) : (
        <Loadable state={state}>
          {({ score, explanation: e }) => (
            <>
              <Row gutter={16}>
                <Col xs={12} md={6}>
                  <Statistic
                    title={t('risk.probability')}
                    valueRender={() => (
                      <span data-testid="risk-probability">
                        {fmt.value('ratio', score?.probability ?? e.probability)}
                      </span>
                    )}
                  />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title={t('risk.tier')} valueRender={() => <TierTag tier={score?.tier ?? e.tier} />} />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic
                    title={t('customers.clv')}
                    valueRender={() => <span data-testid="risk-clv">{fmt.value('money', score?.clv)}</span>}
                  />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic
                    title={t('risk.expectedLoss')}
                    valueRender={() => (
                      <span data-testid="risk-expected-loss">{fmt.value('money', score?.expected_loss)}</span>
                    )}
                  />
                </Col>
              </Row>
              <Typography.Title level={5}>{t('risk.reasons')}</Typography.Title>
              <ReasonList reasons={e.reasons} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('risk.explained', { date: fmt.date(e.as_of), run: e.model_run_id })} · {t('risk.contribution')}
              </Typography.Text>
            </>
          )}
        </Loadable>
      )}
    </Card>
  );
}
