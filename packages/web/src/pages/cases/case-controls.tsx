import { Button, Card, Flex, Form, type FormInstance, Input, Popconfirm, Select, Space } from 'antd';
import type { CaseRow } from '../../api/types.ts';
import { isOpen } from '../../components/case-terms.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { CaseWrite } from './use-case-write.ts';

/** Where a closed case may be reopened: at the start, or with its diagnosis kept. */
const REOPEN_AT = ['received', 'diagnosed'] as const;

interface WorkValues {
  owner?: string;
  team?: string;
  comment?: string;
  reopen_at?: (typeof REOPEN_AT)[number];
}

/**
 * Assign, comment, reopen (a closed case) and cancel (an open one). The form instance is the page's, so a
 * comment typed before a refusal is still there after the case is reloaded.
 */
export function CaseControls({
  row,
  form,
  busy,
  write,
}: {
  row: CaseRow;
  form: FormInstance<WorkValues>;
  busy: boolean;
  write: (what: CaseWrite, body: Record<string, unknown>) => Promise<boolean>;
}) {
  const { t, term } = useI18n();
  const value = (k: keyof WorkValues) => (form.getFieldValue(k) as string | undefined)?.trim() || undefined;
  const done = (keys: (keyof WorkValues)[]) => (ok: boolean) => ok && form.resetFields(keys);
  return (
    <Card title={t('case.work')} data-testid="case-controls">
      <Form form={form} layout="vertical" initialValues={{ owner: row.owner, team: row.team, reopen_at: 'received' }}>
        <Space.Compact block style={{ marginBottom: 16 }}>
          <Form.Item name="owner" noStyle>
            <Input aria-label={t('caseField.owner')} placeholder={t('caseField.owner')} />
          </Form.Item>
          <Form.Item name="team" noStyle>
            <Input aria-label={t('caseField.team')} placeholder={t('caseField.team')} />
          </Form.Item>
          <Button
            data-testid="assign"
            loading={busy}
            onClick={() => write('assign', { owner: value('owner') ?? null, team: value('team') ?? null })}
          >
            {t('case.assign')}
          </Button>
        </Space.Compact>
        <Form.Item name="comment" label={t('case.commentText')}>
          <Input.TextArea rows={2} aria-label={t('case.commentText')} data-testid="comment-text" />
        </Form.Item>
        <Flex gap={8} wrap>
          <Button
            data-testid="comment"
            loading={busy}
            onClick={() => write('comments', { note: value('comment') ?? '' }).then(done(['comment']))}
          >
            {t('case.comment')}
          </Button>
          {row.stage === 'closed' && (
            <Space.Compact>
              <Form.Item name="reopen_at" noStyle>
                <Select
                  aria-label={t('case.reopenAt')}
                  style={{ width: 160 }}
                  options={REOPEN_AT.map((s) => ({ value: s, label: term('caseStage', s) }))}
                />
              </Form.Item>
              <Button
                data-testid="reopen"
                loading={busy}
                onClick={() => write('reopen', { to: form.getFieldValue('reopen_at') })}
              >
                {t('case.reopen')}
              </Button>
            </Space.Compact>
          )}
          {isOpen(row.stage) && (
            <Popconfirm
              title={t('case.cancelConfirm')}
              okText={t('common.yes')}
              cancelText={t('common.no')}
              onConfirm={() => write('cancel', { note: value('comment') }).then(done(['comment']))}
            >
              <Button danger data-testid="cancel-case" loading={busy}>
                {t('case.cancel')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      </Form>
    </Card>
  );
}
