import { Card, Col, Empty, Flex, Row, Statistic, Typography } from 'antd';
import { Chart } from '../../charts/chart.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { CommentsCard } from './comments-card.tsx';
import type { QuestionResult, Results, Survey } from './types.ts';

type Measure = NonNullable<Results['main']>['measure'];

/** The main figure in its own unit: NPS and eNPS in points, CSAT as a share, effort and other scales as a mean. */
const useMeasure = () => {
  const { fmt } = useI18n();
  return (m: Measure, v: number | null) =>
    m === 'csat' ? fmt.percent(v) : fmt.number(v, m === 'nps' || m === 'enps' ? 0 : 2);
};

/** One question's answers: bars over its scale or choices (choices by their text), or a count for free text. */
function QuestionChart({ q, survey }: { q: QuestionResult; survey: Survey }) {
  const { t, text, fmt } = useI18n();
  const options = survey.questions.find((x) => x.id === q.id)?.options;
  // A scale shows every point of it, answered or not, so the bars' shape reads at a glance.
  const span: [number, number] | null = q.type === 'scale_0_10' ? [0, 10] : q.type === 'scale_1_5' ? [1, 5] : null;
  const values = span
    ? Array.from({ length: span[1] - span[0] + 1 }, (_, i) => String(span[0] + i))
    : q.distribution.map((d) => d.value);
  const count = (v: string) => q.distribution.find((d) => d.value === v)?.count ?? 0;
  const label = (v: string) => {
    const o = options?.find((x) => x.id === v);
    return o ? text(o.text) : v;
  };
  return (
    <Card size="small" title={text(q.text)} data-testid={`result-${q.id}`}>
      <Typography.Text type="secondary">
        {t('results.count', { n: q.n })}
        {q.mean !== null && ` · ${t('results.mean', { mean: fmt.number(q.mean, 2) })}`}
      </Typography.Text>
      {q.distribution.length > 0 && (
        <Chart
          height={200}
          testId={`distribution-${q.id}`}
          option={{
            grid: { left: 48, right: 16, top: 16, bottom: 40 },
            tooltip: { trigger: 'axis' },
            xAxis: { type: 'category', data: values.map(label), axisLabel: { interval: 0 } },
            yAxis: { type: 'value', minInterval: 1 },
            series: [{ type: 'bar', name: t('results.responses'), data: values.map(count) }],
          }}
        />
      )}
    </Card>
  );
}

/**
 * A survey's results: the main score with its 95 % interval, the response rate (with its interval), each
 * question's distribution, and what respondents wrote.
 */
export function ResultsView({ results, survey }: { results: Results; survey: Survey }) {
  const { t, fmt } = useI18n();
  const measure = useMeasure();
  const main = results.main;
  const rate = results.response_rate;
  if (!results.answered && !results.invited) return <Empty description={t('results.none')} data-testid="empty" />;
  return (
    <Flex vertical gap={16} data-testid="survey-results">
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card>
            <Statistic
              title={t('results.score')}
              value={main ? measure(main.measure, main.value) : '—'}
              data-testid="results-score"
            />
            {main && main.low !== null && (
              <Typography.Text type="secondary">
                {t('results.interval', {
                  low: measure(main.measure, main.low),
                  high: measure(main.measure, main.high),
                })}
              </Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={12} md={8}>
          <Card>
            <Statistic title={t('results.responses')} value={fmt.number(results.answered, 0)} />
            <Typography.Text type="secondary">
              {t('results.invited')}: {fmt.number(results.invited, 0)}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={8}>
          <Card>
            <Statistic title={t('results.rate')} value={fmt.percent(rate?.value)} data-testid="results-rate" />
            {rate && rate.low !== null && (
              <Typography.Text type="secondary">
                {t('results.interval', { low: fmt.percent(rate.low), high: fmt.percent(rate.high) })}
              </Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      <Typography.Title level={5}>{t('results.questions')}</Typography.Title>
      <Row gutter={[16, 16]}>
        {results.questions
          .filter((q) => q.type !== 'text')
          .map((q) => (
            <Col xs={24} lg={12} key={q.id}>
              <QuestionChart q={q} survey={survey} />
            </Col>
          ))}
      </Row>
      {survey.questions.some((q) => q.type === 'text') && <CommentsCard results={results} survey={survey} />}
    </Flex>
  );
}
