/** Reports: `buildReport` computes a ReportData from the metric catalogue; the renderers are pure functions. */
export { buildReport, type ReportOptions, reportMetrics } from './build.ts';
export { renderHtml } from './html.ts';
export { renderMarkdown } from './markdown.ts';
export { monthly } from './monthly.ts';
export type { ReportData, Section, SectionDef } from './types.ts';
