import { Button, Card, Form, type FormInstance, Input } from 'antd';
import type { CaseRow, Settings } from '../../api/types.ts';
import { CaseFieldErrors } from '../../components/case-field-errors.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { stepForms } from './step-fields.tsx';
import { STEP_FIELDS, type StepStage } from './step-stages.ts';

/** The form's values as the API takes them: only this step's fields, empty ones left out. */
const fieldsOf = (step: StepStage, values: Record<string, unknown>) =>
  Object.fromEntries(
    STEP_FIELDS[step].flatMap((f) =>
      values[f] === undefined || values[f] === null || values[f] === '' ? [] : [[f, values[f]]],
    ),
  );

/**
 * The next step of a case: the fields it records and a note, sent as a move. The form instance is the page's,
 * so what was typed outlives a refusal and a reload of the case.
 */
export function StepForm({
  row,
  step,
  form,
  config,
  busy,
  refused,
  onMove,
}: {
  row: CaseRow;
  step: StepStage;
  form: FormInstance;
  config: Settings['cases'] | undefined;
  busy: boolean;
  refused: string[] | null;
  onMove: (body: { to: StepStage; fields: Record<string, unknown>; note?: string }) => void;
}) {
  const { t, term } = useI18n();
  const Fields = stepForms[step];
  return (
    <Card title={t('case.nextStep', { step: term('caseStage', step) })} data-testid="step-form">
      <Form
        form={form}
        layout="vertical"
        onFinish={(v: Record<string, unknown>) =>
          onMove({ to: step, fields: fieldsOf(step, v), note: (v.note as string | undefined)?.trim() || undefined })
        }
      >
        <Fields row={row} config={config} />
        <Form.Item name="note" label={t('case.note')}>
          <Input.TextArea rows={2} aria-label={t('case.note')} />
        </Form.Item>
        {refused && (
          <div style={{ marginBottom: 16 }}>
            <CaseFieldErrors fields={refused} />
          </div>
        )}
        <Button type="primary" htmlType="submit" loading={busy} data-testid="step-submit">
          {t(`case.submit.${step}`)}
        </Button>
      </Form>
    </Card>
  );
}
