import { api, buildReport, type ReportData, renderHtml, renderMarkdown } from '@tenure/core';
import { z } from 'zod';
import type { Freshness } from '../cache.ts';
import { type RouteGroup, route } from '../route.ts';

/** The report as the cache keeps it: its data, and how current its figures are (JSON only says so). */
type Kept = ReportData & Freshness;

/** Each format of the report: its content type and how the report data becomes the body. */
const formats = {
  json: { type: 'application/json', render: (d: Kept) => d },
  html: { type: 'text/html; charset=utf-8', render: renderHtml },
  md: { type: 'text/markdown; charset=utf-8', render: renderMarkdown },
} satisfies Record<z.infer<typeof api.reportQuery>['format'], { type: string; render: (d: Kept) => unknown }>;

/** The monthly management report, as data or rendered like `tenure report`. */
export const report: RouteGroup = {
  prefix: '/api/v1',
  tag: 'report',
  routes: [
    route({
      method: 'GET',
      url: '/report',
      config: { access: 'viewer' },
      schema: {
        summary: 'The monthly report: JSON data, HTML with charts, or Markdown',
        querystring: api.reportQuery,
        response: {
          200: {
            content: {
              'application/json': { schema: api.reportResponse },
              'text/html': { schema: z.string() },
              'text/markdown': { schema: z.string() },
            },
          },
        },
      },
      handler: async (req, reply) => {
        const { format, lang, from, to } = req.query;
        const data = await req.server.tenure.keptView(['report', lang, from, to], (ws) =>
          buildReport(ws, { lang, ...(from ? { from } : {}), ...(to ? { to } : {}) }),
        );
        const f = formats[format];
        return reply.type(f.type).send(f.render(data));
      },
    }),
  ],
};
