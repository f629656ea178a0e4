import { Button, Card, Form, Input, InputNumber, message, Select, Switch } from 'antd';
import { api } from '../../api/client.ts';
import { useSettings } from '../../api/resources.ts';
import type { Settings } from '../../api/types.ts';
import { useAction } from '../../api/use-action.ts';
import { invalidate } from '../../api/use-api.ts';
import { atLeast, useAuth } from '../../auth/auth.tsx';
import { Loadable } from '../../components/loadable.tsx';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** The keys this form edits; PUT /settings takes a partial config, so the rest (dimensions, margin) is kept. */
type Editable = Pick<Settings, 'churn' | 'fiscal_year_start_month' | 'week_start' | 'timezone' | 'currency'>;

/** How this business defines churn and its calendar. Everyone may read it; only an admin may save. */
export function ConfigForm() {
  const { t, setCurrency } = useI18n();
  const [toast, toastHolder] = message.useMessage();
  const admin = atLeast(useAuth().user, 'admin');
  const state = useSettings();
  const action = useAction();
  const save = async (values: Editable) => {
    if (!(await action.run(() => api.put('/api/v1/settings', values)))) return;
    invalidate('/api/v1/settings');
    state.reload();
    setCurrency(values.currency);
    toast.success(t('common.saved'));
  };
  return (
    <Loadable state={state}>
      {(s) => (
        <Form<Editable> layout="vertical" initialValues={s} onFinish={save} disabled={!admin} style={{ maxWidth: 560 }}>
          <Card title={t('settings.churn')} size="small" style={{ marginBottom: 16 }}>
            <Form.Item label={t('settings.graceDays')} name={['churn', 'grace_days']}>
              <InputNumber min={0} max={365} />
            </Form.Item>
            <Form.Item label={t('settings.inactivityDays')} name={['churn', 'inactivity_days']}>
              <InputNumber min={1} max={3650} />
            </Form.Item>
            <Form.Item label={t('settings.recognizedAt')} name={['churn', 'recognized_at']}>
              <Select
                options={[
                  { value: 'end_of_period', label: t('settings.endOfPeriod') },
                  { value: 'cancellation_request', label: t('settings.cancellationRequest') },
                ]}
              />
            </Form.Item>
            <Form.Item
              label={t('settings.countSamePeriod')}
              name={['churn', 'count_same_period']}
              valuePropName="checked"
            >
              <Switch />
            </Form.Item>
          </Card>
          <Card title={t('settings.calendar')} size="small" style={{ marginBottom: 16 }}>
            <Form.Item label={t('settings.fiscalYearStart')} name="fiscal_year_start_month">
              <InputNumber min={1} max={12} />
            </Form.Item>
            <Form.Item label={t('settings.weekStart')} name="week_start">
              <Select
                options={[
                  { value: 'monday', label: t('settings.monday') },
                  { value: 'sunday', label: t('settings.sunday') },
                ]}
              />
            </Form.Item>
            <Form.Item label={t('settings.timezone')} name="timezone">
              <Input />
            </Form.Item>
            <Form.Item label={t('settings.currency')} name="currency">
              <Input maxLength={3} style={{ width: 96 }} />
            </Form.Item>
          </Card>
          {toastHolder}
          {action.error && <ProblemAlert error={action.error} />}
          {admin ? (
            <Button type="primary" htmlType="submit" loading={action.busy}>
              {t('common.save')}
            </Button>
          ) : (
            t('common.adminOnly')
          )}
        </Form>
      )}
    </Loadable>
  );
}
