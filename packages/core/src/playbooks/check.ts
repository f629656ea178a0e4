import type { z } from 'zod';
import { filterDimensions } from '../customers/columns.ts';
import { type PlaybookProblem, tenureError } from '../errors.ts';
import { allowedOf } from '../options.ts';
import { alertRuleNames, tiers } from '../predict/alerts/rules.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { type PlaybookDefinition, type PlaybookInput, playbookInput } from './definition.ts';
import { customerFilterOf } from './filter.ts';

const textOf = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

/** The value at a path of the input, to show beside what the path takes. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/** Each issue of a definition's parse as a problem: its path, the value given there and what it takes (surveys too). */
export const definitionProblems = (input: unknown, issues: readonly z.core.$ZodIssue[]): PlaybookProblem[] =>
  issues.flatMap((issue) =>
    (issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path]).map((path) => ({
      path: path.join('.'),
      value: textOf(valueAt(input, path)),
      allowed: allowedOf(issue),
    })),
  );

/**
 * A playbook definition as given (a file, a request body) checked in two passes: its shape, every problem at
 * once (TEN_PLAYBOOK_INVALID naming each path); then what it names against the workspace: the risk tier
 * (TEN_PLAYBOOK_UNKNOWN_TIER), the alert rule (TEN_PLAYBOOK_UNKNOWN_RULE), the filtered customer fields
 * (TEN_PLAYBOOK_UNKNOWN_FIELD), the owner (TEN_CASE_UNKNOWN_OWNER) and the team (TEN_PLAYBOOK_UNKNOWN_TEAM).
 * Nothing is written by a check.
 * @example const { definition, version } = await checkPlaybook(ws, JSON.parse(file))
 */
export async function checkPlaybook(
  ws: Workspace,
  input: unknown,
): Promise<{ definition: PlaybookDefinition; version: number | undefined }> {
  const r = playbookInput.safeParse(input);
  if (!r.success) {
    const id = valueAt(input, ['id']);
    const problems = definitionProblems(input, r.error.issues);
    throw tenureError('TEN_PLAYBOOK_INVALID', { id: typeof id === 'string' ? id : null, playbookProblems: problems });
  }
  const { version, ...definition } = r.data;
  const t = definition.trigger;
  if (t.kind === 'risk_tier' && !(tiers as readonly string[]).includes(t.tier))
    throw tenureError('TEN_PLAYBOOK_UNKNOWN_TIER', { tier: t.tier, known: [...tiers] }, { path: 'trigger.tier' });
  if (t.kind === 'alert_rule' && !(alertRuleNames as string[]).includes(t.rule))
    throw tenureError('TEN_PLAYBOOK_UNKNOWN_RULE', { rule: t.rule, known: alertRuleNames }, { path: 'trigger.rule' });
  if (t.kind === 'filter') {
    const known = await filterDimensions(ws);
    for (const field of Object.keys(customerFilterOf(t.filter)))
      if (!known.includes(field))
        throw tenureError('TEN_PLAYBOOK_UNKNOWN_FIELD', { field, known }, { path: 'trigger.filter' });
  }
  const { owner, team } = definition.owner_rule;
  if (owner && !(await ws.db.all(sql`SELECT 1 AS x FROM users WHERE username = ${owner}`)).length)
    throw tenureError('TEN_CASE_UNKNOWN_OWNER', { owner }, { path: 'owner_rule.owner' });
  if (team && !(await ws.db.all(sql`SELECT 1 AS x FROM teams WHERE team = ${team}`)).length)
    throw tenureError('TEN_PLAYBOOK_UNKNOWN_TEAM', { team }, { path: 'owner_rule.team' });
  return { definition, version };
}

export type { PlaybookInput };
