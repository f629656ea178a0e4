import { Card, Select, Tabs } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { invalidate, useApi } from '../../api/use-api.ts';
import { atLeast, useAuth } from '../../auth/auth.tsx';
import { Loadable } from '../../components/loadable.tsx';
import { Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { InvitationsTab } from './invitations-tab.tsx';
import { ResultsView } from './results-view.tsx';
import { SendPanel } from './send-panel.tsx';
import { SurveyForm } from './survey-form.tsx';
import type { Results, Survey } from './types.ts';

/**
 * One survey: its results (every version, or one), who was invited and what came of it, sending it (analysts),
 * and its questions, which analysts
 * change in the builder (each save a new version).
 */
export default function SurveyPage() {
  const { t, text } = useI18n();
  const { user } = useAuth();
  const analyst = atLeast(user, 'analyst');
  const { survey_id: id = '' } = useParams();
  const path = `/api/v1/surveys/${encodeURIComponent(id)}`;
  const [version, setVersion] = useState<number | null>(null);
  const survey = useApi<Survey>(path);
  const results = useApi<Results>(`${path}/results`, { version });
  const reload = () => {
    invalidate(path);
    invalidate('/api/v1/surveys');
  };
  return (
    <Page
      title={survey.data ? `${text(survey.data.title)} · ${t(`surveys.kind.${survey.data.kind}`)}` : id}
      extra={
        survey.data && (
          <Select
            aria-label={t('results.version')}
            style={{ minWidth: 160 }}
            value={version}
            onChange={setVersion}
            options={[
              { value: null, label: t('results.allVersions') },
              ...survey.data.versions.map((v) => ({ value: v, label: `${t('results.version')} ${v}` })),
            ]}
          />
        )
      }
    >
      <Loadable state={survey}>
        {(s) => (
          <Tabs
            destroyOnHidden
            items={[
              {
                key: 'results',
                label: t('surveys.tab.results'),
                children: <Loadable state={results}>{(r) => <ResultsView results={r} survey={s} />}</Loadable>,
              },
              { key: 'invitations', label: t('surveys.tab.invitations'), children: <InvitationsTab surveyId={s.id} /> },
              ...(analyst
                ? [
                    { key: 'send', label: t('surveys.tab.send'), children: <SendPanel survey={s} /> },
                    {
                      key: 'build',
                      label: t('surveys.tab.build'),
                      children: (
                        <Card>
                          <SurveyForm key={s.version} survey={s} onSaved={reload} />
                        </Card>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Loadable>
    </Page>
  );
}
