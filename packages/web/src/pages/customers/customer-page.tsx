import { Button, Card, Col, Empty, Flex, Row, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import type { Customer360, TimelineEvent } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { CreateCaseButton } from '../../components/create-case-button.tsx';
import { Loadable } from '../../components/loadable.tsx';
import { Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { CustomerCases } from './customer-cases.tsx';
import { factsLine, sentence } from './event-sentence.ts';
import { ProfileCard } from './profile-card.tsx';
import { ProfitCard } from './profit-card.tsx';
import { RiskCard } from './risk-card.tsx';
import { StatusTag } from './status-tag.tsx';
import { TicketsCard } from './tickets-card.tsx';
import { TopicsCard } from './topics-card.tsx';
import { UsageCharts } from './usage-charts.tsx';

const COLORS: Record<TimelineEvent['kind'], string> = {
  subscription: 'blue',
  order: 'green',
  activity: 'gray',
  ticket: 'orange',
  survey: 'purple',
  churn_event: 'red',
};

/** Everything that happened, newest first, each event a sentence with its other facts below. */
function TimelineCard({ events }: { events: TimelineEvent[] }) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  return (
    <Card
      title={t('customers.timeline')}
      data-testid="customer-timeline"
      styles={{ body: { maxHeight: 640, overflowY: 'auto', paddingTop: 24 } }}
    >
      {events.length === 0 ? (
        <Empty description={t('customers.noEvents')} />
      ) : (
        <Timeline
          items={events.map((e, i) => {
            const facts = factsLine(e, i18n);
            return {
              key: `${e.at}:${i}`,
              color: COLORS[e.kind] ?? 'gray',
              // The date above the sentence rather than beside it: a side column would take half of the card.
              content: (
                <>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {fmt.date(e.at, e.at.length > 10 && !e.at.endsWith('00:00:00'))}
                  </Typography.Text>
                  <div>{sentence(e, i18n)}</div>
                  {facts && <div style={{ opacity: 0.7 }}>{facts}</div>}
                </>
              ),
            };
          })}
        />
      )}
    </Card>
  );
}

/**
 * Customer 360, the page a care agent opens first: who they are and their status, risk and value, MRR and
 * usage over time, their profit contribution, the cases worked on them, tickets and surveys, and everything that happened to them in plain sentences.
 */
export default function CustomerPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const state = useApi<Customer360>(`/api/v1/customers/${encodeURIComponent(id)}`);
  const name = state.data?.customer.name;
  return (
    <Page
      title={
        <Flex gap={12} align="center" wrap>
          <span>{typeof name === 'string' && name ? name : `${t('customers.id')} ${id}`}</span>
          {state.data && <StatusTag status={String(state.data.customer.status)} />}
          <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 'normal' }}>
            {id}
          </Typography.Text>
        </Flex>
      }
      extra={
        <>
          <CreateCaseButton customerId={id} />
          <Link to="/customers">
            <Button>{t('common.back')}</Button>
          </Link>
        </>
      }
    >
      <Loadable state={state}>
        {(d) => (
          <Flex vertical gap={16}>
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={9}>
                <ProfileCard data={d} />
              </Col>
              <Col xs={24} xl={15}>
                <RiskCard id={id} />
              </Col>
            </Row>
            <CustomerCases customerId={id} />
            <UsageCharts series={d.series} />
            <ProfitCard id={id} />
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={12}>
                <TicketsCard timeline={d.timeline} />
              </Col>
              <Col xs={24} xl={12}>
                <TimelineCard events={d.timeline} />
              </Col>
            </Row>
            <TopicsCard customerId={id} />
          </Flex>
        )}
      </Loadable>
    </Page>
  );
}
