import { Alert, Button, Col, Divider, Flex, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { api } from '../../api/client.ts';
import { useAction } from '../../api/use-action.ts';
import { BilingualFields } from '../../components/bilingual-fields.tsx';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { definitionOf, type Values, valuesOf } from './form-values.ts';
import { QuestionCard } from './question-card.tsx';
import { SURVEY_KINDS, type Survey } from './types.ts';

/**
 * The survey builder: kind, title, questions with their texts in both languages, when to send on its own, and
 * how long a link lasts. Saving a stored survey makes a new version (naming the version read, so a colleague's
 * change is never written over unseen); the server checks the whole definition and names every bad part.
 */
export function SurveyForm({ survey, onSaved }: { survey: Survey | null; onSaved: (s: Survey) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const action = useAction();
  const schedule = Form.useWatch('schedule', form);
  const selfSend = Form.useWatch('self_send', form);
  const required = [{ required: true, message: t('login.required') }];
  const save = (v: Values) =>
    action.run(async () => {
      const def = definitionOf(v, survey?.version);
      onSaved(
        survey
          ? await api.put<Survey>(`/api/v1/surveys/${encodeURIComponent(survey.id)}`, { ...def, id: undefined })
          : await api.post<Survey>('/api/v1/surveys', { json: def }),
      );
    });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={valuesOf(survey)}
      onFinish={save}
      data-testid="survey-form"
    >
      {action.error && <ProblemAlert error={action.error} />}
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item label={t('builder.id')} name="id" rules={required}>
            <Input aria-label={t('builder.id')} disabled={!!survey} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item label={t('builder.kind')} name="kind">
            <Select
              aria-label={t('builder.kind')}
              options={SURVEY_KINDS.map((k) => ({ value: k, label: t(`surveys.kind.${k}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item label={t('send.expires')} name="expires_in_days">
            <InputNumber aria-label={t('send.expires')} min={1} max={3650} />
          </Form.Item>
        </Col>
      </Row>
      <BilingualFields name={['title']} en="builder.titleEn" zh="builder.titleZh" required />
      <Divider titlePlacement="start">{t('builder.questions')}</Divider>
      <Form.List name="questions">
        {(fields, { add, remove }) => (
          <Flex vertical gap={12}>
            {fields.map((f) => (
              <QuestionCard key={f.key} form={form} index={f.name} onRemove={() => remove(f.name)} />
            ))}
            <Button onClick={() => add({ type: 'text', text: {}, required: false, main: false })}>
              {t('builder.addQuestion')}
            </Button>
          </Flex>
        )}
      </Form.List>
      <Divider titlePlacement="start">{t('send.section.triggers')}</Divider>
      <Row gutter={12} align="bottom">
        <Col xs={12} md={6}>
          <Form.Item label={t('send.trigger.case_closed')} name="case_closed" valuePropName="checked">
            <Switch aria-label={t('send.trigger.case_closed')} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('send.trigger.churned')} name="churned" valuePropName="checked">
            <Switch aria-label={t('send.trigger.churned')} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('send.trigger.churnedDays')} name="churned_after_days">
            <InputNumber aria-label={t('send.trigger.churnedDays')} min={0} max={365} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('send.trigger.schedule')} name="schedule" valuePropName="checked">
            <Switch aria-label={t('send.trigger.schedule')} />
          </Form.Item>
        </Col>
      </Row>
      {schedule && (
        <Row gutter={12}>
          <Col xs={24} md={6}>
            <Form.Item label={t('send.trigger.everyDays')} name="every_days">
              <InputNumber aria-label={t('send.trigger.everyDays')} min={1} max={3650} />
            </Form.Item>
          </Col>
          <Col xs={24} md={18}>
            <Form.Item label={t('send.trigger.scheduleFilter')} name="schedule_filter" rules={required}>
              <Input.TextArea aria-label={t('send.trigger.scheduleFilter')} rows={2} placeholder="region=north" />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Form.Item
        label={t('send.selfSend')}
        name="self_send"
        valuePropName="checked"
        extra={t(selfSend ? 'send.selfSend.on' : 'send.selfSend.off')}
      >
        <Switch aria-label={t('send.selfSend')} />
      </Form.Item>
      {selfSend && (
        <Row gutter={12}>
          <Col xs={24} md={9}>
            <Form.Item label={t('send.webhook')} name="webhook_url" rules={required}>
              <Input aria-label={t('send.webhook')} placeholder="https://mail.example.com/tenure" />
            </Form.Item>
          </Col>
          <Col xs={24} md={5}>
            <Form.Item label={t('send.secretEnv')} name="secret_env" rules={required}>
              <Input aria-label={t('send.secretEnv')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={t('send.baseUrl')} name="base_url">
              <Input aria-label={t('send.baseUrl')} placeholder="https://tenure.example.com" />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item label={t('send.deliveryLang')} name="delivery_lang">
              <Select
                aria-label={t('send.deliveryLang')}
                options={[
                  { value: 'en', label: 'English' },
                  { value: 'zh-CN', label: '中文' },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
      )}
      {survey && <Alert type="info" showIcon message={t('builder.versions')} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" loading={action.busy}>
        {survey ? t('builder.saveVersion') : t('builder.save')}
      </Button>
    </Form>
  );
}
