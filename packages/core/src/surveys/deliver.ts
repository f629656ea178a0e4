/**
 * Links sent to a receiver (a mailing or messaging tool) as webhooks, signed as the alerts' webhooks are
 * (predict/alerts/webhook.ts `signature`: X-Tenure-Signature t=…,v1=HMAC-SHA256). Unlike alerts they do not go
 * through the outbox: an outbox row would keep the token, which the workspace never stores. So they are posted
 * while the send runs, in batches, and a batch the receiver refused is reported and its invitations removed
 * (send.ts), so those respondents are invited again by the next send, never left with a link nobody has.
 */
import { signature } from '../predict/alerts/webhook.ts';
import type { SentInvitation } from './definition.ts';

export const WEBHOOK_BATCH = 500;

export interface Receiver {
  url: string;
  secret: string;
  timeoutMs?: number;
}

/** POST one batch; null when the receiver took it (2xx), else why not. */
export async function postLinks(
  r: Receiver,
  survey: { id: string; version: number },
  batch: readonly SentInvitation[],
): Promise<string | null> {
  const body = JSON.stringify({
    type: 'survey.invitations',
    survey_id: survey.id,
    version: survey.version,
    invitations: batch,
  });
  const t = Math.floor(Date.now() / 1000);
  try {
    const res = await fetch(r.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tenure-signature': signature(r.secret, t, body) },
      body,
      signal: AbortSignal.timeout(r.timeoutMs ?? 10_000),
    });
    await res.arrayBuffer();
    return res.ok ? null : `HTTP ${res.status}`;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
