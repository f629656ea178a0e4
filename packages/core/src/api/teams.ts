import { z } from 'zod';
import { createTeamInput, relabelTeamInput, teamMemberInput, teamSchema } from '../cases/team-schemas.ts';

/**
 * The team routes' shapes: core's team schemas (cases/team-schemas.ts), which the CLI's arguments share. Viewers
 * read teams (the inbox's team filter), admins change them.
 */
export const teamParams = z.object({ team: z.string() });
export const teamMemberParams = z.object({ team: z.string(), username: z.string() });
export const teamsResponse = z.object({ teams: z.array(teamSchema) });
export const createTeamBody = createTeamInput;
export const relabelTeamBody = relabelTeamInput;
export const teamMemberBody = teamMemberInput;
export { teamSchema };
