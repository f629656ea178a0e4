import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeMetrics } from '../metrics/compute.ts';
import { formats } from '../present/index.ts';
import { defaultConfig } from '../workspace/config.ts';
import { generateDemo } from '../workspace/demo/index.ts';
import { initWorkspace, type Workspace } from '../workspace/workspace.ts';
import { buildReport } from './build.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import { monthly } from './monthly.ts';
import type { ReportData, Section } from './types.ts';

const OUT = join(import.meta.dirname, '..', '..', '..', '..', 'test-output');
const section = <K extends Section['kind']>(d: ReportData, kind: K) =>
  d.sections.find((s) => s.kind === kind) as Extract<Section, { kind: K }>;

describe('the monthly report on a demo workspace', () => {
  let ws: Workspace;
  let en: ReportData;
  let zh: ReportData;
  beforeAll(async () => {
    ws = await initWorkspace(mkdtempSync(join(tmpdir(), 'tenure-report-')));
    await generateDemo(ws, { customers: 2000, months: 24, seed: 5 });
    en = await buildReport(ws, { lang: 'en' });
    zh = await buildReport(ws, { lang: 'zh' });
  });
  afterAll(() => ws.close());

  it('covers the 12 months ending with the last complete month of data', () => {
    expect([en.from, en.to]).toEqual(['2025-01', '2025-12']);
    expect(zh.lang).toBe('zh-CN');
    expect(en.sections.map((s) => s.id)).toEqual(monthly.map((s) => s.id));
  });

  it('shows the KPI figures computeMetrics gives for the same metric and month', async () => {
    const kpis = section(en, 'kpi');
    expect(kpis.rows.length).toBeGreaterThanOrEqual(8);
    for (const row of kpis.rows) {
      const [alone] = await computeMetrics(ws.db, ws.config, [row.metric], {
        period: 'month',
        from: '2025-12',
        to: '2025-12',
      });
      const both = await computeMetrics(ws.db, ws.config, [row.metric], {
        period: 'month',
        from: '2025-11',
        to: '2025-12',
      });
      expect([row.metric, row.value, row.ci_low, row.ci_high]).toEqual([
        row.metric,
        alone?.value,
        alone?.ci_low,
        alone?.ci_high,
      ]);
      expect(row.change).toBe(both[1]?.change ?? null);
    }
    expect(section(zh, 'kpi').rows.map((r) => r.value)).toEqual(kpis.rows.map((r) => r.value));
  });

  it('trends are the metric series plus a 3-month forecast with intervals', async () => {
    const churn = section(en, 'trend').series.find((s) => s.metric === 'churn_rate');
    const rows = await computeMetrics(ws.db, ws.config, ['churn_rate'], {
      period: 'month',
      from: '2025-01',
      to: '2025-12',
    });
    expect(churn?.points.filter((p) => !p.forecast).map((p) => p.value)).toEqual(rows.map((r) => r.value));
    const ahead = churn?.points.filter((p) => p.forecast) ?? [];
    expect(ahead.map((p) => p.period)).toEqual(['2026-01', '2026-02', '2026-03']);
    for (const p of ahead) expect(p.low).toBeLessThan(p.high as number);
  });

  it('churn by region carries the significance test of the metric', async () => {
    const regions = section(en, 'segments');
    const rows = await computeMetrics(ws.db, ws.config, ['churn_rate'], {
      period: 'month',
      from: '2025-12',
      to: '2025-12',
      by: ['region'],
    });
    expect(regions.rows.map((r) => [r.segment, r.value, r.significant])).toEqual(
      rows.map((r) => [r.segment.region, r.value, r.significant ?? false]),
    );
    expect(regions.total?.value).toBe(section(en, 'kpi').rows.find((r) => r.metric === 'churn_rate')?.value);
    // February 2025 of this demo has one region significantly above the rest and one below.
    const feb = await buildReport(ws, { to: '2025-02', sections: monthly.filter((d) => d.kind === 'segments') });
    const flagged = section(feb, 'segments').rows.filter((r) => r.significant);
    expect(flagged.map((r) => r.direction).sort()).toEqual(['higher', 'lower']);
    expect(renderMarkdown(feb)).toMatch(/\* higher \(adjusted p = /);
  });

  it('renders Markdown with every section title in the chosen language', () => {
    for (const d of [en, zh]) {
      const md = renderMarkdown(d);
      for (const def of monthly) expect(md).toContain(def.title[d.lang]);
      expect(md).not.toMatch(/undefined|NaN/);
      expect(md).not.toContain('<svg');
    }
    expect(renderMarkdown(zh)).toContain('流失率');
  });

  it('renders one self-contained HTML page with closed, non-empty charts', () => {
    for (const d of [en, zh]) {
      const html = renderHtml(d);
      expect(html.match(/<html lang="[^"]+">/g)).toEqual([`<html lang="${d.lang}">`]);
      const opened = html.match(/<svg[\s>]/g)?.length ?? 0;
      expect(opened).toBeGreaterThanOrEqual(4);
      expect(html.match(/<\/svg>/g)?.length).toBe(opened);
      for (const svg of html.match(/<svg[\s\S]*?<\/svg>/g) ?? []) expect(svg).toMatch(/<path|<rect/);
      expect(html).not.toMatch(/https?:\/\/|<script|<link|\ssrc=|url\(/i);
      expect(html).not.toMatch(/undefined|NaN/);
      for (const def of monthly) expect(html).toContain(def.title[d.lang]);
    }
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, 'report-zh.html'), renderHtml(zh));
    writeFileSync(join(OUT, 'report-en.md'), renderMarkdown(en));
  });

  it('says why a section is missing instead of failing', async () => {
    const base = monthly[0] as (typeof monthly)[number];
    const d = await buildReport(ws, {
      lang: 'en',
      to: '2025-06',
      sections: [
        { ...base, metrics: ['churn_rate', 'not_yet_a_metric'] },
        { id: 'x', kind: 'scorecard', title: { en: 'Later', 'zh-CN': '以后' }, metrics: ['nope'], query: base.query },
        {
          id: 'y',
          kind: 'segments',
          title: { en: 'By planet', 'zh-CN': '按星球' },
          metrics: ['churn_rate'],
          query: (r) => ({ period: 'month', from: r.to, to: r.to, by: ['planet'] }),
        },
      ],
    });
    expect(d.from).toBe('2024-07');
    const [kpi, later, planet] = d.sections as [Section, Section, Section];
    expect([kpi.skipped, later.skipped, planet.skipped]).toEqual([false, true, true]);
    expect(kpi.notes.join(' ')).toContain('not_yet_a_metric');
    expect(later.notes.join(' ')).toContain('nope');
    expect(planet.notes.join(' ')).toContain('planet');
    const md = renderMarkdown(d);
    expect(md).toContain('not_yet_a_metric');
    expect(md).not.toMatch(/undefined|NaN/);
    expect(renderHtml(d)).toContain('By planet');
  });

  it('refuses malformed or reversed months', async () => {
    await expect(buildReport(ws, { from: '2025-13' })).rejects.toMatchObject({ code: 'TEN_METRIC_BAD_QUERY' });
    await expect(buildReport(ws, { from: '2025-06', to: '2025-01' })).rejects.toMatchObject({
      code: 'TEN_METRIC_BAD_QUERY',
    });
  });
});

it('an empty workspace has nothing to report', async () => {
  const ws = await initWorkspace(mkdtempSync(join(tmpdir(), 'tenure-report-empty-')));
  try {
    await expect(buildReport(ws)).rejects.toMatchObject({ code: 'TEN_METRIC_BAD_QUERY' });
  } finally {
    await ws.close();
  }
});

it('explains why the two retention rates differ when they do', () => {
  const row = (metric: 'retention_rate' | 'retention_rate_end_minus_new', numerator: number) => ({
    metric,
    period_start: '2025-12-01',
    period_end: '2026-01-01',
    segment: {},
    value: numerator / 100,
    numerator,
    denominator: 100,
    ci_low: null,
    ci_high: null,
  });
  const range = {
    from: '2025-01',
    to: '2025-12',
    prev: '2025-11',
    calendar: { fiscalStartMonth: 1, weekStart: 'monday' as const },
  };
  const notes = monthly[0]?.notes;
  const c = (lang: 'en' | 'zh-CN') => ({ lang, fmt: formats(lang, 'USD'), range, config: defaultConfig() });
  expect(notes?.([row('retention_rate', 90), row('retention_rate_end_minus_new', 88)], c('en'))).toEqual([
    expect.stringContaining('differ by 2 customers who joined and left within 2025-12'),
  ]);
  expect(notes?.([row('retention_rate', 90), row('retention_rate_end_minus_new', 88)], c('zh-CN'))?.[0]).toContain(
    '相差 2 位',
  );
  expect(notes?.([row('retention_rate', 90), row('retention_rate_end_minus_new', 90)], c('en'))).toEqual([]);
});
