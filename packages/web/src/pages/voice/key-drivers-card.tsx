import { Alert, Card, Empty, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useApi } from '../../api/use-api.ts';
import { Chart } from '../../charts/chart.tsx';
import { Loadable } from '../../components/loadable.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { KeyDrivers } from './types.ts';

type Row = KeyDrivers['drivers'][number];

/**
 * Key drivers of a survey's score: how much of its variance each question explains, as relative weights
 * (Johnson) with the Shapley decomposition of R² beside them, or the plain reason there is nothing to show.
 * Only surveys with answers are offered (the newest first is shown), so the card never opens on one that has
 * none; without any, it says where surveys are sent.
 */
export function KeyDriversCard() {
  const { t, text } = useI18n();
  const surveys = useApi('/api/v1/surveys');
  const answered = (surveys.data?.surveys ?? []).filter((s) => s.answered > 0);
  const [chosen, setChosen] = useState<string | null>(null);
  const surveyId = chosen ?? answered[0]?.id ?? null;
  return (
    <Card
      title={t('keyDrivers.title')}
      data-testid="key-drivers"
      extra={
        answered.length > 0 && (
          <Select
            aria-label={t('keyDrivers.survey')}
            value={surveyId}
            onChange={setChosen}
            style={{ minWidth: 200 }}
            options={answered.map((s) => ({ value: s.id, label: text(s.title) }))}
          />
        )
      }
    >
      <Loadable state={surveys}>
        {() =>
          surveyId === null ? (
            <Empty description={<Link to="/surveys">{t('keyDrivers.noSurvey')}</Link>} />
          ) : (
            <SurveyDrivers surveyId={surveyId} />
          )
        }
      </Loadable>
    </Card>
  );
}

function SurveyDrivers({ surveyId }: { surveyId: string }) {
  const { t, fmt, text, freeTerm } = useI18n();
  const state = useApi('/api/v1/voice/key-drivers', { survey_id: surveyId });
  return (
    <Loadable state={state}>
      {(d) =>
        d.note ? (
          <Alert type="info" showIcon message={text(d.note)} data-testid="key-drivers-note" />
        ) : (
          <>
            <Typography.Paragraph type="secondary">
              {t('keyDrivers.intro', {
                outcome: text(d.outcome_label),
                respondents: fmt.number(d.respondents, 0),
                r2: fmt.number(d.r_squared, 2),
              })}
            </Typography.Paragraph>
            <Chart
              testId="key-drivers-chart"
              height={Math.max(160, 32 * d.drivers.length + 60)}
              option={{
                grid: { left: 200, right: 48, top: 16, bottom: 32 },
                tooltip: { trigger: 'axis' },
                xAxis: { type: 'value', axisLabel: { formatter: (v: number) => fmt.percent(v, 0) } },
                yAxis: { type: 'category', data: [...d.drivers].reverse().map((r) => text(r.label)) },
                series: [
                  {
                    type: 'bar',
                    name: t('keyDrivers.col.share'),
                    data: [...d.drivers].reverse().map((r) => r.share),
                  },
                ],
              }}
            />
            <Table<Row>
              size="small"
              rowKey="question_id"
              pagination={false}
              dataSource={d.drivers}
              columns={[
                { title: t('keyDrivers.col.question'), render: (_, r) => text(r.label) },
                {
                  title: t('keyDrivers.col.dimension'),
                  render: (_, r) => (r.dimension ? freeTerm('builder.dimension', r.dimension) : ''),
                },
                { title: t('keyDrivers.col.r'), align: 'right', render: (_, r) => fmt.number(r.correlation, 2) },
                {
                  title: t('keyDrivers.col.weight'),
                  align: 'right',
                  render: (_, r) => fmt.number(r.relative_weight, 3),
                },
                { title: t('keyDrivers.col.shapley'), align: 'right', render: (_, r) => fmt.number(r.shapley, 3) },
                { title: t('keyDrivers.col.share'), align: 'right', render: (_, r) => fmt.percent(r.share) },
              ]}
            />
          </>
        )
      }
    </Loadable>
  );
}
