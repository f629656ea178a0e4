import { Button, Card, Flex, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useAction } from '../../api/use-action.ts';
import { useApi } from '../../api/use-api.ts';
import { atLeast, useAuth } from '../../auth/auth.tsx';
import { Loadable } from '../../components/loadable.tsx';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { liftColumns, Sentiment } from './lift-cells.tsx';
import { TopicDialog, type TopicEdit } from './topic-dialog.tsx';
import { TopicTrend } from './topic-trend.tsx';
import type { TopicRow, VoiceDocument, VoiceLang } from './types.ts';

/** A text as written: plain text in the page (React escapes it), never markup. */
function Examples({ docs }: { docs: VoiceDocument[] }) {
  const { t, fmt } = useI18n();
  if (!docs.length) return <Typography.Text type="secondary">{t('topics.noExamples')}</Typography.Text>;
  return (
    <Flex vertical gap={8} data-testid="topic-examples">
      {docs.map((d) => (
        <div key={`${d.source}:${d.doc_id}`}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {fmt.date(d.at)} · {t(`voice.source.${d.source}`)} ·{' '}
            <Link to={`/customers/${encodeURIComponent(d.customer_id)}`}>{d.customer_id}</Link> ·{' '}
            <Sentiment value={d.sentiment} />
          </Typography.Text>
          <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{d.text}</Typography.Paragraph>
        </div>
      ))}
    </Flex>
  );
}

/**
 * Topics: each with its volume, share, sentiment and churn lift (the difference in churn between customers who
 * wrote about it and those who did not, its interval, and the Benjamini–Hochberg flag), example texts, and the
 * trend by month. Analysts rename, merge, create and delete topics.
 */
export function TopicsTab() {
  const { t, fmt } = useI18n();
  const { user } = useAuth();
  const analyst = atLeast(user, 'analyst');
  const [lang, setLang] = useState<VoiceLang | null>(null);
  const topics = useApi('/api/v1/voice/topics', { lang, examples: 3 });
  const trend = useApi('/api/v1/voice/trend', { lang });
  const drivers = useApi('/api/v1/voice/drivers', { source: 'topic' });
  const lift = new Map(drivers.data?.drivers.map((d) => [d.key, d]));
  const cells = liftColumns(t, fmt);
  const [edit, setEdit] = useState<TopicEdit | null>(null);
  const action = useAction();
  const reload = () => {
    setEdit(null);
    topics.reload();
    trend.reload();
    drivers.reload();
  };
  const remove = (x: TopicRow) =>
    action.run(async () => {
      await api.del(`/api/v1/voice/topics/${encodeURIComponent(x.topic_id)}`);
      reload();
    });
  return (
    <Flex vertical gap={16}>
      <Flex gap={12} wrap align="center">
        <Select
          aria-label={t('voice.lang')}
          style={{ minWidth: 140 }}
          value={lang}
          onChange={setLang}
          options={[
            { value: null, label: t('voice.lang.all') },
            { value: 'zh', label: t('voice.lang.zh') },
            { value: 'en', label: t('voice.lang.en') },
          ]}
        />
        {topics.data && (
          <Typography.Text type="secondary" data-testid="analysed-at">
            {topics.data.analysed_at
              ? t('voice.analysedAt', {
                  at: fmt.date(topics.data.analysed_at, true),
                  documents: fmt.number(topics.data.documents, 0),
                })
              : t('voice.never')}
            {topics.data.sentiment_auc !== null &&
              ` · ${t('voice.auc', { auc: fmt.number(topics.data.sentiment_auc, 2) })}`}
          </Typography.Text>
        )}
        {analyst && (
          <Button style={{ marginLeft: 'auto' }} onClick={() => setEdit({ kind: 'create' })}>
            {t('topics.create')}
          </Button>
        )}
      </Flex>
      {action.error && <ProblemAlert error={action.error} />}
      <Card>
        <Loadable state={topics}>
          {(d) => (
            <Table<TopicRow>
              size="small"
              rowKey="topic_id"
              data-testid="topics-table"
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              dataSource={d.topics}
              locale={{ emptyText: d.analysed_at ? t('topics.none') : t('voice.never') }}
              expandable={{ expandedRowRender: (x) => <Examples docs={x.examples} /> }}
              columns={[
                {
                  title: t('topics.col.topic'),
                  render: (_, x) => (
                    <Flex vertical>
                      <span>
                        <b>{x.label}</b> {x.pinned && <Tag>{t('topics.edited')}</Tag>}
                      </span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {x.terms.slice(0, 8).join(' · ')}
                      </Typography.Text>
                    </Flex>
                  ),
                },
                { title: t('topics.col.lang'), render: (_, x) => t(`voice.lang.${x.lang}`) },
                { title: t('topics.col.documents'), align: 'right', render: (_, x) => fmt.number(x.documents, 0) },
                { title: t('topics.col.share'), align: 'right', render: (_, x) => fmt.percent(x.share) },
                { title: t('topics.col.customers'), align: 'right', render: (_, x) => fmt.number(x.customers, 0) },
                {
                  title: t('topics.col.sentiment'),
                  align: 'right',
                  render: (_, x) => <Sentiment value={x.sentiment} />,
                },
                { title: t('topics.col.lift'), align: 'right', render: (_, x) => cells.lift(lift.get(x.topic_id)) },
                { title: t('topics.col.interval'), render: (_, x) => cells.interval(lift.get(x.topic_id)) },
                { title: t('topics.col.flag'), render: (_, x) => cells.flag(lift.get(x.topic_id)) },
                ...(analyst
                  ? [
                      {
                        title: '',
                        render: (_: unknown, x: TopicRow) => (
                          <Flex gap={4} wrap>
                            <Button size="small" onClick={() => setEdit({ kind: 'rename', topic: x })}>
                              {t('topics.rename')}
                            </Button>
                            <Button size="small" onClick={() => setEdit({ kind: 'merge', topic: x })}>
                              {t('topics.merge')}
                            </Button>
                            <Popconfirm title={t('topics.confirmDelete')} onConfirm={() => remove(x)}>
                              <Button size="small" danger>
                                {t('topics.delete')}
                              </Button>
                            </Popconfirm>
                          </Flex>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          )}
        </Loadable>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('topics.liftNote')}
        </Typography.Paragraph>
      </Card>
      <Card title={t('topics.trend')}>
        <Loadable state={trend} isEmpty={(x) => !x.rows.length}>
          {(x) => <TopicTrend trend={x} />}
        </Loadable>
      </Card>
      {edit && (
        <TopicDialog edit={edit} topics={topics.data?.topics ?? []} onClose={() => setEdit(null)} onDone={reload} />
      )}
    </Flex>
  );
}
