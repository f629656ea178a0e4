import { Alert, Card, Typography } from 'antd';
import { Chart } from '../../charts/chart.tsx';
import { escapeHtml } from '../../charts/series.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Employees, TeamRow } from './types.ts';

type Correlation = Employees['csat'];

/**
 * Each team's employee satisfaction (x) against a figure of the cases it handled (y), with the correlation and
 * its interval, or the server's plain statement when there are too few teams to say anything.
 */
export function TeamScatter({
  title,
  teams,
  y,
  correlation,
  percent,
  label,
  testId,
}: {
  title: string;
  teams: TeamRow[];
  y: (t: TeamRow) => number | null;
  correlation: Correlation;
  percent: boolean;
  label: (team: string) => string;
  testId: string;
}) {
  const { t, fmt, text } = useI18n();
  const points = teams.flatMap((row) => {
    const v = y(row);
    return row.satisfaction === null || v === null ? [] : [{ row, x: row.satisfaction, y: v }];
  });
  const show = (v: number) => (percent ? fmt.percent(v) : fmt.number(v, 2));
  return (
    <Card title={title} data-testid={testId}>
      <Chart
        height={280}
        option={{
          grid: { left: 64, right: 24, top: 24, bottom: 48 },
          tooltip: {
            trigger: 'item',
            formatter: (p: unknown) => {
              const pt = points[(p as { dataIndex: number }).dataIndex];
              return pt ? `<b>${escapeHtml(label(pt.row.team))}</b><br/>${fmt.percent(pt.x)} · ${show(pt.y)}` : '';
            },
          },
          xAxis: {
            type: 'value',
            scale: true,
            name: t('employees.col.satisfaction'),
            nameLocation: 'middle',
            nameGap: 28,
            axisLabel: { formatter: (v: number) => fmt.percent(v, 0) },
          },
          yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => show(v) } },
          series: [{ type: 'scatter', symbolSize: 12, data: points.map((p) => [p.x, p.y]) }],
        }}
      />
      {correlation.r !== null && correlation.lower !== null && (
        <Typography.Paragraph strong style={{ marginBottom: 4 }}>
          {t('employees.correlation', {
            r: fmt.number(correlation.r, 2),
            low: fmt.number(correlation.lower, 2),
            high: fmt.number(correlation.upper, 2),
            teams: correlation.teams,
          })}
        </Typography.Paragraph>
      )}
      <Alert type={correlation.lower === null ? 'warning' : 'info'} showIcon message={text(correlation.statement)} />
    </Card>
  );
}
