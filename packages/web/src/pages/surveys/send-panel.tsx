import { LANGS, type Lang } from '@tenure/core/present';
import { Alert, Button, Card, Col, Flex, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useAction } from '../../api/use-action.ts';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { download } from './download.ts';
import { linksCsv } from './links-csv.ts';
import type { SendInput, SendResult, Survey } from './types.ts';

type Mode = 'filter' | 'customers' | 'employees' | 'triggers';
interface Values {
  mode: Mode;
  filter?: string;
  ids?: string;
  lang: Lang;
  expires_in_days: number;
}

const lines = (s: string | undefined) =>
  (s ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Whom a send invites, from the form: a segment, a list of ids (customers or employees), or the triggers' picks. */
function sendOf(v: Values): SendInput {
  const common = { lang: v.lang, expires_in_days: v.expires_in_days };
  if (v.mode === 'filter') return { ...common, filter: lines(v.filter) };
  if (v.mode === 'triggers') return { ...common, triggers: true };
  return { ...common, respondents: lines(v.ids).map((id) => ({ id })) };
}

/**
 * Send a survey now: choose the respondents (customers matching a filter, listed customers or employees, or whom
 * the survey's triggers pick now), make their links and download them as CSV. The links are shown only in this
 * answer: the server keeps a digest of each, never the link.
 */
export function SendPanel({ survey }: { survey: Survey }) {
  const { t, fmt } = useI18n();
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('mode', form);
  const action = useAction();
  const [sent, setSent] = useState<SendResult | null>(null);
  const employee = survey.kind === 'employee';
  const modes: Mode[] = [
    ...(employee ? (['employees'] as const) : (['filter', 'customers'] as const)),
    ...(survey.triggers.length ? (['triggers'] as const) : []),
  ];
  const send = (v: Values) =>
    action.run(async () => {
      setSent(null);
      setSent(await api.post<SendResult>(`/api/v1/surveys/${encodeURIComponent(survey.id)}/send`, { json: sendOf(v) }));
    });
  const until = sent?.invitations.map((i) => i.expires_at).sort()[0];
  return (
    <Card title={t('send.section.now')}>
      <Typography.Paragraph type="secondary">{t('send.intro')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="send-form"
        initialValues={{ mode: modes[0], lang: 'en', expires_in_days: survey.expires_in_days }}
        onFinish={send}
      >
        {action.error && <ProblemAlert error={action.error} />}
        <Form.Item label={t('send.respondents')} name="mode">
          <Radio.Group
            aria-label={t('send.respondents')}
            options={modes.map((m) => ({
              value: m,
              label: m === 'triggers' ? t('send.section.triggers') : t(`send.respondents.${m}`),
            }))}
          />
        </Form.Item>
        {mode === 'filter' && (
          <Form.Item label={t('send.filter')} name="filter" rules={[{ required: true, message: t('login.required') }]}>
            <Input.TextArea aria-label={t('send.filter')} rows={3} placeholder="region=north" />
          </Form.Item>
        )}
        {(mode === 'customers' || mode === 'employees') && (
          <Form.Item
            label={t(mode === 'customers' ? 'send.customers' : 'send.employees')}
            name="ids"
            rules={[{ required: true, message: t('login.required') }]}
          >
            <Input.TextArea aria-label={t(mode === 'customers' ? 'send.customers' : 'send.employees')} rows={4} />
          </Form.Item>
        )}
        <Row gutter={12}>
          <Col xs={12} md={8}>
            <Form.Item label={t('send.lang')} name="lang">
              <Select
                aria-label={t('send.lang')}
                options={LANGS.map((l) => ({ value: l, label: t(`playbooks.lang.${l}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item label={t('send.expires')} name="expires_in_days">
              <InputNumber aria-label={t('send.expires')} min={1} max={3650} />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={action.busy}>
          {t('send.create')}
        </Button>
      </Form>
      {sent && (
        <Flex vertical gap={8} style={{ marginTop: 16 }} data-testid="send-result">
          <Alert
            type="success"
            showIcon
            message={t('send.created', { n: sent.created, until: fmt.date(until) })}
            description={t('send.onlyOnce')}
          />
          <Button
            disabled={!sent.created}
            onClick={() => download(`${survey.id}-links.csv`, linksCsv(sent))}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('send.download')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}
