import { z } from 'zod';
import { customerRiskResponse } from '../api/predict.ts';
import { toWire } from '../api/wire.ts';
import type { Lang } from '../present/lang.ts';
import type { Explanation } from './explain.ts';
import type { ReasonIn, RiskRow } from './queue.ts';
import type { Reason } from './reasons.ts';

/**
 * One customer's churn-risk view as `GET /churn/customers/:id` answers it, in `lang`: the score row (its reasons
 * already in `lang`) and the explanation with every reason in `lang` (worded when it was made, from today's words).
 * @example riskView(await customerScore(ws, id, 'en'), await explainCustomer(ws, id), 'en').explanation.tier
 */
export function riskView(score: RiskRow | null, e: Explanation, lang: Lang) {
  const words = (rs: Reason[]): ReasonIn[] => rs.map((r) => ({ ...r, text: r.text[lang] }));
  return toWire({ score, explanation: { ...e, reasons: words(e.reasons), contributions: words(e.contributions) } });
}

/**
 * The view's JSON text exactly as the route's serializer writes it (the response schema's encoding, then
 * JSON.stringify), so a prebuilt view (served-risk.ts) is sent as it is.
 */
export const riskViewJson = (score: RiskRow | null, e: Explanation, lang: Lang): string =>
  JSON.stringify(z.encode(customerRiskResponse, riskView(score, e, lang)));
