/**
 * The texts customers and staff wrote, read from the store as columns: survey comments (surveys.comment, labelled
 * promoter or detractor by the answer's score), ticket texts (tickets.text), case notes (case_events.note) and churn
 * notes (churn_events.note). A ticket's CSAT is not a label of its text: the text is written before the ticket is
 * worked and is a complaint whatever the CSAT of its resolution turns out to be. doc_id: the answer's response_id, the ticket_id,
 * `case_id|version` of the case event, `customer_id|churned_at` of the churn.
 */

import type { DuckDbConnection } from '../../engine/duckdb/connection.ts';
import { readColumns } from '../../models/columns.ts';
import { sql } from '../../sql/sql.ts';

export interface Documents {
  n: number;
  source: string[];
  docId: string[];
  customerId: string[];
  /** Timestamps as text, as stored. */
  at: string[];
  text: string[];
  /** 1 promoter (NPS 9–10, CSAT 4–5), 0 detractor (NPS 0–6, CSAT 1–2), NaN for anything else. */
  label: Float64Array;
}

const present = (c: string) => sql`${sql.id(c)} IS NOT NULL AND length(trim(${sql.id(c)})) > 0`;

/** Every non-empty text of the four sources, oldest first. */
export async function readDocuments(db: DuckDbConnection): Promise<Documents> {
  const { rows, text, num } = await readColumns(
    db,
    sql`
    SELECT * FROM (
      SELECT 'survey' AS source, response_id AS doc_id, respondent_id AS customer_id,
        CAST(answered_at AS VARCHAR) AS ${sql.id('at')}, comment AS body,
        CAST(CASE kind WHEN 'nps' THEN CASE WHEN score <= 6 THEN 0 WHEN score >= 9 THEN 1 END
          WHEN 'csat' THEN CASE WHEN score <= 2 THEN 0 WHEN score >= 4 THEN 1 END END AS DOUBLE) AS label
      FROM surveys WHERE respondent_type = 'customer' AND ${present('comment')}
      UNION ALL
      SELECT 'ticket', ticket_id, customer_id, CAST(opened_at AS VARCHAR), text, CAST(NULL AS DOUBLE)
      FROM tickets WHERE ${present('text')}
      UNION ALL
      SELECT 'case_note', e.case_id || '|' || CAST(e.version AS VARCHAR), c.customer_id, CAST(e.${sql.id('at')} AS VARCHAR), e.note,
        CAST(NULL AS DOUBLE)
      FROM case_events e JOIN cases c USING (case_id) WHERE ${present('note')}
      UNION ALL
      SELECT 'churn_note', customer_id || '|' || CAST(churned_at AS VARCHAR), customer_id, CAST(churned_at AS VARCHAR),
        note, CAST(NULL AS DOUBLE)
      FROM churn_events WHERE ${present('note')}
    ) ORDER BY ${sql.id('at')}, source, doc_id`,
  );
  return {
    n: rows,
    source: text.source!,
    docId: text.doc_id!,
    customerId: text.customer_id!,
    at: text.at!,
    text: text.body!,
    label: num.label!,
  };
}
