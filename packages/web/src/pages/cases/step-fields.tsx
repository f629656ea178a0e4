import { Form, Input, InputNumber, Radio, Rate, Select } from 'antd';
import type { ComponentType } from 'react';
import type { CaseRow, CaseStage, Settings } from '../../api/types.ts';
import { CASE_OUTCOMES, CASE_SEVERITIES, COMPENSATION_KINDS, rootCauseOptions } from '../../components/case-terms.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { StepStage } from './step-stages.ts';

interface FieldsProps {
  row: CaseRow;
  config: Settings['cases'] | undefined;
}

/** A yes/no field as two radio buttons (a switch would read as "off" before the person has answered). */
function YesNo({ name }: { name: 'company_at_fault' | 'contacted' | 'satisfied' }) {
  const { t } = useI18n();
  return (
    <Form.Item name={name} label={t(`caseField.${name}`)} required>
      <Radio.Group
        data-testid={`field-${name}`}
        options={[
          { value: true, label: t('common.yes') },
          { value: false, label: t('common.no') },
        ]}
      />
    </Form.Item>
  );
}

/** 问题诊断: the root cause from the configured taxonomy, the severity, whether the company was at fault. */
function Diagnose({ config }: FieldsProps) {
  const { t, term, lang } = useI18n();
  return (
    <>
      <Form.Item name="root_cause" label={t('caseField.root_cause')} required>
        <Select aria-label={t('caseField.root_cause')} options={rootCauseOptions(lang, config)} />
      </Form.Item>
      <Form.Item name="severity" label={t('caseField.severity')} required>
        <Select
          aria-label={t('caseField.severity')}
          options={CASE_SEVERITIES.map((s) => ({ value: s, label: term('caseSeverity', s) }))}
        />
      </Form.Item>
      <YesNo name="company_at_fault" />
    </>
  );
}

/** 制定方案: the plan, and the compensation proposed; above the configured limit, who approved it. */
function Plan({ config }: FieldsProps) {
  const { t, term, fmt } = useI18n();
  const amount = Form.useWatch<number | null>('compensation_amount', Form.useFormInstance());
  const limit = config?.approval_limit ?? 0;
  return (
    <>
      <Form.Item name="action_plan" label={t('caseField.action_plan')} required>
        <Input.TextArea rows={3} aria-label={t('caseField.action_plan')} />
      </Form.Item>
      <Form.Item name="compensation_kind" label={t('caseField.compensation_kind')}>
        <Select
          allowClear
          aria-label={t('caseField.compensation_kind')}
          options={COMPENSATION_KINDS.map((k) => ({ value: k, label: term('compensation', k) }))}
        />
      </Form.Item>
      <Form.Item name="compensation_amount" label={t('caseField.compensation_amount')}>
        <InputNumber min={0} aria-label={t('caseField.compensation_amount')} style={{ width: 200 }} />
      </Form.Item>
      {typeof amount === 'number' && amount > limit && (
        <Form.Item
          name="approved_by"
          label={t('caseField.approved_by')}
          required
          extra={t('case.approvalNeeded', { limit: fmt.value('money', limit) })}
        >
          <Input aria-label={t('caseField.approved_by')} style={{ width: 240 }} />
        </Form.Item>
      )}
    </>
  );
}

/** 实施处理 starts with nothing to record: the plan is being carried out. */
function Implement() {
  const { t } = useI18n();
  return <p>{t('case.implementingHelp')}</p>;
}

/** 反馈跟踪 starts with what was done, and the compensation granted when one was proposed. */
function FollowUp({ row }: FieldsProps) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="actions_done" label={t('caseField.actions_done')} required>
        <Input.TextArea rows={3} aria-label={t('caseField.actions_done')} />
      </Form.Item>
      {row.compensation_kind !== null && (
        <Form.Item name="compensation_granted" label={t('caseField.compensation_granted')} required>
          <InputNumber min={0} aria-label={t('caseField.compensation_granted')} style={{ width: 200 }} />
        </Form.Item>
      )}
    </>
  );
}

/** Closing: was the customer reached; if so, satisfied and their CSAT; for a save attempt, its outcome. */
function Close({ row }: FieldsProps) {
  const { t, term } = useI18n();
  const contacted = Form.useWatch<boolean | undefined>('contacted', Form.useFormInstance());
  return (
    <>
      <YesNo name="contacted" />
      {contacted && (
        <>
          <YesNo name="satisfied" />
          <Form.Item name="csat" label={t('caseField.csat')} required>
            <Rate count={5} aria-label={t('caseField.csat')} data-testid="field-csat" />
          </Form.Item>
        </>
      )}
      {row.kind === 'retention' && (
        <Form.Item name="outcome" label={t('caseField.outcome')} required>
          <Select
            aria-label={t('caseField.outcome')}
            options={CASE_OUTCOMES.map((o) => ({ value: o, label: term('caseOutcome', o) }))}
          />
        </Form.Item>
      )}
    </>
  );
}

/**
 * The form each step needs, by the stage it moves the case to: one line per step. The stars only say which
 * fields the server will ask for; it checks them (docs/cases.md) and names each missing one.
 */
export const stepForms = {
  diagnosed: Diagnose,
  planned: Plan,
  implementing: Implement,
  following_up: FollowUp,
  closed: Close,
} satisfies Record<StepStage, ComponentType<FieldsProps>>;

export const isStepStage = (s: CaseStage | null): s is StepStage => s !== null && Object.hasOwn(stepForms, s);
