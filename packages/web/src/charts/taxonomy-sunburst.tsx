import type { SunburstSeriesOption } from 'echarts/charts';
import type { TaxonomyNode } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Chart } from './chart.tsx';
import { escapeHtml } from './series.ts';

type SunburstNode = NonNullable<SunburstSeriesOption['data']>[number];

/** The churn taxonomy (kind → category → reason) as rings sized by churned customers; the tooltip adds MRR lost. */
export function TaxonomySunburst({ nodes, label }: { nodes: TaxonomyNode[]; label: (name: string) => string }) {
  const { t, fmt } = useI18n();
  // ECharts nodes carry no extra fields, so the tooltip finds a node's MRR by its path from the centre.
  const byPath = new Map<string, TaxonomyNode>();
  const toData = (n: TaxonomyNode, parent: string[]): SunburstNode => {
    const path = [...parent, label(n.name)];
    byPath.set(path.join('\u0001'), n);
    return {
      name: label(n.name),
      value: n.count,
      ...(n.children?.length ? { children: n.children.map((c) => toData(c, path)) } : {}),
    };
  };
  const data = nodes.map((n) => toData(n, []));
  return (
    <Chart
      testId="taxonomy-sunburst"
      height={420}
      option={{
        tooltip: {
          formatter: (p: unknown) => {
            const path = (p as { treePathInfo: { name: string }[] }).treePathInfo.map((x) => x.name).filter(Boolean);
            const n = byPath.get(path.join('\u0001'));
            if (!n) return '';
            return `<b>${escapeHtml(path.join(' › '))}</b><br/>${t('reasons.count')}: ${fmt.number(n.count, 0)}<br/>${t('reasons.share')}: ${fmt.value('ratio', n.share)}`;
          },
        },
        series: [
          {
            type: 'sunburst',
            data,
            radius: ['12%', '92%'],
            sort: undefined,
            label: { rotate: 'radial', minAngle: 8 },
          },
        ],
      }}
    />
  );
}
