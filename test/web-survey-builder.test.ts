/**
 * The builder's values become a definition the server takes (checked with core's own schema, the one the route
 * validates with), ids of stored questions and choices never move on a save, and the links file cannot carry a
 * formula into a spreadsheet.
 */
import { newSurveyBody } from '@tenure/core/api';
import { describe, expect, it } from 'vitest';
import { definitionOf, type Values, valuesOf } from '../packages/web/src/pages/surveys/form-values.ts';
import { linksCsv } from '../packages/web/src/pages/surveys/links-csv.ts';
import type { SendResult, Survey } from '../packages/web/src/pages/surveys/types.ts';

const both = (en: string, zh: string) => ({ en, 'zh-CN': zh });

const values = (over: Partial<Values> = {}): Values => ({
  ...valuesOf(null),
  id: 'pulse',
  title: both('Pulse', '脉搏'),
  questions: [
    { type: 'scale_0_10', text: both('Recommend us?', '推荐吗？'), required: true, main: true },
    {
      type: 'single',
      text: both('Which?', '哪个？'),
      options: [{ text: both('Calls', '通话') }, { text: both('Data', '流量') }],
      required: false,
      main: false,
    },
    { type: 'text', text: both('Why?', '为什么？'), required: false, main: false },
  ],
  ...over,
});

describe('the survey builder', () => {
  it("makes a definition core's schema accepts, with ids for new questions and choices", () => {
    const def = definitionOf(values({ schedule: true, every_days: 30, schedule_filter: 'region=north\n\n' }));
    const parsed = newSurveyBody.parse(def);
    expect(parsed.questions.map((q) => q.id)).toEqual(['q1', 'q2', 'q3']);
    expect(parsed.questions[1]?.options?.map((o) => o.id)).toEqual(['o1', 'o2']);
    expect(parsed.triggers).toEqual([{ kind: 'schedule', every_days: 30, filter: ['region=north'] }]);
    expect(parsed.delivery).toBeUndefined();
  });

  it('a survey that sends by itself carries its delivery webhook, and reads back as it was set', () => {
    const def = definitionOf(
      values({
        case_closed: true,
        self_send: true,
        webhook_url: ' https://mail.example.com/tenure ',
        secret_env: 'MAIL_SECRET',
        delivery_lang: 'zh-CN',
      }),
    );
    const parsed = newSurveyBody.parse(def);
    expect(parsed.delivery).toEqual({
      webhook: { url: 'https://mail.example.com/tenure', secret_env: 'MAIL_SECRET' },
      lang: 'zh-CN',
    });
    const back = valuesOf({ ...(parsed as unknown as Survey), version: 1, created_at: '', created_by: 'x' });
    expect(back).toMatchObject({
      self_send: true,
      webhook_url: 'https://mail.example.com/tenure',
      delivery_lang: 'zh-CN',
    });
  });

  it('keeps stored ids when a question is removed and one added, and sends the version read', () => {
    const stored = {
      ...newSurveyBody.parse(definitionOf(values())),
      version: 3,
      created_at: '2026-12-01 10:00:00',
      created_by: 'admin',
      versions: [1, 2, 3],
    } as Survey;
    const v = valuesOf(stored);
    v.questions.splice(0, 1, { type: 'scale_0_10', text: both('Again?', '再来？'), required: true, main: true });
    const def = definitionOf(v, stored.version);
    expect(def.version).toBe(3);
    // q1 was removed: the new question takes the first free id, and q2, q3 keep theirs.
    expect(newSurveyBody.parse(def).questions.map((q) => q.id)).toEqual(['q1', 'q2', 'q3']);
    v.questions.push({ type: 'text', text: both('More?', '还有？'), required: false, main: false });
    expect(definitionOf(v).questions.map((q) => q.id)).toEqual(['q1', 'q2', 'q3', 'q4']);
  });

  it('leaves the dimension out of a survey that is not an employee survey', () => {
    const qs = values().questions.map((q) => ({ ...q, dimension: 'pay' }));
    expect(definitionOf(values({ questions: qs })).questions.every((q) => !('dimension' in q))).toBe(true);
    const employee = definitionOf(values({ kind: 'employee', questions: qs }));
    expect(employee.questions.map((q) => q.dimension)).toEqual(['pay', 'pay', 'pay']);
  });
});

describe('the links file', () => {
  it('quotes what needs quoting and defuses a formula in a respondent id', () => {
    const link = (id: string) => ({
      respondent_type: 'customer' as const,
      respondent_id: id,
      lang: 'en' as const,
      source: 'manual' as const,
      source_ref: null,
      expires_at: '2026-12-21 00:00:00',
      token: 't',
      link: 'https://x.test/s/t',
    });
    const sent = { invitations: [link('=HYPERLINK("evil")'), link('a,b')] } as SendResult;
    const lines = linksCsv(sent).trim().split('\r\n');
    expect(lines[0]).toBe('respondent_type,respondent_id,lang,expires_at,link');
    expect(lines[1]).toBe(`customer,"'=HYPERLINK(""evil"")",en,2026-12-21 00:00:00,https://x.test/s/t`);
    expect(lines[2]).toBe('customer,"a,b",en,2026-12-21 00:00:00,https://x.test/s/t');
  });
});
