import { Alert, Card, Flex, Select } from 'antd';
import { useState } from 'react';
import type { ModelRun, SbgCohort, SbgResult, TimeUnit } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useFit } from '../../api/use-fit.ts';
import { RetentionChart } from '../../charts/retention-chart.tsx';
import { FitButton, FittedAt, RunLoadable } from '../../components/model-run.tsx';
import { Page } from '../../components/page.tsx';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Projection } from './projection.tsx';
import { SurvivorsBox } from './survivors-box.tsx';

const ALL = '';

/** A cohort the model could not fit: why, and its observed survival on its own. */
function FailedCohort({ cohort, unit }: { cohort: Extract<SbgCohort, { error: unknown }>; unit: TimeUnit }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={16}>
      <Alert type="warning" showIcon title={t('retention.cohortFailed', { message: cohort.error.message })} />
      <RetentionChart
        curve={cohort.observed.map((observed, period) => ({ period, observed, survival: null }))}
        unit={unit}
      />
    </Flex>
  );
}

/**
 * The sBG retention projection from the latest stored fit (never refitted on a view): the whole base or one
 * acquisition cohort, observed against projected, with lifetimes; and a box to fit survivor counts typed in.
 */
export default function RetentionPage() {
  const { t, fmt } = useI18n();
  const latest = useApi<ModelRun<SbgResult>>('/api/v1/models/sbg/latest');
  const fit = useFit('/api/v1/models/sbg/fit', latest.reload);
  const [cohort, setCohort] = useState(ALL);
  const run = latest.data;
  const cohorts = run?.result.cohorts ?? [];
  const grain = run?.result.cohort_grain ?? 'year';
  const chosen = cohorts.find((c) => c.cohort === cohort);
  // A degenerate refit means the stored run (fitted to older data or another unit) is no projection of these data.
  const problem = fit.problem && ('problem' in fit.problem ? fit.problem.problem : fit.problem);
  const degenerate = problem?.code === 'TEN_MODEL_DEGENERATE';
  return (
    <Page
      title={t('nav.retention')}
      extra={
        <>
          {cohorts.length > 0 && (
            <Select
              aria-label={t('retention.cohort')}
              style={{ minWidth: 220 }}
              value={cohort}
              onChange={setCohort}
              options={[
                { value: ALL, label: t('retention.all') },
                ...cohorts.map((c) => ({
                  value: c.cohort,
                  label: `${fmt.period(grain, c.cohort)} · ${t('retention.customers', { n: fmt.number(c.customers, 0) })}`,
                })),
              ]}
            />
          )}
          {/* A run on typed-in counts (the CLI's --survivors) is not what this page projects: refit on the workspace. */}
          <FitButton
            fit={fit}
            options={run?.result.source === 'workspace' ? run.parameters : { cohort: 'year' }}
            fitted={!!run}
          />
        </>
      }
    >
      {fit.problem && <ProblemAlert error={fit.problem} />}
      <Card
        extra={run && <FittedAt run={run} />}
        title={chosen ? fmt.period(grain, chosen.cohort) : t('retention.all')}
      >
        <RunLoadable state={latest} model="sbg">
          {(r) =>
            degenerate ? (
              <Alert type="warning" showIcon data-testid="sbg-degenerate" title={t('retention.degenerate')} />
            ) : !chosen ? (
              <Projection p={r.result} />
            ) : 'error' in chosen ? (
              <FailedCohort cohort={chosen} unit={r.result.unit} />
            ) : (
              <Projection p={chosen} />
            )
          }
        </RunLoadable>
      </Card>
      <SurvivorsBox />
    </Page>
  );
}
