import type { CasesQuery, User } from '../../api/types.ts';

/**
 * The inbox's views: each the filters it adds to the list's query, one line each. Its label is `caseView.<name>`
 * in the dictionaries. A view the API learns to filter by (my team, overdue) is a line here and its label.
 */
export const caseViews = {
  mine: (user) => ({ owner: user?.username, status: 'open' }),
  open: () => ({ status: 'open' }),
  all: () => ({}),
} satisfies Record<string, (user: User | null | undefined) => Partial<CasesQuery>>;

export type CaseView = keyof typeof caseViews;
export const isCaseView = (v: string | null): v is CaseView => v !== null && Object.hasOwn(caseViews, v);
