import { type AnswerResult, answerSurveys, listPlaybooks, runPlaybooksOn, TenureError } from '@tenure/core';
import type { ServerContext } from './context.ts';

/** Answers written in one transaction at most: a batch stays a few milliseconds of work. */
const MAX_BATCH = 500;

interface Waiting {
  token: string;
  input: unknown;
  done: (r: AnswerResult) => void;
  fail: (e: unknown) => void;
}

/**
 * Survey answers written in groups (group commit): an answer arriving while a write runs waits for it and goes
 * into the next, one transaction for all that arrived meanwhile. Each DuckDB commit costs milliseconds whatever
 * it holds, so one answer per transaction held a loaded two-core server to about 30 answers a second; grouped,
 * the rate follows the arrivals. An idle server writes an answer at once (no timer to wait for). Each answer
 * still gets its own result or refusal (core's answerSurveys), and a failure of the write fails only its batch,
 * which stored nothing.
 */
export class AnswerBatcher {
  private readonly queue: Waiting[] = [];
  private running = false;

  constructor(private readonly ctx: ServerContext) {}

  answer(token: string, input: unknown): Promise<AnswerResult> {
    return new Promise((done, fail) => {
      this.queue.push({ token, input, done, fail });
      this.flush();
    });
  }

  /**
   * An unhappy answer may open a case: the survey_answer playbooks run after the batch, off the respondents'
   * time, each scored customer answer its own run (cause `survey`, the response id its ref); nothing runs when
   * no such playbook is switched on.
   */
  private runPlaybooks(stored: AnswerResult[]): void {
    const refs = stored
      .filter((a) => a.score !== null && (a.kind === 'nps' || a.kind === 'csat') && a.respondent_type === 'customer')
      .map((a) => a.response_id);
    if (!refs.length) return;
    // Asked on the read lane's kept connections: most batches find no such playbook, and a case write's own
    // connection would cost each batch a connect.
    this.ctx
      .db(listPlaybooks)
      .then((all) =>
        all.some((p) => p.enabled && p.trigger.kind === 'survey_answer')
          ? this.ctx.caseWrite(async (ws) => {
              for (const ref of refs) await runPlaybooksOn(ws, { kind: 'survey', ref });
            })
          : undefined,
      )
      .catch((e: unknown) => this.ctx.errors.write('playbooks after survey answers', e));
  }

  private flush(): void {
    if (this.running || !this.queue.length) return;
    this.running = true;
    const batch = this.queue.splice(0, MAX_BATCH);
    this.ctx
      .caseWrite((ws) =>
        answerSurveys(
          ws,
          batch.map((w) => ({ token: w.token, input: w.input })),
        ),
      )
      .then(
        (results) => {
          results.forEach((r, i) => {
            const w = batch[i] as Waiting;
            if (r instanceof TenureError) w.fail(r);
            else w.done(r);
          });
          this.runPlaybooks(results.filter((r): r is AnswerResult => !(r instanceof TenureError)));
        },
        (e: unknown) => {
          for (const w of batch) w.fail(e);
        },
      )
      .finally(() => {
        this.running = false;
        this.flush();
      });
  }
}
