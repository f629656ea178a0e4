import { Card, Segmented, Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import type { CaseStage, CasesQuery } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useAuth } from '../../auth/auth.tsx';
import { type CaseOrder, CaseTable } from '../../components/case-table.tsx';
import { CASE_STAGES } from '../../components/case-terms.ts';
import { Loadable } from '../../components/loadable.tsx';
import { Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { CaseFilterBar, type CaseFilters } from './case-filters.tsx';
import { type CaseView, caseViews, isCaseView } from './case-views.ts';

const ALL = 'all';

/**
 * The case inbox: my open cases, every open case or all of them (the views), by stage (the tabs), filtered by
 * kind, priority, owner and words of the subject, sorted by a column and paged on the server. The query lives in
 * the URL, so a view can be shared and the back button returns to it.
 */
export default function CasesPage() {
  const { t, term } = useI18n();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const view: CaseView = isCaseView(params.get('view')) ? (params.get('view') as CaseView) : 'open';
  const stage = (params.get('stage') ?? ALL) as CaseStage | typeof ALL;
  const filters: CaseFilters = {
    kind: params.getAll('kind') as CaseFilters['kind'],
    priority: params.getAll('priority') as CaseFilters['priority'],
    owner: params.get('owner') ?? undefined,
    q: params.get('q') ?? undefined,
  };
  const order: CaseOrder | undefined = params.get('sort')
    ? { sort: params.get('sort') as CaseOrder['sort'], order: params.get('order') === 'asc' ? 'asc' : 'desc' }
    : undefined;
  const paging = { page: Number(params.get('page') ?? 1), page_size: Number(params.get('page_size') ?? 50) };
  /** Sets keys of the URL's query (undefined or [] removes one); anything but paging starts again at page 1. */
  const set = (next: Record<string, string | string[] | number | undefined>) =>
    setParams((p) => {
      for (const [k, v] of Object.entries(next)) {
        p.delete(k);
        for (const one of [v ?? []].flat()) if (one !== '') p.append(k, String(one));
      }
      if (!('page' in next)) p.delete('page');
      return p;
    });
  const query: CasesQuery = {
    ...filters,
    ...caseViews[view](user),
    ...(stage === ALL ? {} : { stage }),
    ...order,
    ...paging,
  };
  const state = useApi('/api/v1/cases', query);
  return (
    <Page
      title={t('nav.cases')}
      extra={
        <Segmented<CaseView>
          data-testid="case-view"
          value={view}
          onChange={(v) => set({ view: v })}
          options={Object.keys(caseViews).map((v) => ({ value: v as CaseView, label: t(`caseView.${v as CaseView}`) }))}
        />
      }
    >
      <CaseFilterBar value={filters} onChange={(f) => set({ ...f })} ownerSet={'owner' in caseViews[view](user)} />
      <Card>
        <Tabs
          activeKey={stage}
          onChange={(s) => set({ stage: s === ALL ? undefined : s })}
          items={[ALL, ...CASE_STAGES].map((s) => ({
            key: s,
            label: s === ALL ? t('cases.allStages') : term('caseStage', s as CaseStage),
          }))}
        />
        <Loadable state={state}>
          {(d) => (
            <CaseTable
              data={d}
              order={order}
              onSort={(o) => set({ sort: o?.sort, order: o?.order })}
              onPage={(page, pageSize) => set({ page, page_size: pageSize })}
            />
          )}
        </Loadable>
      </Card>
    </Page>
  );
}
