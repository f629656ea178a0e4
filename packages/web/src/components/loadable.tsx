import { Empty, Spin } from 'antd';
import type { ReactNode } from 'react';
import type { Loaded } from '../api/use-api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ProblemAlert } from './problem.tsx';

/**
 * The four states of anything fetched: error (with the problem's detail and hint), first load, empty, and data
 * (dimmed by a spinner while a new query loads).
 * @example <Loadable state={useApi('/api/v1/cohorts', q)} isEmpty={(d) => !d.cohorts.length}>{(d) => <CohortHeatmap data={d} />}</Loadable>
 */
export function Loadable<T>({
  state,
  isEmpty,
  children,
}: {
  state: Loaded<T>;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  const { t } = useI18n();
  if (state.error) return <ProblemAlert error={state.error} onRetry={state.reload} />;
  if (state.data === undefined) {
    return (
      <Spin description={t('common.loading')}>
        <div style={{ minHeight: 160 }} />
      </Spin>
    );
  }
  if (isEmpty?.(state.data)) return <Empty description={t('common.empty')} data-testid="empty" />;
  return <Spin spinning={state.loading}>{children(state.data)}</Spin>;
}
