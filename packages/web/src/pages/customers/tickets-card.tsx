import { Card, Empty, Table, Tabs } from 'antd';
import type { TimelineEvent } from '../../api/types.ts';
import { DASH } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { termOf } from './event-sentence.ts';

const fact = (e: TimelineEvent, k: string) => e.facts[k];

/** The customer's support tickets and survey answers, newest first: what a care agent reads before calling. */
export function TicketsCard({ timeline }: { timeline: TimelineEvent[] }) {
  const i18n = useI18n();
  const { t, fmt, field } = i18n;
  const tickets = timeline.filter((e) => e.kind === 'ticket');
  const surveys = timeline.filter((e) => e.kind === 'survey');
  const term = (prefix: string, v: string | number | null | undefined) =>
    v === null || v === undefined ? DASH : termOf(i18n, prefix, String(v));
  return (
    <Card data-testid="customer-cases">
      <Tabs
        defaultActiveKey={tickets.length || !surveys.length ? 'tickets' : 'surveys'}
        items={[
          {
            key: 'tickets',
            label: `${t('customers.tickets')} (${tickets.length})`,
            children: tickets.length ? (
              <Table<TimelineEvent>
                size="small"
                rowKey={(e, i) => `${e.at}:${i}`}
                pagination={{ pageSize: 5, hideOnSinglePage: true }}
                dataSource={tickets}
                columns={[
                  { title: field('opened_at'), render: (_, e) => fmt.date(e.at) },
                  { title: field('category'), render: (_, e) => term('fact', e.subject) },
                  { title: field('priority'), render: (_, e) => term('fact', fact(e, 'priority')) },
                  { title: field('status'), render: (_, e) => term('fact', fact(e, 'status')) },
                  { title: field('csat'), align: 'right', render: (_, e) => fmt.number(fact(e, 'csat') as number, 0) },
                ]}
              />
            ) : (
              <Empty description={t('customers.noTickets')} />
            ),
          },
          {
            key: 'surveys',
            label: `${t('customers.surveys')} (${surveys.length})`,
            children: surveys.length ? (
              <Table<TimelineEvent>
                size="small"
                rowKey={(e, i) => `${e.at}:${i}`}
                pagination={{ pageSize: 5, hideOnSinglePage: true }}
                dataSource={surveys}
                columns={[
                  { title: field('answered_at'), render: (_, e) => fmt.date(e.at) },
                  { title: field('kind'), render: (_, e) => term('surveyKind', e.subject) },
                  { title: field('score'), align: 'right', render: (_, e) => fmt.number(e.amount, 0) },
                  { title: field('comment'), render: (_, e) => fact(e, 'comment') ?? DASH },
                ]}
              />
            ) : (
              <Empty description={t('customers.noSurveys')} />
            ),
          },
        ]}
      />
    </Card>
  );
}
