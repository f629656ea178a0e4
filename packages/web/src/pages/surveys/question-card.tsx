import type { FormInstance } from 'antd';
import { AutoComplete, Button, Card, Checkbox, Col, Flex, Form, Input, Row, Select } from 'antd';
import { BilingualFields } from '../../components/bilingual-fields.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { isChoice, type Values } from './form-values.ts';
import { DIMENSIONS, QUESTION_TYPES } from './types.ts';

/**
 * One question of the builder: its answer type, its text in both languages, its choices (for a choice), its
 * dimension (employee surveys), whether it must be answered and whether it is the main question. Marking one
 * main unmarks the others: a survey has one score.
 */
export function QuestionCard({
  form,
  index,
  onRemove,
}: {
  form: FormInstance<Values>;
  index: number;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const type = Form.useWatch(['questions', index, 'type'], form);
  const kind = Form.useWatch('kind', form);
  const n = index + 1;
  const label = (key: Parameters<typeof t>[0]) => `${t(key)} (${t('builder.question', { n })})`;
  const onlyMain = (checked: boolean) => {
    if (!checked) return;
    const qs = form.getFieldValue('questions') as Values['questions'];
    form.setFieldValue(
      'questions',
      qs.map((q, i) => ({ ...q, main: i === index })),
    );
  };
  return (
    <Card
      size="small"
      title={t('builder.question', { n })}
      data-testid={`question-${n}`}
      extra={
        <Button size="small" danger onClick={onRemove} aria-label={t('builder.removeQuestion', { n })}>
          {t('common.delete')}
        </Button>
      }
    >
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item label={t('builder.type')} name={[index, 'type']}>
            <Select
              aria-label={label('builder.type')}
              options={QUESTION_TYPES.map((x) => ({ value: x, label: t(`builder.type.${x}`) }))}
            />
          </Form.Item>
        </Col>
        {kind === 'employee' && (
          <Col xs={24} md={8}>
            <Form.Item label={t('builder.dimension')} name={[index, 'dimension']}>
              <AutoComplete
                aria-label={label('builder.dimension')}
                options={DIMENSIONS.map((d) => ({ value: d, label: t(`builder.dimension.${d}`) }))}
              />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={8}>
          <Flex gap={12} wrap style={{ paddingTop: 30 }}>
            <Form.Item name={[index, 'required']} valuePropName="checked" noStyle>
              <Checkbox aria-label={label('builder.required')}>{t('builder.required')}</Checkbox>
            </Form.Item>
            <Form.Item name={[index, 'main']} valuePropName="checked" noStyle>
              <Checkbox aria-label={label('builder.main')} onChange={(e) => onlyMain(e.target.checked)}>
                {t('builder.main')}
              </Checkbox>
            </Form.Item>
          </Flex>
        </Col>
      </Row>
      <BilingualFields
        name={[index, 'text']}
        en="builder.textEn"
        zh="builder.textZh"
        suffix={`(${t('builder.question', { n })})`}
      />
      {type && isChoice(type) && (
        <Form.List name={[index, 'options']}>
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, j) => (
                <Row gutter={12} key={f.key} align="middle">
                  <Col xs={11}>
                    <Form.Item name={[f.name, 'text', 'en']} style={{ marginBottom: 8 }}>
                      <Input
                        aria-label={`${t('builder.optionEn')} ${n}.${j + 1}`}
                        placeholder={t('builder.optionEn')}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={11}>
                    <Form.Item name={[f.name, 'text', 'zh-CN']} style={{ marginBottom: 8 }}>
                      <Input
                        aria-label={`${t('builder.optionZh')} ${n}.${j + 1}`}
                        placeholder={t('builder.optionZh')}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={2}>
                    <Button size="small" onClick={() => remove(f.name)}>
                      ×
                    </Button>
                  </Col>
                </Row>
              ))}
              <Button size="small" onClick={() => add({ text: {} })}>
                {t('builder.addOption')}
              </Button>
            </>
          )}
        </Form.List>
      )}
    </Card>
  );
}
