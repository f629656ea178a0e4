import { Button, Card, Col, Descriptions, Row, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import type { Customer360, TimelineEvent } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { Loadable } from '../../components/loadable.tsx';
import { Page } from '../../components/page.tsx';
import { type I18n, useI18n } from '../../i18n/i18n.tsx';
import { RiskCard } from './risk-card.tsx';
import { StatusTag } from './status-tag.tsx';

const COLORS: Record<TimelineEvent['kind'], string> = {
  subscription: 'blue',
  order: 'green',
  activity: 'gray',
  ticket: 'orange',
  survey: 'purple',
  churn_event: 'red',
};

/** Fields of the canonical model that hold money. */
const MONEY = new Set(['mrr', 'acquisition_cost']);

/** A record's fields as description items; money, dates and numbers formatted, empty values shown as a dash. */
const items = (record: Record<string, unknown>, { fmt }: I18n) =>
  Object.entries(record).map(([k, v]) => ({
    key: k,
    label: k,
    children:
      k === 'status' && typeof v === 'string' ? (
        <StatusTag status={v} />
      ) : typeof v === 'number' ? (
        MONEY.has(k) ? (
          fmt.value('money', v)
        ) : (
          fmt.number(v, 2)
        )
      ) : typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? (
        fmt.date(v, v.length > 10)
      ) : (
        String(v ?? '–')
      ),
  }));

/**
 * Customer 360: the profile, churn risk with its reasons, extra attributes and everything that happened to the
 * customer, newest first.
 */
export default function CustomerPage() {
  const i18n = useI18n();
  const { t, fmt, term } = i18n;
  const { id = '' } = useParams();
  const state = useApi<Customer360>(`/api/v1/customers/${encodeURIComponent(id)}`);
  return (
    <Page
      title={`${t('customers.id')} ${id}`}
      extra={
        <Link to="/customers">
          <Button>{t('common.back')}</Button>
        </Link>
      }
    >
      <Loadable state={state}>
        {(d) => (
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={10}>
              <Card title={t('customers.profile')}>
                <Descriptions column={1} size="small" items={items(d.customer, i18n)} />
              </Card>
              <RiskCard id={id} />
              {Object.keys(d.attributes).length > 0 && (
                <Card title={t('customers.attributes')} style={{ marginTop: 16 }}>
                  <Descriptions column={1} size="small" items={items(d.attributes, i18n)} />
                </Card>
              )}
            </Col>
            <Col xs={24} lg={14}>
              <Card title={t('customers.timeline')}>
                <Timeline
                  items={[...d.timeline]
                    .sort((a, b) => b.at.localeCompare(a.at))
                    .map((e, i) => ({
                      key: `${e.at}:${i}`,
                      color: COLORS[e.kind] ?? 'gray',
                      title: fmt.date(e.at, e.at.length > 10),
                      content: (
                        <>
                          <Typography.Text strong>{term('timeline', e.kind)}</Typography.Text> {e.title}
                          {e.detail && <div style={{ opacity: 0.7 }}>{e.detail}</div>}
                        </>
                      ),
                    }))}
                />
              </Card>
            </Col>
          </Row>
        )}
      </Loadable>
    </Page>
  );
}
