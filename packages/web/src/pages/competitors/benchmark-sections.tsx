import { Alert, Col, Row, Table, Tag, Typography } from 'antd';
import type { BenchmarkTrends } from '../../api/types.ts';
import { BenchmarkChart } from '../../charts/benchmark-chart.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

type Series = BenchmarkTrends['series'][number];

const directionColor = { narrowing: 'green', widening: 'orange', steady: 'default' } as const;

/**
 * One block per metric (and segment): a chart of ours against each source, and a table of each source's latest
 * figure, the gap and its trend. Gaps are changes in the metric's unit, so a rate's gap reads in percentage
 * points (fmt.change). A benchmark-only figure (market share, sales) has no line or gap of ours.
 */
export function BenchmarkSections({ data }: { data: BenchmarkTrends }) {
  const { t, text, fmt } = useI18n();
  const groups = new Map<string, Series[]>();
  for (const s of data.series) {
    const key = JSON.stringify([s.metric, s.segment, s.grain]);
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return (
    <Row gutter={[16, 24]}>
      {data.problems.length ? (
        <Col span={24}>
          <Alert type="warning" showIcon message={t('competitors.problems', { n: data.problems.length })} />
        </Col>
      ) : null}
      {[...groups.values()].map((g) => {
        const first = g[0] as Series;
        const periods = [...new Set(g.flatMap((s) => s.points.map((p) => p.period_start)))].sort();
        const at = (s: Series, pick: (p: Series['points'][number]) => number | null) =>
          periods.map((d) => {
            const p = s.points.find((x) => x.period_start === d);
            return p ? pick(p) : null;
          });
        // Ours is the same whichever source it is set against: taken from the first source that has it per period.
        const ours = periods.map((d) => {
          for (const s of g) {
            const v = s.points.find((x) => x.period_start === d)?.ours;
            if (v !== undefined && v !== null) return v;
          }
          return null;
        });
        const lines = [
          ...(first.benchmark_only ? [] : [{ name: t('competitors.ours'), values: ours, ours: true }]),
          ...g.map((s) => ({ name: s.source, values: at(s, (p) => p.benchmark) })),
        ];
        const segment = first.segment === 'all' ? '' : ` · ${first.segment}`;
        return (
          <Col
            span={24}
            key={`${first.metric} ${first.segment} ${first.grain}`}
            data-testid={`benchmark-${first.metric}`}
          >
            <Typography.Title level={5}>
              {text(first.title)}
              {segment}
            </Typography.Title>
            {first.benchmark_only ? (
              <Typography.Paragraph type="secondary">{t('competitors.benchmarkOnly')}</Typography.Paragraph>
            ) : null}
            <BenchmarkChart
              periods={periods}
              grain={first.grain}
              unit={first.unit}
              lines={lines}
              testId={`benchmark-chart-${first.metric}`}
            />
            <Table<Series>
              size="small"
              rowKey="source"
              dataSource={g}
              pagination={false}
              columns={[
                { title: t('competitors.col.source'), dataIndex: 'source' },
                {
                  title: t('competitors.col.latest'),
                  align: 'right',
                  render: (_, s) => fmt.value(s.unit, s.points.at(-1)?.benchmark ?? null),
                },
                ...(first.benchmark_only
                  ? []
                  : [
                      {
                        title: t('competitors.col.ours'),
                        align: 'right' as const,
                        render: (_: unknown, s: Series) => fmt.value(s.unit, s.points.at(-1)?.ours ?? null),
                      },
                      {
                        title: t('competitors.col.gap'),
                        align: 'right' as const,
                        render: (_: unknown, s: Series) => fmt.change(s.unit, s.gap.latest),
                      },
                      {
                        title: t('competitors.col.trend'),
                        align: 'right' as const,
                        render: (_: unknown, s: Series) => fmt.change(s.unit, s.gap.slope),
                      },
                      {
                        title: t('competitors.col.direction'),
                        render: (_: unknown, s: Series) =>
                          s.gap.direction ? (
                            <Tag color={directionColor[s.gap.direction]}>{t(`competitors.gap.${s.gap.direction}`)}</Tag>
                          ) : null,
                      },
                    ]),
              ]}
            />
          </Col>
        );
      })}
    </Row>
  );
}
