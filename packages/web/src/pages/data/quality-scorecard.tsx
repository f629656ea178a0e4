import { Card, Flex, Progress, Statistic, Table, Typography } from 'antd';
import type { ColumnIssue, EntityQuality } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { Loadable } from '../../components/loadable.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

const DIMENSIONS = [
  'completeness',
  'validity',
  'uniqueness',
  'integrity',
  'freshness',
] as const satisfies readonly (keyof EntityQuality)[];

/** Green from 90, amber from 70, red below: the bands the CLI's `tenure quality` uses in words. */
const tone = (score: number) => (score >= 90 ? '#52c41a' : score >= 70 ? '#faad14' : '#ff4d4f');

function Score({ score }: { score: number | null }) {
  const { fmt } = useI18n();
  if (score === null) return <>–</>;
  return (
    <Progress
      percent={score}
      size="small"
      strokeColor={tone(score)}
      format={() => fmt.number(score, 1)}
      style={{ minWidth: 110 }}
    />
  );
}

function Offenders({ rows }: { rows: ColumnIssue[] }) {
  const { t, fmt, term, freeTerm, field } = useI18n();
  return (
    <Table<ColumnIssue>
      size="small"
      pagination={false}
      rowKey={(r) => `${r.dimension}:${r.column}:${r.rule}`}
      dataSource={rows}
      columns={[
        { title: t('quality.dimension'), render: (_, r) => term('quality', r.dimension) },
        { title: t('import.column'), render: (_, r) => field(r.column) },
        { title: t('quality.rule'), render: (_, r) => freeTerm('qualityRule', r.rule) },
        { title: t('quality.count'), align: 'right', render: (_, r) => fmt.number(r.count, 0) },
        { title: t('quality.loss'), align: 'right', render: (_, r) => fmt.number(r.loss, 1) },
      ]}
    />
  );
}

/** The data-quality scorecard: an overall 0–100 score, each table's five dimensions and its worst offenders. */
export function QualityScorecard() {
  const { t, fmt, term } = useI18n();
  const state = useApi('/api/v1/quality');
  return (
    <Loadable state={state} isEmpty={(d) => d.entities.every((e) => e.rows === 0)}>
      {(d) => (
        <Flex vertical gap={16}>
          <Card size="small" style={{ alignSelf: 'start' }}>
            <Statistic
              title={t('quality.overall')}
              value={d.overall ?? undefined}
              formatter={() => fmt.number(d.overall, 1)}
            />
            {/* The rule, stated: served as dataEnd by GET /quality (core quality/freshness.ts). */}
            {d.data_end && (
              <Typography.Text type="secondary" data-testid="quality-rule">
                {t('quality.rule.freshness', { date: fmt.date(d.data_end.slice(0, 10)) })}
              </Typography.Text>
            )}
          </Card>
          <Table<EntityQuality>
            size="small"
            rowKey="entity"
            pagination={false}
            dataSource={d.entities.filter((e) => e.rows > 0)}
            expandable={{
              rowExpandable: (e) => e.offenders.length > 0,
              expandedRowRender: (e) => <Offenders rows={e.offenders} />,
            }}
            columns={[
              { title: t('quality.entity'), render: (_, e) => term('entity', e.entity) },
              { title: t('quality.rows'), align: 'right', render: (_, e) => fmt.number(e.rows, 0) },
              { title: t('quality.score'), render: (_, e) => <Score score={e.score} /> },
              ...DIMENSIONS.map((dim) => ({
                title: t(`quality.${dim}`),
                render: (_: unknown, e: EntityQuality) => <Score score={e[dim].score} />,
              })),
            ]}
          />
        </Flex>
      )}
    </Loadable>
  );
}
