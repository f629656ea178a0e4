/**
 * The case pages draw the workflow without bundling it: the stages come from core's label table, the next step
 * and each step's fields are the forms' own lists. These must be core's workflow (cases/workflow.ts), or the
 * stepper would show a wrong order and a form would send a field its step does not take.
 */
import { CASE_STAGES, nextStage as coreNextStage, STAGE_FIELDS } from '@tenure/core';
import { describe, expect, it } from 'vitest';
import { nextStage, STEPS, CASE_STAGES as webStages } from '../packages/web/src/components/case-terms.ts';
import { caseViews } from '../packages/web/src/pages/cases/case-views.ts';
import { STEP_FIELDS } from '../packages/web/src/pages/cases/step-stages.ts';

describe('the case pages follow core’s workflow', () => {
  it('lists the stages in the workflow’s order, and the stepper the five steps and closing', () => {
    expect(webStages).toEqual([...CASE_STAGES]);
    expect(STEPS).toEqual(CASE_STAGES.filter((s) => s !== 'cancelled'));
  });

  it('offers the step the workflow allows next, and none after closing or cancelling', () => {
    for (const s of CASE_STAGES) expect(nextStage(s), s).toBe(coreNextStage(s));
  });

  it('sends each step’s fields, all of them and no other', () => {
    expect(Object.keys(STEP_FIELDS)).toEqual(Object.keys(STAGE_FIELDS));
    for (const [stage, { required, optional }] of Object.entries(STAGE_FIELDS))
      expect([...STEP_FIELDS[stage as keyof typeof STEP_FIELDS]].sort(), stage).toEqual(
        [...required, ...optional].sort(),
      );
  });

  it('shows a user their own open cases as “mine”, and every open one as “all open”', () => {
    expect(caseViews.mine({ username: 'li.wei' } as never)).toEqual({ owner: 'li.wei', status: 'open' });
    expect(caseViews.open()).toEqual({ status: 'open' });
    expect(caseViews.all()).toEqual({});
  });
});
