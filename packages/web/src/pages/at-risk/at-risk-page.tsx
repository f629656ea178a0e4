import { Card, Empty, Input, Segmented, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useDimensions } from '../../api/resources.ts';
import type { AtRiskView, Tier } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useFit } from '../../api/use-fit.ts';
import { Loadable } from '../../components/loadable.tsx';
import { FitButton } from '../../components/model-run.tsx';
import { Page } from '../../components/page.tsx';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { RiskTable } from './risk-table.tsx';

const TIERS: Tier[] = ['critical', 'high', 'medium', 'low'];

const VIEWS: AtRiskView[] = ['expected_loss', 'persuadable'];

/**
 * The retention queue: the latest scoring's customers by expected loss (P(churn) × CLV), filtered by tier,
 * segment and reason; customers not worth retaining only when asked. Analysts score again from here. The
 * persuadable order ranks them instead by what contact is expected to save (uplift × CLV − cost per contact),
 * sleeping dogs (whom contact would push away) flagged.
 */
export default function AtRiskPage() {
  const { t, fmt, term, lang, field } = useI18n();
  const [tier, setTier] = useState<Tier[]>([]);
  const [dimension, setDimension] = useState<string>();
  const [value, setValue] = useState('');
  const [reason, setReason] = useState<string>();
  const [all, setAll] = useState(false);
  const [view, setView] = useState<AtRiskView>('expected_loss');
  const [paging, setPaging] = useState({ page: 1, page_size: 50 });
  const filters = {
    view,
    tier,
    filter: dimension && value ? `${dimension}:${value}` : undefined,
    reason,
    all: all || null,
  };
  const state = useApi('/api/v1/churn/at-risk', { ...filters, lang, ...paging });
  const score = useFit('/api/v1/churn/score', state.reload);
  const dimensions = useDimensions();
  // Reasons to filter by: the model's features, strongest first.
  const features = useApi('/api/v1/churn/model').data?.importance ?? [];
  /** A filter change goes back to the first page. */
  const set =
    <T,>(setter: (v: T) => void) =>
    (v: T) => {
      setter(v);
      setPaging((p) => ({ ...p, page: 1 }));
    };
  return (
    <Page
      title={t('nav.atRisk')}
      extra={
        <>
          {state.data?.as_of && (
            <Typography.Text type="secondary" data-testid="scored-at">
              {t('risk.asOf', { date: fmt.date(state.data.as_of) })}
            </Typography.Text>
          )}
          <FitButton fit={score} options={{}} fitted={!!state.data?.run_id} label={t('risk.score')} />
        </>
      }
    >
      {score.problem && <ProblemAlert error={score.problem} />}
      <Card>
        <Space wrap>
          <Segmented<AtRiskView>
            aria-label={t('risk.view')}
            value={view}
            onChange={set(setView)}
            options={VIEWS.map((v) => ({ value: v, label: term('risk.view', v) }))}
          />
          <Select<Tier[]>
            mode="multiple"
            allowClear
            aria-label={t('risk.tiers')}
            placeholder={t('risk.tiers')}
            style={{ minWidth: 180 }}
            value={tier}
            onChange={set(setTier)}
            options={TIERS.map((x) => ({ value: x, label: term('tier', x) }))}
          />
          <Select<string>
            allowClear
            aria-label={t('risk.segment')}
            placeholder={t('risk.segment')}
            style={{ minWidth: 150 }}
            value={dimension}
            onChange={set(setDimension)}
            options={dimensions.map((d) => ({ value: d, label: field(d) }))}
          />
          <Input.Search
            allowClear
            aria-label={t('risk.segmentValue')}
            placeholder={t('risk.segmentValue')}
            disabled={!dimension}
            onSearch={(v) => set(setValue)(v.trim())}
            style={{ width: 180 }}
          />
          <Select<string>
            allowClear
            showSearch
            aria-label={t('risk.reason')}
            placeholder={t('risk.reason')}
            style={{ minWidth: 200 }}
            value={reason}
            onChange={set(setReason)}
            options={features.map((f) => ({ value: f.feature, label: field(f.feature) }))}
          />
          <Space>
            <Switch checked={all} onChange={set(setAll)} aria-label={t('risk.includeNotWorth')} />
            {t('risk.includeNotWorth')}
          </Space>
        </Space>
      </Card>
      <Loadable state={state}>
        {(d) =>
          d.run_id === null ? (
            <Empty
              data-testid="not-scored"
              description={t(view === 'persuadable' ? 'risk.noUplift' : 'risk.notScored')}
            >
              <Typography.Text type="secondary">
                {t(view === 'persuadable' ? 'risk.noUpliftHint' : 'risk.notScoredHint')}
              </Typography.Text>
            </Empty>
          ) : (
            <Card>
              <RiskTable data={d} view={view} onPage={(page, pageSize) => setPaging({ page, page_size: pageSize })} />
            </Card>
          )
        }
      </Loadable>
    </Page>
  );
}
