/**
 * The zod schemas of teams, shared by every surface (the API's bodies and responses, the CLI's flags): zod only,
 * so the dashboard compiles them.
 */
import { z } from 'zod';

/** A team's id: it appears in URLs and config (assignment rules), so letters, digits and . _ - only. */
export const teamId = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits and . _ - (at most 64)');
const label = z.string().trim().min(1).max(80);
const username = z.string().regex(/^[A-Za-z0-9._@-]{1,64}$/, 'a username');

export const createTeamInput = z.object({ team: teamId, label_en: label, label_zh: label }).strict();
export type CreateTeamInput = z.input<typeof createTeamInput>;

export const relabelTeamInput = z
  .object({ label_en: label.optional(), label_zh: label.optional() })
  .strict()
  .refine((x) => x.label_en !== undefined || x.label_zh !== undefined, 'label_en, label_zh or both');
export type RelabelTeamInput = z.input<typeof relabelTeamInput>;

export const teamMemberInput = z.object({ username }).strict();

/** A team as every surface shows it: its labels in both languages and its members (users), by name. */
export const teamSchema = z.object({
  team: z.string(),
  label: z.object({ en: z.string(), 'zh-CN': z.string() }),
  created_at: z.string(),
  members: z.array(z.string()),
});
export type Team = z.infer<typeof teamSchema>;
