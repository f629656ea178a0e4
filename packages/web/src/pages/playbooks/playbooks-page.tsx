import { caseKindLabels, casePriorityLabels } from '@tenure/core/present';
import { Alert, Button, Card, Checkbox, Drawer, Flex, Popconfirm, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useAction } from '../../api/use-action.ts';
import { useApi } from '../../api/use-api.ts';
import { atLeast, useAuth } from '../../auth/auth.tsx';
import { Loadable } from '../../components/loadable.tsx';
import { Page } from '../../components/page.tsx';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { PlaybookForm } from './playbook-form.tsx';
import { triggerWords } from './trigger-words.ts';
import type { Playbook, PlaybookRun } from './types.ts';

const path = (id: string) => `/api/v1/playbooks/${encodeURIComponent(id)}`;

/**
 * Playbooks: everyone reads them, analysts run one now (its trigger, or the latest at-risk list) and see what
 * it did, admins add, edit, switch and delete them.
 */
export default function PlaybooksPage() {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { user } = useAuth();
  const admin = atLeast(user, 'admin');
  const analyst = atLeast(user, 'analyst');
  const state = useApi('/api/v1/playbooks');
  // The owner column names a team by its label in the page's language, as the inbox's team filter does.
  const teams = useApi('/api/v1/teams');
  const teamLabel = (team: string) => teams.data?.teams.find((x) => x.team === team)?.label[lang] ?? team;
  const action = useAction();
  const [editing, setEditing] = useState<Playbook | 'new' | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const [result, setResult] = useState<PlaybookRun | null>(null);
  const change = async (fn: () => Promise<unknown>) => (await action.run(fn)) && state.reload();
  const run = (p: Playbook, atRisk: boolean) =>
    action.run(async () => {
      setResult(await api.post<PlaybookRun>(`${path(p.id)}/runs`, { json: { at_risk: atRisk, dry_run: dryRun } }));
      state.reload();
    });
  return (
    <Page
      title={t('nav.playbooks')}
      extra={
        <>
          {analyst && (
            <Checkbox checked={dryRun} onChange={(e) => setDryRun(e.target.checked)}>
              {t('playbooks.dryRun')}
            </Checkbox>
          )}
          {admin && (
            <Button type="primary" onClick={() => setEditing('new')}>
              {t('playbooks.new')}
            </Button>
          )}
        </>
      }
    >
      <Typography.Paragraph type="secondary">{t('playbooks.intro')}</Typography.Paragraph>
      {action.error && <ProblemAlert error={action.error} />}
      {result && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setResult(null)}
          data-testid="run-result"
          message={t(result.dry_run ? 'playbooks.resultDry' : 'playbooks.result', {
            matched: result.matched,
            created: result.created,
            open: result.skipped.open_case,
            malicious: result.skipped.malicious,
            credit: result.skipped.credit_risk,
          })}
        />
      )}
      <Card>
        <Loadable state={state}>
          {(d) => (
            <Table<Playbook>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={d.playbooks}
              locale={{ emptyText: t('playbooks.none') }}
              columns={[
                { title: t('playbooks.col.id'), dataIndex: 'id' },
                { title: t('playbooks.col.name'), render: (_, p) => p.name[lang] },
                { title: t('playbooks.col.trigger'), render: (_, p) => triggerWords(i18n, p.trigger) },
                {
                  title: t('playbooks.col.case'),
                  render: (_, p) =>
                    `${caseKindLabels[p.template.kind][lang]} · ${casePriorityLabels[p.template.priority][lang]} · ${p.template.subject[lang]}`,
                },
                {
                  title: t('playbooks.col.owner'),
                  render: (_, p) =>
                    [p.owner_rule.owner, p.owner_rule.team && teamLabel(p.owner_rule.team)].filter(Boolean).join(' / '),
                },
                {
                  title: t('playbooks.col.enabled'),
                  render: (_, p) => (
                    <Switch
                      size="small"
                      checked={p.enabled}
                      disabled={!admin}
                      aria-label={`${t('playbooks.col.enabled')} ${p.id}`}
                      onChange={(enabled) =>
                        change(() => api.put(`${path(p.id)}/enabled`, { enabled, version: p.version }))
                      }
                    />
                  ),
                },
                { title: t('playbooks.col.version'), dataIndex: 'version' },
                {
                  title: '',
                  render: (_, p) => (
                    <Flex gap={4} wrap>
                      {analyst && (
                        <Button size="small" onClick={() => run(p, false)} loading={action.busy}>
                          {t('playbooks.run')}
                        </Button>
                      )}
                      {analyst && (
                        <Button size="small" onClick={() => run(p, true)} loading={action.busy}>
                          {t('playbooks.runAtRisk')}
                        </Button>
                      )}
                      {admin && (
                        <Button size="small" onClick={() => setEditing(p)}>
                          {t('playbooks.edit')}
                        </Button>
                      )}
                      {admin && (
                        <Popconfirm
                          title={t('playbooks.confirmDelete')}
                          onConfirm={() => change(() => api.del(`${path(p.id)}?version=${p.version}`))}
                        >
                          <Button size="small" danger>
                            {t('common.delete')}
                          </Button>
                        </Popconfirm>
                      )}
                    </Flex>
                  ),
                },
              ]}
            />
          )}
        </Loadable>
      </Card>
      <Drawer
        open={editing !== null}
        width={760}
        destroyOnHidden
        title={editing === 'new' ? t('playbooks.new') : editing ? `${t('playbooks.edit')} ${editing.id}` : ''}
        onClose={() => setEditing(null)}
      >
        {editing !== null && (
          <PlaybookForm
            playbook={editing === 'new' ? null : editing}
            onCancel={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              state.reload();
            }}
          />
        )}
      </Drawer>
    </Page>
  );
}
