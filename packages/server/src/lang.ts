import type { Lang } from '@tenure/core';
import type { FastifyRequest } from 'fastify';

/**
 * The language of texts meant for people (reason codes, alerts): `?lang=` when given (`zh` and `zh-CN` both
 * mean Chinese), else the first language of Accept-Language, else English.
 * @example langOf(req) // 'zh-CN' for `Accept-Language: zh-CN,zh;q=0.9,en;q=0.8`
 */
export function langOf(req: FastifyRequest): Lang {
  // Routes that render texts declare `lang` in their query schema (api.langQuery); problems read it from any
  // route, where the query may not have been parsed yet.
  const asked = (req.query as { lang?: unknown } | undefined)?.lang;
  const text = (typeof asked === 'string' ? asked : undefined) ?? req.headers['accept-language'] ?? '';
  return text.trim().toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
