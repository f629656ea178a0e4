import type { Lang } from '@tenure/core';
import type { FastifyRequest } from 'fastify';

/**
 * The language of texts meant for people (reason codes, alerts): `?lang=` when given (`zh` and `zh-CN` both
 * mean Chinese), else the first language of Accept-Language, else English.
 * @example langOf(req) // 'zh-CN' for `Accept-Language: zh-CN,zh;q=0.9,en;q=0.8`
 */
export function langOf(req: FastifyRequest): Lang {
  // Every route that calls this declares `lang` in its query schema (api.langQuery).
  const asked = (req.query as { lang?: string }).lang ?? req.headers['accept-language'] ?? '';
  return asked.trim().toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
