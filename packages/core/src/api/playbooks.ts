import { z } from 'zod';
import { playbookInput, playbookRunSchema, playbookSchema, runPlaybookInput } from '../playbooks/definition.ts';

/**
 * The playbook routes' shapes: core's playbook schemas (playbooks/definition.ts), which a saved file is checked
 * with too. A change sends the `version` it read (a stale one is 409 TEN_PLAYBOOK_STALE with the current
 * version); the id of a change is the path's.
 */
export const playbookParams = z.object({ id: z.string() });
export const playbookResponse = playbookSchema;
export const playbooksResponse = z.object({ playbooks: z.array(playbookSchema) });
export const newPlaybookBody = playbookInput.omit({ version: true });
export const playbookChangeBody = playbookInput.omit({ id: true }).extend({ version: z.number().int().min(1) });
export const playbookEnabledBody = z
  .object({ enabled: z.boolean(), version: z.number().int().min(1).optional() })
  .strict();
export const playbookDeleteQuery = z.object({ version: z.coerce.number().int().min(1).optional() }).strict();
export const runPlaybookBody = runPlaybookInput;
export const playbookRunResponse = playbookRunSchema;
