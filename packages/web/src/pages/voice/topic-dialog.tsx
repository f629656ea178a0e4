import { Alert, Form, Input, Modal, Select } from 'antd';
import { api } from '../../api/client.ts';
import { useAction } from '../../api/use-action.ts';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { TopicRow, VoiceLang } from './types.ts';

/** What the dialog does: rename a topic, merge others into it, or create one from seed terms. */
export type TopicEdit = { kind: 'rename' | 'merge'; topic: TopicRow } | { kind: 'create' };

interface Values {
  label?: string;
  lang?: VoiceLang;
  terms?: string;
  into?: string[];
}

const TOPICS = '/api/v1/voice/topics';
const lines = (s: string | undefined) =>
  (s ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * Edit the topic list (analysts): rename a topic, merge topics of the same language into one, or create a topic
 * from seed terms. Every edit pins the topic: later analyses keep it and assign texts to it.
 */
export function TopicDialog({
  edit,
  topics,
  onClose,
  onDone,
}: {
  edit: TopicEdit;
  topics: TopicRow[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const action = useAction();
  const required = [{ required: true, message: t('login.required') }];
  const title =
    edit.kind === 'create'
      ? t('topics.create')
      : `${t(edit.kind === 'rename' ? 'topics.rename' : 'topics.merge')} ${edit.topic.label}`;
  const at = edit.kind === 'create' ? '' : `${TOPICS}/${encodeURIComponent(edit.topic.topic_id)}`;
  const save = (v: Values) =>
    action.run(async () => {
      if (edit.kind === 'rename') await api.patch(at, { label: v.label });
      else if (edit.kind === 'merge') await api.post(`${at}/merge`, { json: { topic_ids: v.into } });
      else await api.post(TOPICS, { json: { lang: v.lang, label: v.label, terms: lines(v.terms) } });
      onDone();
    });
  return (
    <Modal
      open
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={action.busy}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={save}
        data-testid="topic-form"
        initialValues={edit.kind === 'create' ? { lang: 'zh' } : { label: edit.topic.label }}
      >
        {action.error && <ProblemAlert error={action.error} />}
        {edit.kind !== 'merge' && (
          <Form.Item label={t('topics.field.label')} name="label" rules={required}>
            <Input aria-label={t('topics.field.label')} maxLength={120} />
          </Form.Item>
        )}
        {edit.kind === 'merge' && (
          <Form.Item label={t('topics.field.into')} name="into" rules={required}>
            <Select
              mode="multiple"
              aria-label={t('topics.field.into')}
              options={topics
                .filter((x) => x.lang === edit.topic.lang && x.topic_id !== edit.topic.topic_id)
                .map((x) => ({ value: x.topic_id, label: x.label }))}
            />
          </Form.Item>
        )}
        {edit.kind === 'create' && (
          <>
            <Form.Item label={t('topics.field.lang')} name="lang">
              <Select
                aria-label={t('topics.field.lang')}
                options={(['zh', 'en'] as const).map((l) => ({ value: l, label: t(`voice.lang.${l}`) }))}
              />
            </Form.Item>
            <Form.Item label={t('topics.field.terms')} name="terms" rules={required}>
              <Input.TextArea aria-label={t('topics.field.terms')} rows={4} />
            </Form.Item>
          </>
        )}
        <Alert type="info" showIcon message={t('topics.pinnedNote')} />
      </Form>
    </Modal>
  );
}
