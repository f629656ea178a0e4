import type { CasesQuery, User } from '../../api/types.ts';

/**
 * The inbox's views: each the filters it adds to the list's query, one line each. Its label is `caseView.<name>`
 * in the dictionaries. My team and Overdue are the server's (the signed-in user's teams; a target past due).
 */
export const caseViews = {
  mine: (user) => ({ owner: user?.username, status: 'open' }),
  my_team: () => ({ my_team: true, status: 'open' }),
  overdue: () => ({ overdue: true }),
  open: () => ({ status: 'open' }),
  all: () => ({}),
} satisfies Record<string, (user: User | null | undefined) => Partial<CasesQuery>>;

export type CaseView = keyof typeof caseViews;
export const isCaseView = (v: string | null): v is CaseView => v !== null && Object.hasOwn(caseViews, v);
