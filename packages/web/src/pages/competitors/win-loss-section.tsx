import { Table } from 'antd';
import type { WinLoss } from '../../api/types.ts';
import { MonthlyChart } from '../../charts/monthly-chart.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

type Competitor = WinLoss['competitors'][number];

/** Customers lost to each competitor: a table (most lost first) and their losses per period, stacked. */
export function WinLossSection({ data }: { data: WinLoss }) {
  const { t, fmt } = useI18n();
  const periods = data.period_starts;
  const series = data.competitors.map((c) => ({
    name: c.competitor,
    type: 'bar' as const,
    values: periods.map(
      (d) => data.periods.find((p) => p.period_start === d && p.competitor === c.competitor)?.lost ?? 0,
    ),
  }));
  return (
    <>
      <Table<Competitor>
        size="small"
        rowKey="competitor"
        dataSource={data.competitors}
        pagination={false}
        data-testid="win-loss-table"
        columns={[
          { title: t('competitors.col.competitor'), dataIndex: 'competitor' },
          { title: t('competitors.col.lost'), align: 'right', render: (_, c) => fmt.number(c.lost, 0) },
          { title: t('competitors.col.mrrLost'), align: 'right', render: (_, c) => fmt.value('money', c.mrr_lost) },
          { title: t('competitors.col.wonBack'), align: 'right', render: (_, c) => fmt.number(c.won_back, 0) },
          {
            title: t('competitors.col.reasons'),
            render: (_, c) =>
              c.reasons
                .slice(0, 3)
                .map((r) => `${r.reason} (${fmt.number(r.lost, 0)})`)
                .join(', '),
          },
        ]}
      />
      <MonthlyChart
        months={periods}
        grain={data.grain}
        series={series}
        unit="count"
        testId="win-loss-chart"
        height={260}
      />
    </>
  );
}
