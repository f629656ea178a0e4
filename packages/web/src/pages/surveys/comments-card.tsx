import { Card, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n.tsx';
import { Sentiment } from '../voice/lift-cells.tsx';
import type { Results, Survey } from './types.ts';

type Comment = Results['comments']['items'][number];

/**
 * What respondents wrote, newest first, beside the score they gave and, once the text analysis has run, the topic
 * and sentiment of their comment: the qualitative half of the results (定量与定性并重). Texts are shown as text;
 * no respondent is named.
 */
export function CommentsCard({ results, survey }: { results: Results; survey: Survey }) {
  const { t, text, fmt } = useI18n();
  const { total, items } = results.comments;
  const question = (id: string) => survey.questions.find((q) => q.id === id);
  return (
    <Card
      title={t('results.comments')}
      extra={
        <Typography.Text type="secondary">
          {t(total > items.length ? 'results.commentsNewest' : 'results.commentsAll', {
            shown: fmt.number(items.length, 0),
            total: fmt.number(total, 0),
          })}
        </Typography.Text>
      }
      data-testid="survey-comments"
    >
      <Table<Comment>
        size="small"
        rowKey={(c) => `${c.response_id}:${c.question_id}`}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={items}
        locale={{ emptyText: t('results.commentsNone') }}
        columns={[
          { title: t('results.col.at'), render: (_, c) => fmt.date(c.answered_at) },
          { title: t('results.col.score'), align: 'right', render: (_, c) => fmt.number(c.score, 0) },
          {
            title: t('results.col.question'),
            render: (_, c) => {
              const q = question(c.question_id);
              return q ? text(q.text) : c.question_id;
            },
          },
          {
            title: t('results.col.comment'),
            width: '45%',
            render: (_, c) => <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{c.text}</Typography.Text>,
          },
          {
            title: t('results.col.topic'),
            render: (_, c) => c.topic && <Link to="/voice?tab=topics">{c.topic}</Link>,
          },
          { title: t('results.col.sentiment'), align: 'right', render: (_, c) => <Sentiment value={c.sentiment} /> },
        ]}
      />
      {items.length > 0 && items.every((c) => c.topic === null) && (
        <Typography.Text type="secondary">{t('results.notAnalysed')}</Typography.Text>
      )}
    </Card>
  );
}
