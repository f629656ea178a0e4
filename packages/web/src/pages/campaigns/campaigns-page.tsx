import { Alert, Button, Card, Drawer, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useApi } from '../../api/use-api.ts';
import { atLeast, useAuth } from '../../auth/auth.tsx';
import { Loadable } from '../../components/loadable.tsx';
import { Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { DesignForm } from './design-form.tsx';
import { StatusTag } from './status-tag.tsx';
import type { CampaignRow } from './types.ts';

/**
 * The campaigns: designed here or imported, each with its groups' sizes and, once measured, its churn reduction;
 * analysts design a new one (with its power calculation) from here.
 */
export default function CampaignsPage() {
  const { t, fmt } = useI18n();
  const { user } = useAuth();
  const analyst = atLeast(user, 'analyst');
  const state = useApi<{ campaigns: CampaignRow[] }>('/api/v1/campaigns');
  const [designing, setDesigning] = useState(false);
  const [created, setCreated] = useState<CampaignRow | null>(null);
  return (
    <Page
      title={t('nav.campaigns')}
      extra={
        analyst && (
          <Button type="primary" onClick={() => setDesigning(true)}>
            {t('campaigns.new')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('campaigns.intro')}</Typography.Paragraph>
      {created && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setCreated(null)}
          data-testid="campaign-created"
          title={t('design.created', {
            id: created.campaign_id,
            treatment: fmt.number(created.treatment, 0),
            control: fmt.number(created.control, 0),
          })}
        />
      )}
      <Card>
        <Loadable state={state}>
          {(d) => (
            <Table<CampaignRow>
              data-testid="campaigns"
              size="small"
              rowKey="campaign_id"
              pagination={false}
              dataSource={d.campaigns}
              locale={{ emptyText: t('campaigns.none') }}
              columns={[
                {
                  title: t('campaigns.col.id'),
                  render: (_, c) => <Link to={`/campaigns/${encodeURIComponent(c.campaign_id)}`}>{c.campaign_id}</Link>,
                },
                { title: t('campaigns.col.name'), dataIndex: 'name' },
                { title: t('campaigns.col.status'), render: (_, c) => <StatusTag status={c.status} /> },
                { title: t('campaigns.col.started'), render: (_, c) => fmt.date(c.started_at) },
                {
                  title: t('campaigns.col.window'),
                  render: (_, c) =>
                    c.outcome_window_days === null ? '' : t('campaigns.days', { n: c.outcome_window_days }),
                },
                { title: t('campaigns.col.treatment'), align: 'right', render: (_, c) => fmt.number(c.treatment, 0) },
                { title: t('campaigns.col.control'), align: 'right', render: (_, c) => fmt.number(c.control, 0) },
                {
                  title: t('campaigns.col.reduction'),
                  align: 'right',
                  render: (_, c) => (c.reduction ? <Tag>{fmt.change('ratio', c.reduction.estimate)}</Tag> : ''),
                },
              ]}
            />
          )}
        </Loadable>
      </Card>
      <Drawer
        open={designing}
        width={760}
        destroyOnHidden
        title={t('campaigns.new')}
        onClose={() => setDesigning(false)}
      >
        {designing && (
          <DesignForm
            onCancel={() => setDesigning(false)}
            onCreated={(c) => {
              setDesigning(false);
              setCreated(c);
              state.reload();
            }}
          />
        )}
      </Drawer>
    </Page>
  );
}
