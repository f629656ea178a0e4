/**
 * The `cases` section of tenure.config.json: the root-cause taxonomy of the diagnose step, the approval of
 * compensation, SLA policies and assignment rules. Every key has a default, so configs written before cases existed stay valid.
 */
import { z } from 'zod';
import { roles } from '../access/roles.ts';
import { assignmentConfigSchema, slaConfigSchema } from './sla/config.ts';
import { DEFAULT_ROOT_CAUSES } from './workflow.ts';

const term = z.string().regex(/^[a-z_][a-z0-9_]*$/, 'use lower-case letters, digits and _');
const label = z.object({ en: z.string().min(1).max(80), 'zh-CN': z.string().min(1).max(80) }).strict();

const casesConfigObject = z
  .object({
    /** The root causes a diagnosis chooses from; the default terms have labels, others need `root_cause_labels`. */
    root_causes: z
      .array(term)
      .min(1)
      .max(100)
      .default([...DEFAULT_ROOT_CAUSES]),
    /** Labels of root causes beyond the default taxonomy (or to reword a default one), in both languages. */
    root_cause_labels: z.record(term, label).default({}),
    /** A planned compensation above this amount (the workspace currency) needs an approver. */
    approval_limit: z.number().min(0).max(1e12).default(100),
    /** The least role an approver of compensation above the limit must have. */
    approver_role: z.enum(roles).default('admin'),
    /** SLA policies, their business calendars and breach alerts (sla/config.ts). */
    sla: slaConfigSchema.default(() => slaConfigSchema.parse({})),
    /** Which team a case opened without owner or team goes to (sla/config.ts, routing.ts). */
    assignment: assignmentConfigSchema,
  })
  .strict();

export const casesConfigSchema = casesConfigObject.superRefine((c, ctx) => {
  // Every term shown needs its words in both languages: a term of the default taxonomy has them in present/.
  const known = new Set<string>(DEFAULT_ROOT_CAUSES);
  for (const [i, t] of c.root_causes.entries())
    if (!known.has(t) && !Object.hasOwn(c.root_cause_labels, t))
      ctx.addIssue({ code: 'custom', path: ['root_causes', i], message: `give ${t} its labels in root_cause_labels` });
  if (new Set(c.root_causes).size !== c.root_causes.length)
    ctx.addIssue({ code: 'custom', path: ['root_causes'], message: 'list each root cause once' });
});

export type CasesConfig = z.infer<typeof casesConfigSchema>;

export const defaultCasesConfig = (): CasesConfig => casesConfigSchema.parse({});
