import { type Lang, normalizeLang } from '@tenure/core/present';
import type { FastifyRequest } from 'fastify';

/**
 * The language of texts meant for people (errors and hints, reason codes, alerts, rejects): `?lang=` when given
 * (`zh` and `zh-CN` both mean Chinese), else the language the logged-in user chose (kept with their user, so a
 * download link or a script with their session answers in it too), else the most preferred language of
 * Accept-Language that Tenure speaks, else English: all read by core's normalizeLang.
 * @example langOf(req) // 'zh-CN' for `Accept-Language: zh-CN,zh;q=0.9,en;q=0.8` and no choice of the user's
 */
export function langOf(req: FastifyRequest): Lang {
  // Read from the URL, not req.query: a route's query schema drops keys it does not declare, and a problem may
  // come from a route that never names `lang` (or before its query was parsed).
  const query = req.url.indexOf('?');
  const asked = query < 0 ? null : new URLSearchParams(req.url.slice(query + 1)).get('lang');
  if (asked !== null) return normalizeLang(asked);
  // The actor is known once the route's access was checked (every route but the open ones, such as login).
  return req.actor?.lang ?? normalizeLang(req.headers['accept-language']);
}
