import { Alert, Button, Card, Drawer, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useApi } from '../../api/use-api.ts';
import { atLeast, useAuth } from '../../auth/auth.tsx';
import { Loadable } from '../../components/loadable.tsx';
import { Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { DesignForm } from './design-form.tsx';
import { StatusTag } from './status-tag.tsx';
import type { Campaign, NewCampaign } from './types.ts';

/**
 * The campaigns, designed here or imported, each with its groups' sizes and linked to its result; analysts
 * design a new one (with its power calculation) from here.
 */
export default function CampaignsPage() {
  const { t, fmt } = useI18n();
  const { user } = useAuth();
  const analyst = atLeast(user, 'analyst');
  const state = useApi('/api/v1/campaigns');
  const [designing, setDesigning] = useState(false);
  const [created, setCreated] = useState<NewCampaign | null>(null);
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
            id: created.campaign.id,
            treatment: fmt.number(created.campaign.treatment, 0),
            control: fmt.number(created.campaign.control, 0),
          })}
        />
      )}
      <Card>
        <Loadable state={state}>
          {(d) => (
            <Table<Campaign>
              data-testid="campaigns"
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={d.campaigns}
              locale={{ emptyText: t('campaigns.none') }}
              columns={[
                {
                  title: t('campaigns.col.id'),
                  render: (_, c) => <Link to={`/campaigns/${encodeURIComponent(c.id)}`}>{c.id}</Link>,
                },
                { title: t('campaigns.col.name'), dataIndex: 'name' },
                { title: t('campaigns.col.status'), render: (_, c) => <StatusTag status={c.status} /> },
                { title: t('campaigns.col.started'), render: (_, c) => fmt.date(c.launched_at ?? c.started_at) },
                {
                  title: t('campaigns.col.window'),
                  render: (_, c) => t('campaigns.days', { n: c.outcome_window_days }),
                },
                { title: t('campaigns.col.treatment'), align: 'right', render: (_, c) => fmt.number(c.treatment, 0) },
                { title: t('campaigns.col.control'), align: 'right', render: (_, c) => fmt.number(c.control, 0) },
                {
                  title: t('campaigns.col.holdout'),
                  align: 'right',
                  render: (_, c) => fmt.value('ratio', c.holdout_share ?? c.control / (c.treatment + c.control)),
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
