import { Button, Card, Drawer, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useApi } from '../../api/use-api.ts';
import { atLeast, useAuth } from '../../auth/auth.tsx';
import { Loadable } from '../../components/loadable.tsx';
import { Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { SurveyForm } from './survey-form.tsx';
import type { SurveySummary } from './types.ts';

export const surveyPath = (id: string) => `/surveys/${encodeURIComponent(id)}`;

/** Surveys: everyone reads the list and the results; analysts build, change and send them. */
export default function SurveysPage() {
  const { t, text, fmt } = useI18n();
  const { user } = useAuth();
  const analyst = atLeast(user, 'analyst');
  const navigate = useNavigate();
  const state = useApi('/api/v1/surveys');
  const [building, setBuilding] = useState(false);
  return (
    <Page
      title={t('nav.surveys')}
      extra={
        analyst && (
          <Button type="primary" onClick={() => setBuilding(true)}>
            {t('surveys.new')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('surveys.intro')}</Typography.Paragraph>
      <Card>
        <Loadable state={state}>
          {(d) => (
            <Table<SurveySummary>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={d.surveys}
              locale={{ emptyText: t('surveys.none') }}
              columns={[
                { title: t('surveys.col.id'), render: (_, s) => <Link to={surveyPath(s.id)}>{s.id}</Link> },
                { title: t('surveys.col.title'), render: (_, s) => text(s.title) },
                { title: t('surveys.col.kind'), render: (_, s) => t(`surveys.kind.${s.kind}`) },
                { title: t('surveys.col.version'), dataIndex: 'version' },
                { title: t('surveys.col.questions'), render: (_, s) => s.questions.length },
                { title: t('results.invited'), align: 'right', render: (_, s) => fmt.number(s.invited, 0) },
                { title: t('results.responses'), align: 'right', render: (_, s) => fmt.number(s.answered, 0) },
                { title: t('surveys.col.created'), render: (_, s) => fmt.date(s.created_at) },
              ]}
            />
          )}
        </Loadable>
      </Card>
      <Drawer open={building} width={860} destroyOnHidden title={t('surveys.new')} onClose={() => setBuilding(false)}>
        {building && <SurveyForm survey={null} onSaved={(s) => navigate(surveyPath(s.id))} />}
      </Drawer>
    </Page>
  );
}
