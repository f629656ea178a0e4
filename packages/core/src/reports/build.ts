import type { Connection } from '../engine/engine.ts';
import { TenureError } from '../errors.ts';
import { calendarOf } from '../metrics/calendar.ts';
import { computeMetrics, type MetricRow } from '../metrics/compute.ts';
import { SNAPSHOT_NOTE } from '../metrics/snapshot.ts';
import { formats, normalizeLang } from '../present/index.ts';
import type { TenureConfig } from '../workspace/config.ts';
import { monthly } from './monthly.ts';
import { reportRange } from './range.ts';
import { builders, known } from './sections.ts';
import { t } from './text.ts';
import type { BuildContext, ReportData, Section, SectionDef } from './types.ts';

export interface ReportOptions {
  /** 'en' (default), 'zh' or 'zh-CN'. */
  lang?: string;
  /** YYYY-MM; by default the 12 months ending with the last complete month that has data. */
  from?: string;
  to?: string;
  /** The report definition; the monthly report by default. */
  sections?: SectionDef[];
}

async function buildSection(
  ws: { db: Connection; config: TenureConfig },
  def: SectionDef,
  c: BuildContext,
): Promise<Section> {
  const present = def.metrics.filter(known);
  const notes = def.metrics.filter((m) => !known(m)).map((id) => t(c.lang, 'missing_metric', { id }));
  let rows: MetricRow[] = [];
  let computed = present.length > 0;
  if (computed) {
    const queries = [def.query(c.range)].flat();
    try {
      for (const q of queries) rows.push(...(await computeMetrics(ws.db, ws.config, present, q)));
    } catch (e) {
      if (!(e instanceof TenureError && e.code === 'TEN_METRIC_UNKNOWN_SEGMENT')) throw e;
      notes.push(t(c.lang, 'no_dimension', { name: queries.flatMap((q) => q.by ?? []).join(', ') }));
      computed = false;
      rows = [];
    }
  }
  // Snapshot-dated figures (metrics/snapshot.ts) are not shown over time: the trend leaves them out, and the
  // section says why in the report's language.
  const dated = rows.find((r) => r.snapshot)?.snapshot;
  const built = builders[def.kind](def, def.kind === 'trend' ? rows.filter((r) => !r.snapshot) : rows, c);
  if (computed) notes.push(...(def.notes?.(rows, c) ?? []), ...built.notes);
  if (dated) notes.push(SNAPSHOT_NOTE[c.lang](dated));
  return { id: def.id, title: def.title[c.lang], metrics: def.metrics, skipped: !computed, notes, ...built.body };
}

/** Every metric a report definition reads (the CLI refreshes their rollups first). */
export const reportMetrics = (sections: SectionDef[] = monthly): string[] => [
  ...new Set(sections.flatMap((s) => s.metrics)),
];

/**
 * Compute a report: every figure is a metric row from the catalogue (computeMetrics), arranged by the
 * report definition. Render it with renderMarkdown or renderHtml.
 * @example const data = await buildReport(ws, { lang: 'zh' }); writeFileSync('report.html', renderHtml(data))
 */
export async function buildReport(
  ws: { db: Connection; config: TenureConfig },
  opts: ReportOptions = {},
): Promise<ReportData> {
  const lang = normalizeLang(opts.lang);
  const calendar = calendarOf(ws.config);
  const range = await reportRange(ws.db, calendar, opts);
  const c: BuildContext = { lang, fmt: formats(lang, ws.config.currency), range, config: ws.config };
  const sections: Section[] = [];
  for (const def of opts.sections ?? monthly) sections.push(await buildSection(ws, def, c));
  return {
    lang,
    title: t(lang, 'report_title'),
    from: range.from,
    to: range.to,
    currency: ws.config.currency,
    sections,
  };
}
