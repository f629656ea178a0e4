import { Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../api/client.ts';
import type { CaseRow } from '../api/types.ts';
import { useAction } from '../api/use-action.ts';
import { invalidate } from '../api/use-api.ts';
import { atLeast, useAuth } from '../auth/auth.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { CaseFieldErrors, useFieldErrors } from './case-field-errors.tsx';
import { CASE_KINDS, CASE_PRIORITIES } from './case-terms.ts';
import { ProblemAlert } from './problem.tsx';

interface Source {
  /** What caused the case: a scoring on the at-risk list, an alert, or a person (the 360). */
  source: CaseRow['source'];
  /** The row that caused it (an alert id, a scoring run). */
  source_ref?: string;
}

interface Values {
  kind: CaseRow['kind'];
  priority: CaseRow['priority'];
  owner?: string;
  subject: string;
  description?: string;
}

/**
 * Open a case on a customer from wherever the need shows (the at-risk list, the alert inbox, the 360): the kind,
 * priority, subject and description in a dialog, the source recorded, then the new case's page. Analysts and
 * admins only (the server refuses others anyway).
 */
export function CreateCaseButton({
  customerId,
  kind = 'complaint',
  source = { source: 'manual' },
  size,
}: {
  customerId: string;
  kind?: CaseRow['kind'];
  source?: Source;
  size?: 'small';
}) {
  const { t, term } = useI18n();
  const { user } = useAuth();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const create = useAction();
  const refused = useFieldErrors(form, create.error);
  if (!atLeast(user, 'analyst')) return null;
  const submit = (v: Values) =>
    create.run(async () => {
      const c = await api.post<CaseRow>('/api/v1/cases', {
        json: {
          customer_id: customerId,
          ...source,
          ...v,
          owner: v.owner?.trim() || undefined,
          description: v.description || undefined,
        },
      });
      invalidate('/api/v1/cases');
      setOpen(false);
      navigate(`/cases/${encodeURIComponent(c.case_id)}`);
    });
  return (
    <>
      <Button size={size} data-testid="create-case" onClick={() => setOpen(true)}>
        {t('cases.create')}
      </Button>
      <Modal
        open={open}
        title={t('cases.createTitle', { customer: customerId })}
        okText={t('cases.createSubmit')}
        cancelText={t('common.cancel')}
        confirmLoading={create.busy}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden={false}
      >
        <Form<Values>
          form={form}
          layout="vertical"
          data-testid="create-case-form"
          // The person who opens a case owns it unless they name someone else: it shows in their inbox at once.
          initialValues={{ kind, priority: 'normal', owner: user?.username }}
          onFinish={submit}
        >
          <Form.Item name="kind" label={t('caseField.kind')} required>
            <Select options={CASE_KINDS.map((k) => ({ value: k, label: term('caseKind', k) }))} />
          </Form.Item>
          <Form.Item name="priority" label={t('caseField.priority')}>
            <Select options={CASE_PRIORITIES.map((p) => ({ value: p, label: term('casePriority', p) }))} />
          </Form.Item>
          <Form.Item name="owner" label={t('caseField.owner')}>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="subject" label={t('caseField.subject')} required>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="description" label={t('caseField.description')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
        {create.error && (refused ? <CaseFieldErrors fields={refused} /> : <ProblemAlert error={create.error} />)}
      </Modal>
    </>
  );
}
