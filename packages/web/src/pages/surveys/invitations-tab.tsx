import { Card, Flex, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useApi } from '../../api/use-api.ts';
import { Loadable } from '../../components/loadable.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Invitation, Invitations } from './types.ts';

const STATUSES = ['open', 'answered', 'expired'] as const;
const COLOR: Record<Invitation['status'], string> = { open: 'blue', answered: 'green', expired: 'default' };

/**
 * Who was invited and what came of it: each link's respondent, what sent it (a person or a trigger and its case,
 * churn or period), when it expires and whether it was answered, newest first. Never a link itself: the workspace
 * keeps only digests, so a lost link is replaced by sending again.
 */
export function InvitationsTab({ surveyId }: { surveyId: string }) {
  const { t, fmt } = useI18n();
  const [status, setStatus] = useState<Invitation['status'] | null>(null);
  const [paging, setPaging] = useState({ page: 1, page_size: 20 });
  const state = useApi<Invitations>(`/api/v1/surveys/${encodeURIComponent(surveyId)}/invitations`, {
    status,
    ...paging,
  });
  return (
    <Card>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('invitations.status')}
          style={{ minWidth: 160 }}
          value={status}
          onChange={(s) => {
            setStatus(s);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          options={[
            { value: null, label: t('invitations.status.all') },
            ...STATUSES.map((s) => ({ value: s, label: t(`invitations.status.${s}`) })),
          ]}
        />
        <Typography.Text type="secondary">{t('invitations.intro')}</Typography.Text>
      </Flex>
      <Loadable state={state}>
        {(d) => (
          <Table<Invitation>
            size="small"
            data-testid="invitations"
            rowKey="invitation_id"
            dataSource={d.rows}
            locale={{ emptyText: t('invitations.none') }}
            pagination={{
              current: d.page,
              pageSize: d.page_size,
              total: d.total,
              showTotal: (n) => t('common.total', { n: fmt.number(n, 0) }),
              onChange: (page, pageSize) => setPaging({ page, page_size: pageSize }),
            }}
            columns={[
              {
                title: t('invitations.col.respondent'),
                render: (_, i) =>
                  i.respondent_type === 'customer' ? (
                    <Link to={`/customers/${encodeURIComponent(i.respondent_id)}`}>{i.respondent_id}</Link>
                  ) : (
                    i.respondent_id
                  ),
              },
              {
                title: t('invitations.col.source'),
                render: (_, i) => `${t(`invitations.source.${i.source}`)}${i.source_ref ? ` · ${i.source_ref}` : ''}`,
              },
              { title: t('invitations.col.lang'), render: (_, i) => (i.lang === 'zh-CN' ? '中文' : 'English') },
              { title: t('invitations.col.created'), render: (_, i) => fmt.date(i.created_at) },
              { title: t('invitations.col.expires'), render: (_, i) => fmt.date(i.expires_at) },
              {
                title: t('invitations.col.status'),
                render: (_, i) => (
                  <Tag color={COLOR[i.status]}>
                    {t(`invitations.status.${i.status}`)}
                    {i.answered_at ? ` · ${fmt.date(i.answered_at)}` : ''}
                  </Tag>
                ),
              },
            ]}
          />
        )}
      </Loadable>
    </Card>
  );
}
