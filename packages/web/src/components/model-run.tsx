import { Button, Empty, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ApiError } from '../api/client.ts';
import type { ModelFit, ModelRun } from '../api/types.ts';
import type { Loaded } from '../api/use-api.ts';
import type { useFit } from '../api/use-fit.ts';
import { atLeast, useAuth } from '../auth/auth.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Loadable } from './loadable.tsx';

/** A lifetime model never fitted, no churn model trained yet, or no uplift model fitted yet. */
const NOT_FITTED = new Set(['TEN_MODEL_NO_RUN', 'TEN_PREDICT_NO_MODEL', 'TEN_UPLIFT_NO_MODEL']);
const notFitted = (e: ApiError | undefined) => NOT_FITTED.has(e?.problem.code ?? '');

/**
 * The latest run of a model in its four states, where "never fitted" is the empty state (saying how to fit it)
 * rather than an error.
 */
export function RunLoadable<T>({
  state,
  model,
  hint,
  children,
}: {
  state: Loaded<T>;
  model: string;
  /** How to fit it, when not `tenure fit <model>`. */
  hint?: string;
  children: (data: T) => ReactNode;
}) {
  const { t } = useI18n();
  if (notFitted(state.error))
    return (
      <Empty data-testid="not-fitted" description={t('models.notFitted')}>
        <Typography.Text type="secondary">{hint ?? t('models.notFittedHint', { model })}</Typography.Text>
      </Empty>
    );
  return <Loadable state={state}>{children}</Loadable>;
}

/**
 * Fit or refit a model with `options` (or do another job of the kind, named by `label`, such as scoring): for
 * analysts and admins only (the server refuses viewers anyway).
 */
export function FitButton({
  fit,
  options,
  fitted,
  label,
}: {
  fit: ReturnType<typeof useFit>;
  options: Record<string, unknown>;
  fitted: boolean;
  label?: string;
}) {
  const { t } = useI18n();
  const { user } = useAuth();
  if (!atLeast(user, 'analyst')) return null;
  return (
    <Button
      data-testid="fit"
      type={fitted ? 'default' : 'primary'}
      loading={fit.running}
      onClick={() => fit.start(options)}
    >
      {label ?? (fitted ? t('models.refit') : t('models.fit'))}
    </Button>
  );
}

/** When a run was made and on which data. */
export function FittedAt({ run }: { run: Pick<ModelRun<unknown>, 'created_at' | 'data_window'> }) {
  const { t, fmt } = useI18n();
  const to = run.data_window.to;
  return (
    <Typography.Text type="secondary" data-testid="fitted-at">
      {t('models.fittedAt', { at: fmt.date(run.created_at, true) })}
      {to ? ` · ${t('models.dataTo', { to: fmt.date(to) })}` : ''}
    </Typography.Text>
  );
}

/** A fit's parameters with standard errors, then its log-likelihood, size and convergence. */
export function FitTable({ fit }: { fit: ModelFit }) {
  const { t, fmt } = useI18n();
  const rows = Object.entries(fit.params).map(([name, value]) => ({ name, value, stderr: fit.stderr[name] }));
  return (
    <>
      <Table
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('models.parameter'), dataIndex: 'name' },
          { title: t('models.estimate'), align: 'right', render: (_, r) => fmt.number(r.value, 4) },
          { title: t('models.stderr'), align: 'right', render: (_, r) => fmt.number(r.stderr, 4) },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('models.fitStats', { ll: fmt.number(fit.log_lik, 2), n: fmt.number(fit.n, 0), iterations: fit.iterations })}
        {fit.converged ? '' : ` · ${t('models.notConverged')}`}
      </Typography.Text>
    </>
  );
}
