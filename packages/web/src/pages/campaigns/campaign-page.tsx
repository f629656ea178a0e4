import { Alert, Button, Flex, Segmented } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, url } from '../../api/client.ts';
import { useAction } from '../../api/use-action.ts';
import { useApi } from '../../api/use-api.ts';
import { atLeast, useAuth } from '../../auth/auth.tsx';
import { Loadable } from '../../components/loadable.tsx';
import { Page } from '../../components/page.tsx';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { MeasurementView } from './measurement-view.tsx';
import { StatusTag } from './status-tag.tsx';
import type { Campaign, Measurement, MeasureView } from './types.ts';

const VIEWS: MeasureView[] = ['itt', 'per_protocol'];

/**
 * A campaign and its result, measured on request: everyone assigned (intention to treat) or only those the
 * treatment reached (per protocol, when deliveries are recorded). A draft is launched from here, which starts its
 * outcome window; a launched campaign is finished from here.
 */
export default function CampaignPage() {
  const { t, term } = useI18n();
  const { user } = useAuth();
  const id = useParams().campaign_id ?? '';
  const path = `/api/v1/campaigns/${encodeURIComponent(id)}`;
  const [view, setView] = useState<MeasureView>('itt');
  const campaign = useApi<Campaign>(path);
  const c = campaign.data;
  const draft = c?.status === 'draft';
  const measure = useApi<Measurement>(c && !draft ? `${path}/measure` : null, { view });
  const change = useAction();
  const move = async (to: 'launch' | 'finish') => {
    if (await change.run(() => api.post(`${path}/${to}`))) {
      campaign.reload();
      measure.reload();
    }
  };
  const analyst = atLeast(user, 'analyst');
  return (
    <Page
      title={
        <Flex gap={8} align="center" wrap>
          <span data-testid="campaign-title">{c ? `${c.id} · ${c.name}` : id}</span>
          {c && <StatusTag status={c.status} />}
        </Flex>
      }
      extra={
        <>
          <Link to="/campaigns">{t('campaign.back')}</Link>
          {c && !draft && (
            <Segmented<MeasureView>
              aria-label={t('campaign.view')}
              value={view}
              onChange={setView}
              options={VIEWS.map((v) => ({
                value: v,
                disabled: v === 'per_protocol' && c.delivered === 0,
                label: (
                  <span title={v === 'per_protocol' && c.delivered === 0 ? t('campaign.noDelivery') : undefined}>
                    {term('campaign.view', v)}
                  </span>
                ),
              }))}
            />
          )}
          {c && (
            // The assignment for the team that contacts the customers: a file, so a plain link the browser saves.
            <Button href={url(`${path}/export`, { format: 'csv' })} download data-testid="campaign-export">
              {t('campaign.download')}
            </Button>
          )}
          {analyst && draft && (
            <Button type="primary" loading={change.busy} onClick={() => move('launch')} data-testid="campaign-launch">
              {t('campaign.launch')}
            </Button>
          )}
          {analyst && c?.status === 'launched' && (
            <Button loading={change.busy} onClick={() => move('finish')} data-testid="campaign-finish">
              {t('campaign.finish')}
            </Button>
          )}
        </>
      }
    >
      {change.error && <ProblemAlert error={change.error} />}
      <Loadable state={campaign}>
        {(c) =>
          c.status === 'draft' ? (
            <Alert type="info" showIcon data-testid="campaign-draft" title={t('campaign.draft')} />
          ) : (
            <Loadable state={measure}>{(m) => <MeasurementView campaign={c} m={m} />}</Loadable>
          )
        }
      </Loadable>
    </Page>
  );
}
