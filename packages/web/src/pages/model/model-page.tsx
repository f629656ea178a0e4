import { Card, Col, Flex, Row, Segmented, Typography } from 'antd';
import { useState } from 'react';
import type { ChurnModelReport, Evaluation } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useFit } from '../../api/use-fit.ts';
import { ImportanceChart } from '../../charts/importance-chart.tsx';
import { XyChart } from '../../charts/xy-chart.tsx';
import { FitButton, FittedAt, RunLoadable } from '../../components/model-run.tsx';
import { Page } from '../../components/page.tsx';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { MetricsTable } from './metrics-table.tsx';

type EvalSet = ChurnModelReport['evaluations'][number]['set'];

/** The model's and the baseline's points of one curve, the baseline left out when there is none. */
const both = (
  model: Evaluation,
  baseline: Evaluation | null,
  names: [string, string],
  point: (e: Evaluation) => [number, number][],
) => [{ name: names[0], points: point(model) }, ...(baseline ? [{ name: names[1], points: point(baseline) }] : [])];

/** One evaluation: the measures against the baseline, ROC, lift and capture, calibration. */
function EvaluationCards({ model, baseline }: { model: Evaluation; baseline: Evaluation | null }) {
  const { t } = useI18n();
  const names: [string, string] = [t('churn.model'), t('churn.baseline')];
  const roc = (e: Evaluation): [number, number][] => [[0, 0], ...e.curve.map((p): [number, number] => [p.fpr, p.tpr])];
  const capture = (e: Evaluation): [number, number][] => [
    [0, 0],
    ...e.curve.map((p): [number, number] => [p.share, p.tpr]),
  ];
  const lift = (e: Evaluation): [number, number][] =>
    e.curve.flatMap((p): [number, number][] => (p.lift === null ? [] : [[p.share, p.lift]]));
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card title={t('churn.measure')}>
          <MetricsTable model={model} baseline={baseline} />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('churn.roc')}>
          <XyChart
            testId="roc-chart"
            series={both(model, baseline, names, roc)}
            x={t('churn.fpr')}
            y={t('churn.tpr')}
            diagonal={t('churn.chance')}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('churn.lift')}>
          <XyChart
            testId="lift-chart"
            series={[
              ...both(model, baseline, names, capture).map((s) => ({
                ...s,
                name: `${t('churn.capture')} · ${s.name}`,
              })),
              ...both(model, baseline, names, lift).map((s) => ({
                ...s,
                name: `${t('churn.liftAxis')} · ${s.name}`,
                right: true,
              })),
            ]}
            x={t('churn.share')}
            y={t('churn.capture')}
            y2={t('churn.liftAxis')}
            diagonal={t('churn.chance')}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('churn.calibration')}>
          <XyChart
            testId="calibration-chart"
            series={both(model, baseline, names, (e) =>
              e.calibration
                .filter((b) => b.count > 0)
                .map((b): [number, number] => [b.mean_predicted, b.observed_rate]),
            )}
            x={t('churn.predicted')}
            y={t('churn.observed')}
            diagonal={t('churn.perfect')}
          />
        </Card>
      </Col>
    </Row>
  );
}

function Report({ report }: { report: ChurnModelReport }) {
  const { t, fmt, term } = useI18n();
  const [set, setSet] = useState<EvalSet>(report.evaluations[0]?.set ?? 'validation');
  const shown = report.evaluations.find((e) => e.set === set) ?? report.evaluations[0];
  return (
    <Flex vertical gap={16}>
      <Card extra={<FittedAt run={report} />}>
        <Flex wrap gap={16} align="center">
          <Segmented<EvalSet>
            aria-label={t('churn.set')}
            value={shown?.set}
            onChange={setSet}
            options={report.evaluations.map((e) => ({ value: e.set, label: term('churn.set', e.set) }))}
          />
          {shown && (
            <Typography.Text type="secondary">
              {t('churn.rows', { rows: fmt.number(shown.model.rows, 0), churned: fmt.number(shown.model.churned, 0) })}
            </Typography.Text>
          )}
        </Flex>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
          {t('churn.curveNote')}
        </Typography.Paragraph>
      </Card>
      {shown && <EvaluationCards model={shown.model} baseline={shown.baseline} />}
      <Card title={t('churn.importance')}>
        <ImportanceChart importance={report.importance} />
      </Card>
    </Flex>
  );
}

/** The churn model's report from the latest training (never retrained on a view); analysts train from here. */
export default function ModelPage() {
  const { t } = useI18n();
  const state = useApi('/api/v1/churn/model');
  const train = useFit('/api/v1/churn/train', state.reload);
  // A test-id file names a path on the machine that trained; the API does not take one.
  const { test_ids: _, ...options } = state.data?.parameters ?? {};
  return (
    <Page title={t('nav.model')} extra={<FitButton fit={train} options={options} fitted={!!state.data} />}>
      {train.problem && <ProblemAlert error={train.problem} />}
      <RunLoadable state={state} model="churn" hint={t('churn.notTrainedHint')}>
        {(report) => <Report report={report} />}
      </RunLoadable>
    </Page>
  );
}
