import { Form, Input, Modal, Select } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ExitRow, Taxonomy } from './types.ts';

type Kind = NonNullable<Taxonomy['kind']>;
type Category = NonNullable<Taxonomy['category']>;
/** The churn taxonomy: voluntary churn is natural, competitive or fault; involuntary is by intent. */
const CATEGORIES: Record<Kind, Category[]> = {
  voluntary: ['natural', 'competitive', 'fault'],
  involuntary: ['non_malicious', 'retaliatory', 'malicious'],
};

/** Correct an exit's mapping: the suggestion filled in, the analyst changes what is wrong and confirms. */
export function ExitForm({
  exit,
  busy,
  onCancel,
  onConfirm,
}: {
  exit: ExitRow;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (m: Taxonomy) => void;
}) {
  const { t, term } = useI18n();
  const [form] = Form.useForm<Taxonomy>();
  const kind = Form.useWatch('kind', form);
  const start = exit.confirmed ?? exit.suggested;
  return (
    <Modal
      open
      title={`${t('exits.correct')} ${exit.customer_id}`}
      okText={t('exits.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<Taxonomy>
        form={form}
        layout="vertical"
        data-testid="exit-form"
        initialValues={{
          kind: start.kind,
          category: start.category,
          competitor: start.competitor,
          reason: start.reason,
        }}
        onFinish={(v) => onConfirm({ ...v, competitor: v.competitor || null, reason: v.reason || null })}
      >
        <Form.Item label={t('exits.field.kind')} name="kind">
          <Select
            aria-label={t('exits.field.kind')}
            onChange={() => form.setFieldValue('category', null)}
            options={(Object.keys(CATEGORIES) as Kind[]).map((k) => ({ value: k, label: term('taxonomy', k) }))}
          />
        </Form.Item>
        <Form.Item label={t('exits.field.category')} name="category">
          <Select
            aria-label={t('exits.field.category')}
            allowClear
            options={(kind ? CATEGORIES[kind] : []).map((c) => ({ value: c, label: term('taxonomy', c) }))}
          />
        </Form.Item>
        <Form.Item label={t('exits.field.competitor')} name="competitor">
          <Input aria-label={t('exits.field.competitor')} maxLength={200} />
        </Form.Item>
        <Form.Item label={t('exits.field.reason')} name="reason">
          <Input aria-label={t('exits.field.reason')} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
