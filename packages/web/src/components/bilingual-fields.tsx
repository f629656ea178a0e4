import { Col, Form, Input, Row } from 'antd';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * A text every reader sees in their language, entered as two fields side by side: English under `[...name, 'en']`
 * and Chinese under `[...name, 'zh-CN']` (the shape core's bilingual texts take). `suffix` tells repeated fields
 * apart for screen readers (question 2's text); `long` makes them text areas.
 */
export function BilingualFields({
  name,
  en,
  zh,
  required = false,
  long = false,
  suffix,
}: {
  name: (string | number)[];
  en: MessageKey;
  zh: MessageKey;
  required?: boolean;
  long?: boolean;
  suffix?: string;
}) {
  const { t } = useI18n();
  const rules = required ? [{ required: true, message: t('login.required') }] : [];
  return (
    <Row gutter={12}>
      {(
        [
          ['en', en],
          ['zh-CN', zh],
        ] as const
      ).map(([lang, key]) => {
        const aria = suffix ? `${t(key)} ${suffix}` : t(key);
        return (
          <Col xs={24} md={12} key={lang}>
            <Form.Item label={t(key)} name={[...name, lang]} rules={rules}>
              {long ? <Input.TextArea rows={2} aria-label={aria} /> : <Input aria-label={aria} />}
            </Form.Item>
          </Col>
        );
      })}
    </Row>
  );
}
