/**
 * The survey triggers' clock (the server runs it, `tenure surveys send-due` runs it once for a scheduler such as
 * cron): every survey whose triggers send by themselves (a `delivery` webhook) invites what its triggers find and
 * posts the new links. A run invites no one twice (each trigger row invites once, send.ts), so running it more
 * often only makes the links go out sooner. One survey's problem (a missing secret, a receiver that is down) is
 * reported with it and never stops the others.
 */
import { asTenureError } from '../errors.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { type SendOptions, sendSurvey } from './send.ts';
import { listSurveys } from './store.ts';

export interface DueSend {
  survey_id: string;
  created: number;
  /** Links the webhook refused (they are not kept; the next run offers them again). */
  failed: number;
  /** The error code of a run that could not send at all. */
  error: string | null;
}

/**
 * Send every self-sending survey's triggers now.
 * @example const sent = await sendDueSurveys(ws); // [{ survey_id: 'post-case', created: 3, failed: 0, error: null }]
 */
export async function sendDueSurveys(ws: Workspace, o: SendOptions = {}): Promise<DueSend[]> {
  const due = (await listSurveys(ws)).filter((s) => s.delivery && s.triggers.length > 0);
  const out: DueSend[] = [];
  for (const s of due) {
    const d = s.delivery!;
    try {
      const r = await sendSurvey(
        ws,
        s.id,
        { triggers: true, webhook: d.webhook, lang: d.lang, ...(d.base_url ? { base_url: d.base_url } : {}) },
        o,
      );
      out.push({ survey_id: s.id, created: r.created, failed: r.webhook?.failed ?? 0, error: null });
    } catch (e) {
      out.push({ survey_id: s.id, created: 0, failed: 0, error: asTenureError(e).code });
    }
  }
  return out;
}
