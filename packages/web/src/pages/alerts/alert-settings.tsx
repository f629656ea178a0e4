import { Button, Card, Col, Form, Input, InputNumber, message, Row, Space, Switch } from 'antd';
import { api } from '../../api/client.ts';
import type { PredictionSettings } from '../../api/types.ts';
import { useAction } from '../../api/use-action.ts';
import { invalidate, useApi } from '../../api/use-api.ts';
import { Loadable } from '../../components/loadable.tsx';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

type Editable = Pick<PredictionSettings, 'tiers' | 'alerts' | 'webhooks'>;

const TIERS = ['critical', 'high', 'medium'] as const;
const SWITCHES = ['critical_risk', 'tier_rise', 'complaint_past_sla', 'failed_payment'] as const;

/**
 * The early-warning rules, the risk tiers and the webhooks alerts go to: for admins (the API refuses anyone
 * else, reading included, as a webhook URL may carry its receiver's token). A threshold left empty turns its
 * rule off. The server checks the whole section and lists every problem.
 */
export function AlertSettings() {
  const { t, term } = useI18n();
  const [toast, toastHolder] = message.useMessage();
  const state = useApi('/api/v1/alerts/settings');
  const action = useAction();
  const save = async (values: Editable) => {
    if (!(await action.run(() => api.put('/api/v1/alerts/settings', { ...values, webhooks: values.webhooks ?? [] }))))
      return;
    // The workspace config, which every page shares, holds this section too.
    invalidate('/api/v1/settings');
    state.reload();
    toast.success(t('common.saved'));
  };
  return (
    <Card title={t('alerts.settings')} data-testid="alert-settings">
      <Loadable state={state}>
        {(s) => (
          <Form<Editable> layout="vertical" initialValues={s} onFinish={save}>
            <Row gutter={24}>
              <Col xs={24} md={8}>
                {TIERS.map((tier) => (
                  <Form.Item
                    key={tier}
                    label={t('alerts.tierFrom', { tier: term('tier', tier) })}
                    name={['tiers', tier]}
                  >
                    <InputNumber min={0.01} max={0.99} step={0.05} />
                  </Form.Item>
                ))}
              </Col>
              <Col xs={24} md={8}>
                {SWITCHES.map((rule) => (
                  <Form.Item key={rule} label={term('rule', rule)} name={['alerts', rule]} valuePropName="checked">
                    <Switch />
                  </Form.Item>
                ))}
                <Form.Item label={t('alerts.usageDrop')} name={['alerts', 'usage_drop']}>
                  <InputNumber aria-label={t('alerts.usageDrop')} min={0.01} max={1} step={0.05} />
                </Form.Item>
                <Form.Item label={t('alerts.npsDetractor')} name={['alerts', 'nps_detractor']}>
                  <InputNumber min={0} max={10} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.List name="webhooks">
                  {(fields, { add, remove }) => (
                    <>
                      {fields.map((f) => (
                        <Space key={f.key} align="baseline" wrap>
                          <Form.Item name={[f.name, 'url']} rules={[{ required: true, type: 'url' }]}>
                            <Input placeholder={t('alerts.webhookUrl')} style={{ width: 240 }} />
                          </Form.Item>
                          <Form.Item name={[f.name, 'secret_env']} rules={[{ required: true }]}>
                            <Input placeholder={t('alerts.secretEnv')} style={{ width: 240 }} />
                          </Form.Item>
                          <Button onClick={() => remove(f.name)}>{t('common.delete')}</Button>
                        </Space>
                      ))}
                      <Button onClick={() => add({ url: '', secret_env: 'TENURE_WEBHOOK_SECRET' })}>
                        {t('alerts.addWebhook')}
                      </Button>
                    </>
                  )}
                </Form.List>
              </Col>
            </Row>
            {toastHolder}
            {action.error && <ProblemAlert error={action.error} />}
            <Button type="primary" htmlType="submit" loading={action.busy} data-testid="save-alert-settings">
              {t('common.save')}
            </Button>
          </Form>
        )}
      </Loadable>
    </Card>
  );
}
