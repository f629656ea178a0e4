import { Card, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useApi } from '../../api/use-api.ts';
import { Loadable } from '../../components/loadable.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Sentiment } from '../voice/lift-cells.tsx';
import type { VoiceDocument } from '../voice/types.ts';

/**
 * What the customer wrote (survey comments, tickets, case notes, churn notes), newest first, each with the topic
 * and sentiment the analysis gave it: what a care agent reads before calling. Texts are shown as text.
 */
export function TopicsCard({ customerId }: { customerId: string }) {
  const { t, fmt } = useI18n();
  const state = useApi('/api/v1/voice/documents', { customer_id: customerId, page_size: 50 });
  return (
    <Card title={t('customerTopics.title')} data-testid="customer-topics">
      <Loadable state={state}>
        {(d) => (
          <Table<VoiceDocument>
            size="small"
            rowKey={(x) => `${x.source}:${x.doc_id}`}
            pagination={{ pageSize: 5, hideOnSinglePage: true }}
            dataSource={d.rows}
            locale={{ emptyText: t('customerTopics.none') }}
            columns={[
              { title: t('customerTopics.col.at'), render: (_, x) => fmt.date(x.at) },
              { title: t('customerTopics.col.source'), render: (_, x) => t(`voice.source.${x.source}`) },
              {
                title: t('customerTopics.col.topic'),
                render: (_, x) => x.topic_label && <Link to="/voice?tab=topics">{x.topic_label}</Link>,
              },
              {
                title: t('customerTopics.col.sentiment'),
                align: 'right',
                render: (_, x) => <Sentiment value={x.sentiment} />,
              },
              {
                title: t('customerTopics.col.text'),
                width: '50%',
                render: (_, x) => <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{x.text}</Typography.Text>,
              },
            ]}
          />
        )}
      </Loadable>
    </Card>
  );
}
