import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption, SunburstSeriesOption } from 'echarts/charts';
import { BarChart, HeatmapChart, LineChart, SunburstChart } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

// Only what the charts below use is registered, so the charts chunk carries no unused series types.
echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  SunburstChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | HeatmapSeriesOption
  | LineSeriesOption
  | SunburstSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

/**
 * One ECharts canvas. `notMerge`: each render's option replaces the last, so a removed series (a segment no
 * longer selected) disappears instead of lingering.
 */
export function Chart({ option, height = 360, testId }: { option: ChartOption; height?: number; testId?: string }) {
  return (
    <div data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} />
    </div>
  );
}
