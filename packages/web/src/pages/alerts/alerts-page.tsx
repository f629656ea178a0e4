import { Button, Card, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.ts';
import type { AlertItem } from '../../api/types.ts';
import { useAction } from '../../api/use-action.ts';
import { useApi } from '../../api/use-api.ts';
import { atLeast, useAuth } from '../../auth/auth.tsx';
import { CreateCaseButton } from '../../components/create-case-button.tsx';
import { Loadable } from '../../components/loadable.tsx';
import { Page } from '../../components/page.tsx';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { AlertSettings } from './alert-settings.tsx';

type Show = 'open' | 'all';

/** The early-warning rules, as docs/api.md lists them (the workspace config switches them on and off). */
const RULES = [
  'critical_risk',
  'tier_rise',
  'usage_drop',
  'complaint_past_sla',
  'nps_detractor',
  'failed_payment',
  'summary',
] as const;

/** The rules an alert names: one alert per customer and scoring carries every rule that fired. */
const rulesOf = (a: AlertItem): string[] => {
  const rules = a.detail.rules;
  return Array.isArray(rules) ? rules.map(String) : [a.rule];
};

/**
 * The early-warning inbox: alerts raised by scoring, newest first (open ones or all, of one rule or every one),
 * with their webhook deliveries. Analysts acknowledge them one by one or all selected at once (a rule then speaks
 * again for that customer); admins set the rules, tiers and webhooks below.
 */
export default function AlertsPage() {
  const { t, fmt, term, freeTerm, lang } = useI18n();
  const { user } = useAuth();
  const canAck = atLeast(user, 'analyst');
  const admin = atLeast(user, 'admin');
  const [show, setShow] = useState<Show>('open');
  const [rule, setRule] = useState<string>();
  const [selected, setSelected] = useState<number[]>([]);
  const [paging, setPaging] = useState({ page: 1, page_size: 50 });
  const state = useApi('/api/v1/alerts', {
    open: show === 'open' || null,
    rule,
    lang,
    ...paging,
  });
  const ack = useAction();
  const acknowledge = (ids: number[]) =>
    ack.run(async () => {
      await api.post('/api/v1/alerts/acknowledge', { json: { ids } });
      setSelected([]);
      state.reload();
    });
  return (
    <Page
      title={t('nav.alerts')}
      extra={
        <>
          <Segmented<Show>
            value={show}
            onChange={(v) => {
              setShow(v);
              setPaging((p) => ({ ...p, page: 1 }));
            }}
            options={[
              { value: 'open', label: t('alerts.open') },
              { value: 'all', label: t('alerts.all') },
            ]}
          />
          <Select<string>
            allowClear
            aria-label={t('alerts.rule')}
            placeholder={t('alerts.rule')}
            style={{ minWidth: 180 }}
            value={rule}
            onChange={(v) => {
              setRule(v);
              setPaging((p) => ({ ...p, page: 1 }));
            }}
            options={RULES.map((r) => ({ value: r, label: term('rule', r) }))}
          />
          {canAck && (
            <Button
              data-testid="acknowledge-selected"
              disabled={!selected.length}
              loading={ack.busy}
              onClick={() => acknowledge(selected)}
            >
              {t('alerts.acknowledgeSelected', { n: selected.length })}
            </Button>
          )}
        </>
      }
    >
      {ack.error && <ProblemAlert error={ack.error} />}
      <Loadable state={state} isEmpty={(d) => !d.total}>
        {(d) => (
          <Card>
            <Table<AlertItem>
              data-testid="alerts"
              size="small"
              rowKey="alert_id"
              dataSource={d.rows}
              pagination={{
                current: d.page,
                pageSize: d.page_size,
                total: d.total,
                showTotal: (n) => t('common.total', { n: fmt.number(n, 0) }),
                onChange: (page, pageSize) => setPaging({ page, page_size: pageSize }),
              }}
              rowSelection={
                canAck
                  ? {
                      selectedRowKeys: selected,
                      onChange: (keys) => setSelected(keys as number[]),
                      getCheckboxProps: (a) => ({ disabled: !!a.acknowledged_at }),
                    }
                  : undefined
              }
              columns={[
                { title: t('alerts.created'), render: (_, a) => fmt.date(a.created_at, true) },
                {
                  title: t('alerts.customer'),
                  render: (_, a) =>
                    a.rule === 'summary' ? (
                      <Link to="/at-risk">{t('alerts.summaryLink')}</Link>
                    ) : (
                      <Link to={`/customers/${encodeURIComponent(a.customer_id)}`}>{a.customer_id}</Link>
                    ),
                },
                {
                  title: t('alerts.rule'),
                  render: (_, a) =>
                    rulesOf(a)
                      .map((r) => freeTerm('rule', r))
                      .join(' · '),
                },
                {
                  title: t('alerts.severity'),
                  render: (_, a) => (
                    <Tag color={a.severity === 'high' ? 'red' : 'gold'}>{freeTerm('severity', a.severity)}</Tag>
                  ),
                },
                { title: t('alerts.message'), dataIndex: 'message' },
                {
                  title: t('alerts.webhooks'),
                  render: (_, a) =>
                    a.deliveries.delivered + a.deliveries.pending + a.deliveries.failed > 0 && (
                      <Typography.Text type="secondary">{t('alerts.deliveries', a.deliveries)}</Typography.Text>
                    ),
                },
                {
                  title: '',
                  align: 'right',
                  render: (_, a) => (
                    <Space>
                      {a.rule !== 'summary' && (
                        <CreateCaseButton
                          size="small"
                          customerId={a.customer_id}
                          kind="retention"
                          source={{ source: 'alert', source_ref: String(a.alert_id) }}
                        />
                      )}
                      {a.acknowledged_at ? (
                        <Typography.Text type="secondary">
                          {t('alerts.acknowledged', { at: fmt.date(a.acknowledged_at, true) })}
                        </Typography.Text>
                      ) : (
                        canAck && (
                          <Button size="small" data-testid="acknowledge" onClick={() => acknowledge([a.alert_id])}>
                            {t('alerts.acknowledge')}
                          </Button>
                        )
                      )}
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        )}
      </Loadable>
      {admin && <AlertSettings />}
    </Page>
  );
}
