import { Button, Card, Flex, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useAction } from '../../api/use-action.ts';
import { useApi } from '../../api/use-api.ts';
import { atLeast, useAuth } from '../../auth/auth.tsx';
import { Loadable } from '../../components/loadable.tsx';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ExitForm } from './exit-form.tsx';
import type { ExitRow, Taxonomy } from './types.ts';

const STATUSES = ['suggested', 'confirmed', 'all'] as const;

/** A mapping in words: kind · category · competitor · reason, each part that is set. */
function Mapping({ m }: { m: Taxonomy }) {
  const { term } = useI18n();
  return (
    <Flex gap={4} wrap>
      {m.kind && <Tag>{term('taxonomy', m.kind)}</Tag>}
      {m.category && <Tag color="blue">{term('taxonomy', m.category)}</Tag>}
      {m.competitor && <Tag color="purple">{m.competitor}</Tag>}
      {m.reason && <Typography.Text>{m.reason}</Typography.Text>}
    </Flex>
  );
}

/**
 * Exit reasons: what churned customers said (exit survey answers, churn notes) and the taxonomy it suggests;
 * analysts confirm the suggestion or correct it, and confirmed reasons feed the churn reasons Pareto.
 */
export function ExitsTab() {
  const { t, fmt } = useI18n();
  const { user } = useAuth();
  const analyst = atLeast(user, 'analyst');
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('suggested');
  const [page, setPage] = useState(1);
  const state = useApi('/api/v1/voice/exits', { status, page, page_size: 20 });
  const action = useAction();
  const [correcting, setCorrecting] = useState<ExitRow | null>(null);
  const confirm = (e: ExitRow, m: Taxonomy) =>
    action.run(async () => {
      await api.post('/api/v1/voice/exits/confirm', {
        json: {
          customer_id: e.customer_id,
          churned_at: e.churned_at,
          kind: m.kind,
          category: m.category,
          competitor: m.competitor,
          reason: m.reason,
        },
      });
      setCorrecting(null);
      state.reload();
    });
  return (
    <Card>
      <Typography.Paragraph type="secondary">{t('exits.intro')}</Typography.Paragraph>
      <Segmented
        aria-label={t('exits.status')}
        value={status}
        onChange={(v) => {
          setStatus(v as typeof status);
          setPage(1);
        }}
        options={STATUSES.map((s) => ({ value: s, label: t(`exits.status.${s}`) }))}
        style={{ marginBottom: 12 }}
      />
      {action.error && <ProblemAlert error={action.error} />}
      <Loadable state={state}>
        {(d) => (
          <Table<ExitRow>
            size="small"
            rowKey="exit_id"
            data-testid="exits-table"
            dataSource={d.rows}
            locale={{ emptyText: t('exits.none') }}
            pagination={{
              current: d.page,
              pageSize: d.page_size,
              total: d.total,
              onChange: setPage,
              hideOnSinglePage: true,
            }}
            columns={[
              {
                title: t('exits.col.customer'),
                render: (_, e) => <Link to={`/customers/${encodeURIComponent(e.customer_id)}`}>{e.customer_id}</Link>,
              },
              { title: t('exits.col.churned'), render: (_, e) => fmt.date(e.churned_at) },
              {
                title: t('exits.col.said'),
                width: '35%',
                render: (_, e) => (
                  <Flex vertical gap={4}>
                    {e.texts.map((x) => (
                      <Typography.Text key={`${x.source}:${x.text}`} style={{ whiteSpace: 'pre-wrap' }}>
                        {x.text}
                      </Typography.Text>
                    ))}
                  </Flex>
                ),
              },
              {
                title: t('exits.col.suggested'),
                render: (_, e) => (
                  <Flex vertical gap={2}>
                    <Mapping m={e.suggested} />
                    {e.suggested.matched.length > 0 && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('exits.matched', { words: e.suggested.matched.join(', ') })}
                      </Typography.Text>
                    )}
                  </Flex>
                ),
              },
              {
                title: t('exits.col.confirmed'),
                render: (_, e) =>
                  e.confirmed && (
                    <Flex vertical gap={2}>
                      <Mapping m={e.confirmed} />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('exits.by', { by: e.confirmed.by })} · {fmt.date(e.confirmed.at)}
                      </Typography.Text>
                    </Flex>
                  ),
              },
              ...(analyst
                ? [
                    {
                      title: '',
                      render: (_: unknown, e: ExitRow) => (
                        <Flex gap={4} wrap>
                          {!e.confirmed && (
                            <Button
                              size="small"
                              type="primary"
                              loading={action.busy}
                              onClick={() => confirm(e, e.suggested)}
                            >
                              {t('exits.confirm')}
                            </Button>
                          )}
                          <Button size="small" onClick={() => setCorrecting(e)}>
                            {t('exits.correct')}
                          </Button>
                        </Flex>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Loadable>
      {correcting && (
        <ExitForm
          exit={correcting}
          busy={action.busy}
          onCancel={() => setCorrecting(null)}
          onConfirm={(m) => confirm(correcting, m)}
        />
      )}
    </Card>
  );
}
