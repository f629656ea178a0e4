import type {
  BarSeriesOption,
  FunnelSeriesOption,
  HeatmapSeriesOption,
  LineSeriesOption,
  ScatterSeriesOption,
  SunburstSeriesOption,
} from 'echarts/charts';
import { BarChart, FunnelChart, HeatmapChart, LineChart, ScatterChart, SunburstChart } from 'echarts/charts';
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
import { useEffect, useRef, useState } from 'react';

// Only what the charts below use is registered, so the charts chunk carries no unused series types.
echarts.use([
  BarChart,
  FunnelChart,
  HeatmapChart,
  LineChart,
  ScatterChart,
  SunburstChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | FunnelSeriesOption
  | HeatmapSeriesOption
  | LineSeriesOption
  | ScatterSeriesOption
  | SunburstSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

/**
 * One ECharts canvas, sized to its container. Each render's option replaces the last (`notMerge`), so a removed
 * series (a segment no longer selected) disappears instead of lingering. `data-drawn` turns true once a
 * render and its animation have finished (false again while a new option animates in), so screenshots and
 * tests need not guess how long an animation takes.
 *
 * A wrapper of our own rather than echarts-for-react: its ESM build imports tslib without declaring it, and
 * under React 19 its `onEvents`/`onChartReady` reached an instance other than the one drawn, so `finished`
 * never arrived.
 */
export function Chart({ option, height = 360, testId }: { option: ChartOption; height?: number; testId?: string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const [drawn, setDrawn] = useState(false);
  // The option last given to this instance, as JSON (see below).
  const applied = useRef('');
  useEffect(() => {
    const c = echarts.init(el.current as HTMLDivElement);
    c.on('finished', () => setDrawn(true));
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el.current as HTMLDivElement);
    chart.current = c;
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
      applied.current = '';
    };
  }, []);
  // Parents rebuild the option on every render; set it only when it says something new (functions aside), so an
  // unrelated re-render does not replay the animation.
  useEffect(() => {
    const text = JSON.stringify(option);
    if (!chart.current || text === applied.current) return;
    applied.current = text;
    setDrawn(false);
    chart.current.setOption(option, { notMerge: true });
  }, [option]);
  return (
    <div data-testid={testId} data-drawn={drawn}>
      <div ref={el} style={{ height, width: '100%' }} />
    </div>
  );
}
